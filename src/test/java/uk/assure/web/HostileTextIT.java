package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import uk.assure.support.ApiClient;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;
import uk.assure.system.Scope;

/**
 * Texts no database or document can hold — NUL, half of a character pair, control characters — and a megabyte
 * of text, sent in every field of every form an admin sees and every string of the API's bodies: never a 500,
 * and for the characters that cannot be stored, nothing written anywhere.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=hostile-text")
class HostileTextIT {

    private static final Map<String, String> UNSTORABLE = Map.of(
            "NUL", "before\u0000after",
            "control character", "bell\u0007here",
            "escape character", "\u001b[31mred");
    private static final String MEGABYTE = "x".repeat(1024 * 1024);
    /** A megabyte as disks count it: a body with one is still within the API's limit (1 MiB), so a field must say. */
    private static final String DECIMAL_MEGABYTE = "x".repeat(1_000_000);
    /** Inputs a person types into: a megabyte in one of these is refused on that field, by name. */
    private static final String TYPED = "input[type=text], input[type=email], input[type=url], input[type=password], "
            + "input:not([type]), textarea";

    /** Every table that a form or the API could write to. */
    private static final List<String> TABLES = List.of(
            "plan",
            "section",
            "finding",
            "action",
            "action_finding",
            "action_lead",
            "action_link",
            "progress_update",
            "evidence_file",
            "action_comment",
            "agency",
            "agency_alias",
            "person",
            "body",
            "body_alias",
            "app_user",
            "invitation",
            "api_token",
            "viewer_grant",
            "pending_import");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Browserless admin;
    private String planId;
    private String actionId;

    @BeforeEach
    void signIn() {
        admin = new Browserless(port);
        admin.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        String[] ids = Scope.everyPartnership(() -> jdbc.sql("""
                        SELECT p.external_id, a.external_id FROM action a JOIN plan p ON p.id = a.plan_id
                        WHERE a.status IN ('NOT_STARTED', 'IN_PROGRESS') ORDER BY a.id LIMIT 1""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single());
        planId = ids[0];
        actionId = ids[1];
    }

    @Test
    void everyFieldOfEveryFormRefusesWhatCannotBeStoredAndNeverAnswers500() {
        List<String> pages = pages();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String page : pages) {
            Document document = admin.page(page);
            for (Element form : document.select("form[method=post]")) {
                String target = form.attr("action").isEmpty() ? page : form.attr("action");
                Map<String, String> defaults = fields(form);
                for (String field : defaults.keySet()) {
                    if (field.equals("_csrf") || field.equals("version")) {
                        continue;
                    }
                    for (Map.Entry<String, String> hostile : UNSTORABLE.entrySet()) {
                        long before = rows();
                        Map<String, String> sending = new LinkedHashMap<>(defaults);
                        sending.put(field, hostile.getValue());
                        HttpResponse<String> answer = admin.post(target, sending);
                        sent++;
                        if (answer.statusCode() >= 500 || rows() != before) {
                            failures.add(target + " " + field + " with a " + hostile.getKey() + ": HTTP "
                                    + answer.statusCode() + (rows() != before ? ", rows written" : ""));
                        }
                    }
                }
            }
        }
        System.out.printf(
                "DRILL hostile text in forms: %d posts (every field of every form on %d pages, each with a NUL, a "
                        + "control character and an escape character), %d answered 5xx or wrote a row%n",
                sent, pages.size(), failures.size());
        assertThat(sent).as("forms and fields tried").isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    /**
     * A megabyte in each field of each form, one at a time: never a 500 and nothing written; a field a person types
     * into is refused by name (the error summary links to it), on the form shown again.
     */
    @Test
    void aMegabyteInAnyFieldOfAnyFormIsRefusedOnThatFieldAndNothingIsWritten() {
        List<String> failures = new ArrayList<>();
        int typed = 0;
        for (String page : pages()) {
            Document document = admin.page(page);
            for (Element form : document.select("form[method=post]")) {
                String target = form.attr("action").isEmpty() ? page : form.attr("action");
                Map<String, String> defaults = fields(form);
                Set<String> tried = new HashSet<>(Set.of("_csrf", "version"));
                for (Element input : form.select("input[name], textarea[name], select[name]")) {
                    String field = input.attr("name");
                    if (!tried.add(field)) {
                        continue; // a radio or checkbox group is tried once
                    }
                    long before = rows();
                    Map<String, String> sending = new LinkedHashMap<>(defaults);
                    sending.put(field, MEGABYTE);
                    HttpResponse<String> answer = admin.post(target, sending);
                    String problem = answer.statusCode() >= 500
                            ? "HTTP " + answer.statusCode()
                            : rows() != before ? "rows written" : null;
                    if (problem == null && input.is(TYPED)) {
                        typed++;
                        List<String> named = Jsoup.parse(answer.body())
                                .select(".govuk-error-summary a")
                                .eachAttr("href");
                        String id = input.id();
                        if (named.stream()
                                .map(h -> h.substring(1))
                                .noneMatch(h -> id.equals(h) || id.startsWith(h + "-"))) {
                            problem = "HTTP " + answer.statusCode() + ", no error on #" + id + " but " + named;
                        }
                    }
                    if (problem != null) {
                        failures.add(target + " " + field + " with a megabyte: " + problem);
                    }
                }
            }
        }
        assertThat(typed).as("typed fields tried").isGreaterThan(25);
        assertThat(failures).isEmpty();
    }

    /** A megabyte in each string of the API's bodies: 400, naming the field, nothing written. */
    @Test
    void aMegabyteInAnyStringOfTheApisBodiesIsRefusedNamingTheField() {
        ApiClient api = new ApiClient(port, token());
        String base = "/api/v1/plans/" + planId + "/actions/" + actionId;
        int version = Scope.everyPartnership(() -> jdbc.sql("SELECT version FROM action WHERE external_id = ?")
                .param(actionId)
                .query(Integer.class)
                .single());
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String field :
                List.of("narrative", "status", "statusReason", "revisedDue", "revisionReason", "evidenceUrl")) {
            bodies.put(
                    field,
                    "{\"version\": " + version + ", \"narrative\": \"Fine\", \"" + field + "\": \"" + DECIMAL_MEGABYTE
                            + "\"}");
        }
        bodies.put("version", "{\"version\": \"" + DECIMAL_MEGABYTE + "\", \"narrative\": \"Fine\"}");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            long before = rows();
            HttpResponse<String> answer = api.post(base + "/updates", body.getValue());
            if (answer.statusCode() != 400 || !fieldsNamed(answer).contains(body.getKey()) || rows() != before) {
                failures.add(body.getKey() + ": HTTP " + answer.statusCode() + " " + abbreviate(answer.body()));
            }
        }
        long before = rows();
        HttpResponse<String> comment = api.post(base + "/comments", "{\"comment\": \"" + DECIMAL_MEGABYTE + "\"}");
        if (comment.statusCode() != 400 || !fieldsNamed(comment).contains("comment") || rows() != before) {
            failures.add("comment: HTTP " + comment.statusCode() + " " + abbreviate(comment.body()));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void anEvidenceFileWhoseNameHoldsANulIsRefusedNamingTheField() {
        Document page = admin.page("/plans/" + planId + "/actions/" + actionId);
        Element form = page.selectFirst("form[enctype=multipart/form-data]");
        Map<String, String> fields = fields(form);
        fields.put("narrative", "An update with a file");
        long before = rows();

        HttpResponse<String> answer = admin.upload(
                form.attr("action"),
                fields,
                "evidenceFile",
                "minutes\u0000.pdf",
                "Minutes of the meeting".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(answer.body()).select("main").text())
                .contains("The name of the file you chose contains a NUL character (U+0000), which cannot be stored");
        assertThat(rows()).as("nothing written").isEqualTo(before);
    }

    @Test
    void everyStringOfTheApisBodiesRefusesWhatCannotBeStoredNamingTheField() {
        ApiClient api = new ApiClient(port, token());
        String base = "/api/v1/plans/" + planId + "/actions/" + actionId;
        int version = Scope.everyPartnership(() -> jdbc.sql("SELECT version FROM action WHERE external_id = ?")
                .param(actionId)
                .query(Integer.class)
                .single());
        Map<String, String> escapes = Map.of(
                "NUL", "\\u0000",
                "half of a character pair", "\\ud800",
                "control character", "\\u0007");
        List<String> failures = new ArrayList<>();
        for (String field : List.of("narrative", "statusReason", "revisionReason", "evidenceUrl")) {
            for (Map.Entry<String, String> hostile : escapes.entrySet()) {
                long before = rows();
                String body = "{\"version\": " + version + ", \"narrative\": \"Fine\", \"" + field + "\": \"a"
                        + hostile.getValue() + "b\"}";
                HttpResponse<String> answer = api.post(base + "/updates", body);
                if (answer.statusCode() != 400
                        || !answer.body().contains("The value of " + field + " contains")
                        || rows() != before) {
                    failures.add(field + " with a " + hostile.getKey() + ": HTTP " + answer.statusCode() + " "
                            + answer.body());
                }
            }
        }
        System.out.printf(
                "DRILL hostile text in the API: %d update bodies (%s, each with a NUL, a lone surrogate and a "
                        + "control character), %d not refused with 400 naming the field%n",
                4 * escapes.size(), "narrative, statusReason, revisionReason, evidenceUrl", failures.size());
        long before = rows();
        HttpResponse<String> comment = api.post(base + "/comments", "{\"comment\": \"a\\u0000b\"}");
        assertThat(comment.statusCode()).isEqualTo(400);
        assertThat(comment.body()).contains("The value of comment contains a NUL character (U+0000)");
        HttpResponse<String> huge = api.post(base + "/updates", "{\"narrative\": \"" + MEGABYTE + "\"}");
        assertThat(huge.statusCode()).isLessThan(500);
        assertThat(rows()).isEqualTo(before);
        assertThat(failures).isEmpty();
    }

    /** The pages with forms an admin sees. */
    private List<String> pages() {
        String action = "/plans/" + planId + "/actions/" + actionId;
        String userId = Scope.everyPartnership(() -> jdbc.sql("SELECT external_id FROM app_user ORDER BY id LIMIT 1")
                .query(String.class)
                .single());
        return List.of(
                action,
                action + "/edit",
                "/admin/agencies",
                "/admin/bodies",
                "/admin/people",
                "/admin/users/" + userId,
                "/admin/invitations/new",
                "/account/password",
                "/account/api-tokens",
                "/imports/new");
    }

    /** A new API token of the admin's. */
    private String token() {
        String csrf = Browserless.csrf(admin.page("/account/password"));
        return Jsoup.parse(admin.post("/account/api-tokens", Map.of("name", "Hostile", "lifetime", "30", "_csrf", csrf))
                        .body())
                .getElementById("token")
                .text();
    }

    /** The fields a problem detail names in its errors. */
    private static List<String> fieldsNamed(HttpResponse<String> answer) {
        try {
            List<String> fields = new ArrayList<>();
            new ObjectMapper()
                    .readTree(answer.body())
                    .path("errors")
                    .forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    /** A form's fields as the page fills them: text, hidden, checked boxes and radios, text areas, selects. */
    private static Map<String, String> fields(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if (type.equals("file") || (type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                fields.putIfAbsent(input.attr("name"), "");
                continue;
            }
            String value = input.tagName().equals("textarea")
                    ? input.text()
                    : input.tagName().equals("select")
                            ? input.select("option[selected]").attr("value")
                            : input.attr("value");
            fields.put(input.attr("name"), value);
        }
        return fields;
    }

    private long rows() {
        return Scope.everyPartnership(() -> TABLES.stream()
                .mapToLong(table -> jdbc.sql("SELECT count(*) FROM " + table)
                        .query(Long.class)
                        .single())
                .sum());
    }
}
