package uk.assure.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import uk.assure.account.Role;
import uk.assure.account.UserRepository;
import uk.assure.support.ApiClient;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;

/**
 * {@code GET /api/v1/actions}: the Actions page's list as JSON. Each filter and order answers the very rows the page
 * shows, in its order; a walk by cursor sees every row once; an unchanged answer is "not modified"; a value the list
 * does not know is refused naming its parameter; a viewer reads only the plans granted to them.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=api")
class ActionsApiIT {

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

    Browserless admin;
    ApiClient api;
    long partnership;

    @BeforeEach
    void anAdminWithAToken() {
        admin = new Browserless(port);
        admin.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        api = new ApiClient(port, token(admin));
        partnership = jdbc.sql("SELECT partnership_id FROM app_user WHERE email = ?")
                .param(FreshDatabase.ADMIN_EMAIL)
                .query(Long.class)
                .single();
    }

    @Test
    void eachFilterAndOrderAnswersTheRowsThePageShowsInItsOrder() throws Exception {
        var some = jdbc.sql("""
                SELECT p.external_id, l.agency_id, a.text FROM action a JOIN plan p ON p.id = a.plan_id
                JOIN action_lead l ON l.action_id = a.id
                WHERE a.partnership_id = ? AND l.agency_id IS NOT NULL ORDER BY a.id LIMIT 1""")
                .param(partnership)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        String word = some[2].split("\\s+")[0];
        List<String> queries = List.of(
                "",
                "plan=" + some[0],
                "plan=" + some[0] + "&due=overdue&sort=due",
                "due=overdue",
                "due=30&sort=due",
                "due=90",
                "due=later&sort=rag",
                "due=none",
                "rag=AMBER",
                "rag=RED&sort=updated",
                "rag=GREEN&sort=due",
                "status=COMPLETED",
                "status=IN_PROGRESS&sort=rag",
                "agency=" + some[1],
                "agency=" + some[1] + "&sort=due",
                "lead=" + URLEncoder.encode(some[2].substring(0, 1), StandardCharsets.UTF_8),
                "q=" + URLEncoder.encode(word, StandardCharsets.UTF_8),
                "activity=stale&sort=updated",
                "activity=recent",
                "flag=slipped",
                "flag=no-due-date",
                "flag=awaiting-sign-off");
        int nonEmpty = 0;
        for (String query : queries) {
            List<String> page = pageRows(query);
            List<String> walked = walk(query, 7);
            assertThat(walked).as("/api/v1/actions?" + query).containsExactlyElementsOf(page);
            nonEmpty += page.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("filters that find something").isGreaterThan(12);
    }

    @Test
    void aWalkByCursorSeesEveryActionOnceInEveryOrder() throws Exception {
        Set<String> all = new HashSet<>(jdbc.sql("SELECT external_id FROM action WHERE partnership_id = ?")
                .param(partnership)
                .query(String.class)
                .list());
        for (String sort : List.of("plan", "due", "rag", "updated")) {
            List<String> walked = walk("sort=" + sort, 13);
            assertThat(walked).as(sort).doesNotHaveDuplicates();
            assertThat(new HashSet<>(walked)).as(sort).isEqualTo(all);
            assertThat(walk("sort=" + sort, 500)).as(sort + ", in pages of 500").isEqualTo(walked);
        }
    }

    @Test
    void anUnchangedAnswerIsNotModified() throws Exception {
        HttpResponse<String> first = api.get("/api/v1/actions?due=overdue&limit=5");
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = api.get("/api/v1/actions?due=overdue&limit=5", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);

        HttpResponse<String> other = api.get("/api/v1/actions?due=overdue&limit=6", "If-None-Match", etag);
        assertThat(other.statusCode()).as("another page is another answer").isEqualTo(200);
        assertThat(other.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);
    }

    @Test
    void aValueTheListDoesNotKnowIsRefusedNamingItsParameter() throws Exception {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("limit=0", "limit"),
                Map.entry("limit=501", "limit"),
                Map.entry("limit=many", "limit"),
                Map.entry("rag=PURPLE", "rag"),
                Map.entry("status=DONE", "status"),
                Map.entry("due=soon", "due"),
                Map.entry("sort=title", "sort"),
                Map.entry("agency=police", "agency"),
                Map.entry("flag=late", "flag"),
                Map.entry("activity=busy", "activity"),
                Map.entry("updatedSince=yesterday", "updatedSince"),
                Map.entry("cursor=not-a-cursor", "cursor"),
                Map.entry("colour=red", "colour"));
        for (Map.Entry<String, String> ask : refused.entrySet()) {
            HttpResponse<String> answer = api.get("/api/v1/actions?" + ask.getKey());
            assertThat(answer.statusCode()).as(ask.getKey()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = json.readTree(answer.body());
            assertThat(problem.get("errors").get(0).get("field").asText())
                    .as(ask.getKey())
                    .isEqualTo(ask.getValue());
            assertThat(problem.get("detail").asText()).as(ask.getKey()).contains(ask.getValue());
        }
        // a cursor made for one order is not read in another
        String next = json.readTree(api.get("/api/v1/actions?limit=1").body())
                .get("next")
                .asText();
        assertThat(api.get("/api/v1/actions?sort=due&cursor=" + next).statusCode())
                .isEqualTo(400);
    }

    @Test
    void updatedSinceKeepsWhatChangedFromThen() throws Exception {
        assertThat(walk("updatedSince=2999-01-01T00:00:00Z", 50)).isEmpty();
        assertThat(walk("updatedSince=2000-01-01T00:00:00Z", 50)).isEqualTo(walk("", 50));
    }

    @Test
    void aViewerReadsOnlyTheirGrantedPlansAndAnotherPartnershipNothing() throws Exception {
        String email = "viewer-" + System.nanoTime() + "@actions.test";
        long viewer = users.create(
                partnership,
                new UserRepository.NewUser(email, "Inspector", Role.VIEWER, null),
                passwords.encode(PASSWORD));
        String granted = jdbc.sql("""
                SELECT p.external_id FROM plan p WHERE p.partnership_id = ?
                  AND EXISTS (SELECT 1 FROM action a WHERE a.plan_id = p.id) ORDER BY p.id LIMIT 1""").param(partnership).query(String.class).single();
        jdbc.sql("""
                INSERT INTO viewer_grant (partnership_id, user_id, plan_id, expires_on)
                SELECT ?, ?, id, current_date + 30 FROM plan WHERE external_id = ?""").params(partnership, viewer, granted).update();
        Browserless browser = new Browserless(port);
        browser.signIn(email, PASSWORD);
        ApiClient viewerApi = new ApiClient(port, token(browser));

        JsonNode answer =
                json.readTree(viewerApi.get("/api/v1/actions?limit=500").body());
        Set<String> plans = new HashSet<>();
        answer.get("items").forEach(i -> plans.add(i.get("planId").asText()));
        assertThat(plans).containsExactly(granted);
        assertThat(answer.get("items").size())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM action a JOIN plan p ON p.id = a.plan_id"
                                + " WHERE p.external_id = ?")
                        .param(granted)
                        .query(Integer.class)
                        .single());
        String other =
                jdbc.sql("""
                SELECT p.external_id FROM plan p WHERE p.partnership_id = ? AND p.external_id <> ?
                  AND EXISTS (SELECT 1 FROM action a WHERE a.plan_id = p.id) LIMIT 1""").params(partnership, granted).query(String.class).single();
        assertThat(json.readTree(viewerApi.get("/api/v1/actions?plan=" + other).body())
                        .get("items"))
                .as("a plan not granted is read as empty")
                .isEmpty();
    }

    /** The rows the Actions page shows for the query, as action ids in its order. */
    private List<String> pageRows(String query) {
        List<String> ids = new ArrayList<>();
        Jsoup.parse(admin.get("/actions?" + query).body())
                .select("table a[href*=/actions/]")
                .forEach(a -> {
                    String href = a.attr("href");
                    ids.add(href.substring(href.lastIndexOf('/') + 1));
                });
        return ids;
    }

    /** Every row of the list, page after page by cursor. */
    private List<String> walk(String query, int limit) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            String path = "/api/v1/actions?" + query + (query.isEmpty() ? "" : "&") + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> answer = api.get(path);
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
            JsonNode page = json.readTree(answer.body());
            assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
            page.get("items").forEach(i -> ids.add(i.get("id").asText()));
            if (page.get("next").isNull()) {
                return ids;
            }
            cursor = page.get("next").asText();
        }
        throw new AssertionError("the walk did not end");
    }

    private static String token(Browserless browser) {
        String csrf = Browserless.csrf(browser.page("/account/api-tokens"));
        HttpResponse<String> made =
                browser.post("/account/api-tokens", Map.of("name", "Lists", "lifetime", "30", "_csrf", csrf));
        assertThat(made.statusCode()).isEqualTo(201);
        return Jsoup.parse(made.body()).getElementById("token").text();
    }
}
