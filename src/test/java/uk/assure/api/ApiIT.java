package uk.assure.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.assure.account.Role;
import uk.assure.account.UserRepository;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.EvidenceFile;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;
import uk.assure.support.ApiClient;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.TestClock;
import uk.assure.system.SecretTokens;

/**
 * The JSON API as a partner's program uses it: a lead makes a token on their account page, reads plans and their
 * actions with it, records an update (history, revised date, audit) and is refused plainly — field by field, or
 * line and column — when the body is wrong. A token is the only way in: a page's session cookie opens nothing, and
 * a revoked or expired token, or one whose account is disabled, is turned away.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=api")
class ApiIT {

    private static final String PASSWORD = "a long enough test password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ObjectMapper json;

    @Autowired
    ProgressService progress;

    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    String planId;
    String actionId;
    String email;
    Browserless lead;

    /** A fresh lead of an agency that leads an open action, signed in on the pages. */
    @BeforeEach
    void aLeadOfAnOpenAction() {
        var row = jdbc.sql("""
                SELECT p.external_id, a.external_id, l.agency_id, p.partnership_id FROM action a
                JOIN plan p ON p.id = a.plan_id JOIN action_lead l ON l.action_id = a.id
                WHERE a.status IN ('NOT_STARTED', 'IN_PROGRESS') AND l.agency_id IS NOT NULL
                ORDER BY a.id LIMIT 1""")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)})
                .single();
        planId = (String) row[0];
        actionId = (String) row[1];
        email = "lead-" + System.nanoTime() + "@api.test";
        users.create(
                (Long) row[3],
                new UserRepository.NewUser(email, "API Lead", Role.LEAD, (Long) row[2]),
                passwords.encode(PASSWORD));
        lead = new Browserless(port);
        lead.signIn(email, PASSWORD);
    }

    @Test
    void aTokenMadeOnTheAccountPageIsShownOnceKeptHashedAndReadsThePlans() throws Exception {
        HttpResponse<String> made = makeToken(lead, "Performance dashboard", "30");
        assertThat(made.statusCode()).isEqualTo(201);
        String token = Jsoup.parse(made.body()).getElementById("token").text();
        assertThat(token).startsWith("assure_").hasSize(7 + 43);
        assertThat(lead.get("/account/api-tokens").body())
                .as("shown once")
                .doesNotContain(token)
                .contains("Performance dashboard");
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = ?")
                        .param(SecretTokens.hash(token))
                        .query(Long.class)
                        .single())
                .as("only its hash is kept")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'API_TOKEN_CREATED' AND actor = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        ApiClient api = new ApiClient(port, token);
        HttpResponse<String> list = api.get("/api/v1/plans");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(list.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(list.headers().firstValue("Set-Cookie"))
                .as("no session is made")
                .isEmpty();
        JsonNode plans = json.readTree(list.body());
        long partnership = jdbc.sql("SELECT partnership_id FROM plan WHERE external_id = ?")
                .param(planId)
                .query(Long.class)
                .single();
        assertThat(plans)
                .hasSize(jdbc.sql("SELECT count(*) FROM plan WHERE partnership_id = ?")
                        .param(partnership)
                        .query(Integer.class)
                        .single());
        JsonNode summary = find(plans, planId);
        int actions = jdbc.sql("SELECT count(*) FROM action a JOIN plan p ON p.id = a.plan_id WHERE p.external_id = ?")
                .param(planId)
                .query(Integer.class)
                .single();
        assertThat(summary.get("actions").asInt()).isEqualTo(actions);
        int rated = 0;
        for (JsonNode count : summary.get("rag")) {
            rated += count.asInt();
        }
        assertThat(rated).as("every action rated once").isEqualTo(actions);

        JsonNode plan = json.readTree(api.get("/api/v1/plans/" + planId).body());
        List<String> actionIds = new ArrayList<>();
        plan.get("sections")
                .forEach(s ->
                        s.get("actions").forEach(a -> actionIds.add(a.get("id").asText())));
        assertThat(actionIds).hasSize(actions).contains(actionId);

        assertThat(lead.get("/account/api-tokens").body())
                .as("its last use is shown")
                .doesNotContain(">Never<");
    }

    @Test
    void aLeadRecordsAnUpdateWithARevisedDateAndAStaleOrBadOneIsRefusedSayingWhy() throws Exception {
        ApiClient api = new ApiClient(port, token(lead));
        String path = "/api/v1/plans/" + planId + "/actions/" + actionId;
        JsonNode before = json.readTree(api.get(path).body());
        int version = before.get("version").asInt();

        HttpResponse<String> recorded = api.post(path + "/updates", """
                {"version": %d, "narrative": "Twelve case audits done; report to the March board.",
                 "revisedDue": "2027-06-30", "revisionReason": "The auditor started late"}""".formatted(version));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.headers().firstValue("Location")).hasValue(path);
        assertThat(json.readTree(recorded.body()).get("version").asInt()).isEqualTo(version + 1);

        JsonNode after = json.readTree(api.get(path).body());
        JsonNode latest = after.get("history").get(0);
        assertThat(latest.get("author").asText()).isEqualTo("API Lead");
        assertThat(latest.get("narrative").asText()).startsWith("Twelve case audits done");
        assertThat(latest.get("revisedDue").get("date").asText()).isEqualTo("2027-06-30");
        assertThat(latest.get("step").asText()).isEqualTo("REVISION_REQUESTED");
        assertThat(after.get("currentDue")).as("a request until accepted").isEqualTo(before.get("currentDue"));
        assertThat(after.get("signOff").get("requestedDue").get("date").asText())
                .isEqualTo("2027-06-30");
        assertThat(after.get("originalDue")).as("the original date stays").isEqualTo(before.get("originalDue"));
        assertThat(jdbc.sql("""
                SELECT actor FROM audit_event WHERE event_type = 'REVISION_REQUESTED' AND object_id = ?
                ORDER BY id DESC LIMIT 1""").param(actionId).query(String.class).single()).isEqualTo("API Lead");

        HttpResponse<String> stale = api.post(path + "/updates", """
                {"version": %d, "narrative": "Written before the update above"}""".formatted(version));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(stale.body()).get("lastUpdatedBy").asText()).isEqualTo("API Lead");

        HttpResponse<String> empty = api.post(path + "/updates", "{\"version\": %d}".formatted(version + 1));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(fields(empty)).contains("narrative");

        HttpResponse<String> badDate = api.post(
                path + "/updates",
                "{\"version\": %d,\n \"narrative\": \"x\",\n \"revisedDue\": \"31/06/2027\"}".formatted(version + 1));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(fields(badDate)).containsExactly("revisedDue");
        assertThat(json.readTree(badDate.body()).get("detail").asText()).contains("line 3", "YYYY-MM-DD");

        HttpResponse<String> notJson = api.post(path + "/updates", "{\"version\": 1,\n \"narrative\": }");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notJson.body()).get("detail").asText()).contains("not valid JSON", "line 2");

        HttpResponse<String> badStatus = api.post(
                path + "/updates",
                "{\"version\": %d, \"narrative\": \"x\", \"status\": \"DONE\"}".formatted(version + 1));
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(fields(badStatus)).contains("status");
        assertThat(json.readTree(api.get(path).body()).get("version").asInt())
                .as("nothing refused was written")
                .isEqualTo(version + 1);
    }

    @Test
    void anEvidenceFileInTheHistoryDownloadsWithTheSameToken() throws Exception {
        long partnership = jdbc.sql("SELECT partnership_id FROM action WHERE external_id = ?")
                .param(actionId)
                .query(Long.class)
                .single();
        int version = jdbc.sql("SELECT version FROM action WHERE external_id = ?")
                .param(actionId)
                .query(Integer.class)
                .single();
        progress.record(
                partnership,
                actionId,
                version,
                ProgressEntry.note("Audit report attached", ActionStatus.IN_PROGRESS),
                new ProgressService.Author(null, "Auditor"),
                EvidenceFile.of("audit report.txt", "Twelve cases audited".getBytes(StandardCharsets.UTF_8)));
        ApiClient api = new ApiClient(port, token(lead));
        JsonNode file = json.readTree(api.get("/api/v1/plans/" + planId + "/actions/" + actionId)
                        .body())
                .get("history")
                .get(0)
                .get("files")
                .get(0);
        assertThat(file.get("name").asText()).isEqualTo("audit report.txt");
        HttpResponse<String> download = api.get(file.get("url").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("Twelve cases audited");
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment");
    }

    @Test
    void aBodyOverAMegabyteIsRefusedUnreadAndAnOverlongNarrativeIsAFieldError() throws Exception {
        ApiClient api = new ApiClient(port, token(lead));
        String path = "/api/v1/plans/" + planId + "/actions/" + actionId;
        int version = json.readTree(api.get(path).body()).get("version").asInt();
        String huge = "{\"version\": %d, \"narrative\": \"%s\"}".formatted(version, "a".repeat(1_100_000));

        HttpResponse<String> said = api.post(path + "/updates", huge);
        HttpResponse<String> streamed = api.postStreamed(path + "/updates", huge.getBytes(StandardCharsets.UTF_8));

        assertThat(said.statusCode()).as("length given").isEqualTo(413);
        assertThat(streamed.statusCode()).as("length not given").isEqualTo(413);
        assertThat(json.readTree(streamed.body()).get("detail").asText()).contains("1 MB or smaller");

        HttpResponse<String> overlong = api.post(
                path + "/updates", "{\"version\": %d, \"narrative\": \"%s\"}".formatted(version, "a".repeat(20_001)));
        assertThat(overlong.statusCode()).isEqualTo(400);
        assertThat(fields(overlong)).containsExactly("narrative");
        assertThat(json.readTree(overlong.body()).get("detail").asText())
                .contains("20,000 characters or fewer", "20,001");
        assertThat(json.readTree(api.get(path).body()).get("version").asInt())
                .as("nothing written")
                .isEqualTo(version);
    }

    @Test
    void aPageSessionOpensNoApiRouteAndNoRefusalLeaksWhatExists() throws Exception {
        HttpResponse<String> withCookie = lead.firstAnswer("GET", "/api/v1/plans", Map.of());
        assertThat(withCookie.statusCode())
                .as("a session cookie is not a sign-in for the API")
                .isEqualTo(401);
        assertThat(withCookie.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Bearer");
        String path = "/api/v1/plans/" + planId + "/actions/" + actionId + "/comments";
        assertThat(lead.firstAnswer("POST", path, Map.of("comment", "Forged")).statusCode())
                .isEqualTo(401);

        assertThat(new ApiClient(port, "assure_" + SecretTokens.generate())
                        .get("/api/v1/plans")
                        .statusCode())
                .as("a token nobody made")
                .isEqualTo(401);
        assertThat(new ApiClient(port, null).get("/api/v1/plans").statusCode()).isEqualTo(401);

        ApiClient api = new ApiClient(port, token(lead));
        HttpResponse<String> missing = api.get("/api/v1/plans/" + planId + "/actions/no-such-action");
        HttpResponse<String> wrongPlan = api.get("/api/v1/plans/no-such-plan/actions/" + actionId);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(wrongPlan.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("detail"))
                .isEqualTo(json.readTree(wrongPlan.body()).get("detail"));

        HttpResponse<String> comment = api.post(path, "{\"comment\": \"Leads do not comment\"}");
        assertThat(comment.statusCode()).isEqualTo(403);
        assertThat(json.readTree(comment.body()).get("detail").asText()).contains("board members");
    }

    @Test
    void aTokenStopsWorkingWhenRevokedWhenItExpiresAndWhenItsAccountIsDisabled() throws Exception {
        String revoked = token(lead);
        assertThat(new ApiClient(port, revoked).get("/api/v1/plans").statusCode())
                .isEqualTo(200);
        Document page = lead.page("/account/api-tokens");
        String revoke = page.select("form[action$=/revoke]").first().attr("action");
        assertThat(lead.post(revoke, Map.of("_csrf", Browserless.csrf(page))).body())
                .contains("Token revoked");
        assertThat(new ApiClient(port, revoked).get("/api/v1/plans").statusCode())
                .isEqualTo(401);

        String shortLived = token(lead); // 30 days
        assertThat(new ApiClient(port, shortLived).get("/api/v1/plans").statusCode())
                .isEqualTo(200);
        TestClock.of(port).move(Duration.ofDays(31));
        assertThat(new ApiClient(port, shortLived).get("/api/v1/plans").statusCode())
                .isEqualTo(401);

        Browserless again = new Browserless(port);
        again.signIn(email, PASSWORD);
        String longLived = token(again);
        assertThat(new ApiClient(port, longLived).get("/api/v1/plans").statusCode())
                .isEqualTo(200);
        jdbc.sql("UPDATE app_user SET enabled = false WHERE email = ?")
                .param(email)
                .update();
        assertThat(new ApiClient(port, longLived).get("/api/v1/plans").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenOutlivesAPasswordChangeAndThePageSaysSo() {
        ApiClient api = new ApiClient(port, token(lead));
        Document form = lead.page("/account/password");
        HttpResponse<String> changed = lead.post(
                "/account/password",
                Map.of(
                        "_csrf",
                        Browserless.csrf(form),
                        "current",
                        PASSWORD,
                        "password",
                        "another long enough password",
                        "confirm",
                        "another long enough password"));
        assertThat(Jsoup.parse(changed.body())
                        .select(".govuk-notification-banner")
                        .text())
                .contains("Password changed", "Your API token still works", "Revoke any you did not make");
        assertThat(api.get("/api/v1/plans").statusCode()).isEqualTo(200);
    }

    @Test
    void aChangeOfRoleTakesEffectAtTheNextRequest() {
        ApiClient api = new ApiClient(port, token(lead));
        String path = "/api/v1/plans/" + planId + "/actions/" + actionId + "/comments";
        assertThat(api.post(path, "{\"comment\": \"A question\"}").statusCode()).isEqualTo(403);
        jdbc.sql("UPDATE app_user SET role = 'BOARD', agency_id = NULL WHERE email = ?")
                .param(email)
                .update();
        assertThat(api.post(path, "{\"comment\": \"A question for the March board\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/my-actions").statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesEveryApiRouteAndHowToSignIn() throws Exception {
        HttpResponse<String> document = new ApiClient(port, null).get("/api/openapi");
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode openApi = json.readTree(document.body());
        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        assertThat(openApi.at("/components/securitySchemes/token/scheme").asText())
                .isEqualTo("bearer");
        Set<String> documented = new TreeSet<>();
        openApi.get("paths")
                .fields()
                .forEachRemaining(p -> p.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + p.getKey())));
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/api/v1/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(served).hasSizeGreaterThanOrEqualTo(6);
        assertThat(documented).isEqualTo(served);
        assertThat(openApi.at("/paths/~1api~1v1~1plans/get/parameters").toString())
                .as("the signed-in person is not a parameter")
                .doesNotContain("user");
    }

    private HttpResponse<String> makeToken(Browserless browser, String name, String lifetime) {
        Document page = browser.page("/account/api-tokens");
        return browser.post(
                "/account/api-tokens", Map.of("name", name, "lifetime", lifetime, "_csrf", Browserless.csrf(page)));
    }

    private String token(Browserless browser) {
        HttpResponse<String> made = makeToken(browser, "Script", "30");
        assertThat(made.statusCode()).isEqualTo(201);
        return Jsoup.parse(made.body()).getElementById("token").text();
    }

    private List<String> fields(HttpResponse<String> response) throws Exception {
        List<String> fields = new ArrayList<>();
        json.readTree(response.body())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static JsonNode find(JsonNode plans, String id) {
        for (JsonNode plan : plans) {
            if (plan.get("id").asText().equals(id)) {
                return plan;
            }
        }
        throw new AssertionError("No plan " + id + " in " + plans);
    }
}
