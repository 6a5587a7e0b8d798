package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
 * An honest RAG end to end, over HTTP as a browser and a program use it (issue 12): a completion is claimed with its
 * evidence, then signed off (with the answer on impact) or sent back by someone other than the lead; a new due date
 * is a request until accepted, and an accepted one leaves the action visibly slipped; the lead's own "behind" makes
 * it Amber; no date is never Green; each step is in the history and the audit log; and the dashboard's counts are
 * the sizes of the lists they open.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=honest-rag")
class HonestRagIT {

    private static final String PASSWORD = "a long enough test password";

    private static final AtomicInteger LEADS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    Browserless admin;
    Browserless lead;
    String planId;
    String actionId;
    String actionPath;
    long partnership;

    @BeforeEach
    void anOpenActionItsLeadAndAnAdmin() {
        admin = new Browserless(port);
        admin.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        var row = jdbc.sql("""
                SELECT p.external_id, a.external_id, l.agency_id, a.partnership_id FROM action a
                JOIN plan p ON p.id = a.plan_id JOIN action_lead l ON l.action_id = a.id
                WHERE a.status = 'IN_PROGRESS' AND l.agency_id IS NOT NULL AND a.requested_due_precision IS NULL
                  AND a.off_track_since IS NULL AND a.oversight_body_id IS NOT NULL
                ORDER BY random() LIMIT 1""")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)})
                .single();
        planId = (String) row[0];
        actionId = (String) row[1];
        actionPath = "/plans/" + planId + "/actions/" + actionId;
        partnership = (Long) row[3];
        // a test may pick an action an earlier one picked: each lead is new
        String email = "lead-" + actionId.toLowerCase() + "-" + LEADS.incrementAndGet() + "@honest.test";
        users.create(
                partnership,
                new UserRepository.NewUser(email, "Lead Officer", Role.LEAD, (Long) row[2]),
                passwords.encode(PASSWORD));
        lead = new Browserless(port);
        lead.signIn(email, PASSWORD);
        // the action was updated today and is due in three months, so nothing but what each test does moves it
        jdbc.sql("""
                UPDATE action SET current_due_date = current_date + 90, current_due_raw = NULL,
                    current_due_precision = 'DAY', original_due_date = current_date + 90, original_due_raw = NULL,
                    original_due_precision = 'DAY', revisions = 0, last_update_at = now(), version = version + 1
                WHERE external_id = ?""").param(actionId).update();
    }

    @Test
    void aCompletionIsClaimedWithEvidenceThenSignedOffByAnAdminAskingAboutImpact() {
        Document page = lead.page(actionPath);
        Map<String, String> claim = update(page, "All staff trained.");
        claim.put("status", "COMPLETED");

        HttpResponse<String> refused = lead.post(updates(page), claim);
        // the form again with its errors, as every form answers (STYLE rule 6)
        assertThat(refused.statusCode()).as("no evidence").isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).select("#evidenceUrl-error").text())
                .contains("Give evidence that the action is complete");

        claim.put("evidenceUrl", "https://intranet.example/training-register.pdf");
        Document claimed = Jsoup.parse(lead.post(updates(page), claim).body());
        assertThat(rag(claimed)).isEqualTo("Completed, awaiting sign-off");
        assertThat(claimed.select("#claimed").text()).contains("does not count as done");
        assertThat(claimed.select("#sign-off"))
                .as("the lead cannot sign off their own claim")
                .isEmpty();
        HttpResponse<String> own = lead.firstAnswer(
                "POST",
                actionPath + "/completion/confirm",
                Map.of("_csrf", Browserless.csrf(claimed), "version", version(claimed), "impactEvidenced", "yes"));
        assertThat(own.statusCode()).isEqualTo(403);

        Document toSign = admin.page(actionPath);
        assertThat(toSign.select("#sign-off").text()).contains("Sign off the completion");
        Map<String, String> noDate = signOff(toSign);
        noDate.put("impactEvidenced", "no");
        HttpResponse<String> missingDate = admin.post(actionPath + "/completion/confirm", noDate);
        assertThat(missingDate.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(missingDate.body()).select("#reviewOn-error").text())
                .contains("Enter the date to look again");

        LocalDate lookAgain = LocalDate.now(ZoneId.of("Europe/London")).plusMonths(3);
        noDate.put("reviewDay", String.valueOf(lookAgain.getDayOfMonth()));
        noDate.put("reviewMonth", String.valueOf(lookAgain.getMonthValue()));
        noDate.put("reviewYear", String.valueOf(lookAgain.getYear()));
        Document signed = Jsoup.parse(
                admin.post(actionPath + "/completion/confirm", noDate).body());

        assertThat(rag(signed)).isEqualTo("Completed");
        assertThat(signed.select("#impact").text()).contains("evidence of impact is not in yet");
        assertThat(signed.select("ol.govuk-list li").first().text())
                .contains("Completion signed off", "Evidence of impact: not yet");
        assertThat(auditTypes()).contains("COMPLETION_CLAIMED", "COMPLETION_CONFIRMED");
        assertThat(listSize("impact-pending")).isEqualTo(dashboardCount("impact-pending"));
        assertThat(listLinks("impact-pending")).contains(actionPath);
    }

    @Test
    void aMemberOfTheOversightBodySendsAClaimBackWithAReason() {
        String email = "board-" + actionId.toLowerCase() + "@honest.test";
        long board = users.create(
                partnership,
                new UserRepository.NewUser(email, "Board Member", Role.BOARD, null),
                passwords.encode(PASSWORD));
        jdbc.sql("""
                INSERT INTO body_member (partnership_id, body_id, user_id)
                SELECT partnership_id, oversight_body_id, ? FROM action WHERE external_id = ?""").params(board, actionId).update();
        Document page = lead.page(actionPath);
        Map<String, String> claim = update(page, "Done.");
        claim.put("status", "COMPLETED");
        claim.put("evidenceUrl", "https://intranet.example/done");
        lead.post(updates(page), claim);

        Browserless member = new Browserless(port);
        member.signIn(email, PASSWORD);
        Document toSign = member.page(actionPath);
        Map<String, String> back = signOff(toSign);
        HttpResponse<String> noReason = member.post(actionPath + "/completion/send-back", back);
        assertThat(noReason.statusCode()).as("a reason is needed").isEqualTo(200);
        assertThat(Jsoup.parse(noReason.body()).select("#reason-error").text())
                .contains("Give a reason for sending the completion back");
        back.put("reason", "The register shows two teams not yet trained.");
        Document sentBack = Jsoup.parse(
                member.post(actionPath + "/completion/send-back", back).body());

        assertThat(sentBack.select("dd").eachText()).contains("In progress");
        assertThat(rag(sentBack)).isEqualTo("Green");
        assertThat(sentBack.select("ol.govuk-list li").first().text())
                .contains("Completion sent back to In progress", "two teams not yet trained");
        assertThat(auditTypes()).contains("COMPLETION_SENT_BACK");
    }

    @Test
    void aNewDateIsARequestUntilAcceptedAndAnAcceptedOneStaysSlipped() {
        jdbc.sql("""
                UPDATE action SET current_due_date = current_date - 15, original_due_date = current_date - 15,
                    version = version + 1
                WHERE external_id = ?""").param(actionId).update();
        Document page = lead.page(actionPath);
        assertThat(rag(page)).isEqualTo("Red");
        Map<String, String> later = update(page, "The contract slipped.");
        LocalDate asked = LocalDate.now(ZoneId.of("Europe/London")).plusDays(118);
        later.put("dueDay", String.valueOf(asked.getDayOfMonth()));
        later.put("dueMonth", String.valueOf(asked.getMonthValue()));
        later.put("dueYear", String.valueOf(asked.getYear()));
        later.put("revisionReason", "The provider changed");

        Document requested = Jsoup.parse(lead.post(updates(page), later).body());

        assertThat(rag(requested)).as("measured against the date in force").isEqualTo("Red");
        assertThat(requested.select(".govuk-inset-text").text())
                .contains("is requested, not yet accepted")
                .contains("Revision requested to");
        assertThat(listLinks("revision-requested")).contains(actionPath);
        assertThat(listSize("revision-requested")).isEqualTo(dashboardCount("revision-requested"));

        Document decide = admin.page(actionPath);
        Map<String, String> accept = signOff(decide);
        Document accepted =
                Jsoup.parse(admin.post(actionPath + "/revision/accept", accept).body());

        assertThat(rag(accepted)).isEqualTo("Green");
        assertThat(accepted.select("#slipped").text())
                .startsWith("Slipped Slipped: originally due")
                .contains("(revised once)");
        assertThat(accepted.select(".govuk-inset-text").text()).contains("slipped: originally due");
        assertThat(listLinks("slipped")).contains(actionPath);
        assertThat(listSize("slipped")).isEqualTo(dashboardCount("slipped"));
        assertThat(auditTypes()).contains("REVISION_REQUESTED", "REVISION_ACCEPTED");
    }

    @Test
    void theApiRefusesARequestedDateWithItsReasonAndRefusesSelfSignOff() {
        Document page = admin.page(actionPath);
        Map<String, String> later = update(page, "Moving it myself.");
        later.put("dueDay", "1");
        later.put("dueMonth", "1");
        later.put("dueYear", String.valueOf(LocalDate.now().getYear() + 2));
        later.put("revisionReason", "Waiting for the new system");
        admin.post(updates(page), later);
        ApiClient api = apiOf(admin);
        String base = "/api/v1/plans/" + planId + "/actions/" + actionId;
        String version = jdbc.sql("SELECT version FROM action WHERE external_id = ?")
                .param(actionId)
                .query(String.class)
                .single();

        HttpResponse<String> own = api.post(base + "/revision/accept", "{\"version\": " + version + "}");
        assertThat(own.statusCode())
                .as("an admin's own request waits on someone else")
                .isEqualTo(403);

        ApiClient other = apiOf(anotherAdmin());
        assertThat(other.post(base + "/revision/refuse", "{\"version\": " + version + "}")
                        .statusCode())
                .as("a reason is needed")
                .isEqualTo(400);
        HttpResponse<String> refused =
                other.post(base + "/revision/refuse", "{\"version\": " + version + ", \"reason\": \"Keep the date\"}");
        assertThat(refused.statusCode()).isEqualTo(200);
        String action = other.get(base).body();
        assertThat(action).contains("\"step\":\"REVISION_REFUSED\"").contains("\"requestedDue\":null");
        assertThat(auditTypes()).contains("REVISION_REFUSED");
    }

    @Test
    void thePartnershipMayTakeRevisionsAsRecorded() {
        Document settings = admin.page("/admin/sign-off");
        admin.post(
                "/admin/sign-off",
                Map.of("_csrf", Browserless.csrf(settings), "revisions", "as-recorded", "evidence", "required"));
        try {
            Document page = lead.page(actionPath);
            Map<String, String> later = update(page, "Moved by agreement.");
            later.put("dueDay", "1");
            later.put("dueMonth", "6");
            later.put("dueYear", String.valueOf(LocalDate.now().getYear() + 2));
            later.put("revisionReason", "Agreed at the board");
            Document after = Jsoup.parse(lead.post(updates(page), later).body());

            assertThat(after.select("#requested")).isEmpty();
            assertThat(after.select("#slipped").text()).contains("(revised once)");
        } finally {
            admin.post("/admin/sign-off", Map.of("_csrf", Browserless.csrf(settings), "revisions", "need-acceptance"));
        }
    }

    @Test
    void theLeadsOwnWordThatItIsBehindMakesItAmber() {
        Document page = lead.page(actionPath);
        Map<String, String> behind = update(page, "Recruitment has stalled.");
        behind.put("onTrack", "no");

        Document after = Jsoup.parse(lead.post(updates(page), behind).body());

        assertThat(rag(after)).isEqualTo("Amber");
        assertThat(after.select(".govuk-inset-text").text()).contains("The lead reports it behind schedule");
    }

    @Test
    void anActionWithNoDateIsNeverGreenAndIsListedToFix() {
        jdbc.sql("""
                UPDATE action SET current_due_date = NULL, current_due_raw = NULL, current_due_precision = 'UNKNOWN',
                    version = version + 1
                WHERE external_id = ?""").param(actionId).update();

        assertThat(rag(admin.page(actionPath))).isEqualTo("No due date");
        assertThat(listLinks("no-due-date")).contains(actionPath);
        assertThat(listSize("no-due-date")).isEqualTo(dashboardCount("no-due-date"));
        assertThat(admin.page("/rag").select("#NO_DUE_DATE").text()).contains("give it a date");
    }

    private String rag(Document page) {
        return page.selectFirst(".govuk-inset-text .govuk-tag").text();
    }

    private int dashboardCount(String flag) {
        return Integer.parseInt(
                admin.page("/dashboard").selectFirst("#flag-" + flag).text());
    }

    private int listSize(String flag) {
        return admin.page("/actions?flag=" + flag)
                .select("table.assure-items tbody tr")
                .size();
    }

    private List<String> listLinks(String flag) {
        return admin.page("/actions?flag=" + flag)
                .select("table.assure-items tbody tr a[href*=/actions/]")
                .eachAttr("href");
    }

    private List<String> auditTypes() {
        return jdbc.sql("SELECT event_type FROM audit_event WHERE object_id = ? ORDER BY id")
                .param(actionId)
                .query(String.class)
                .list();
    }

    private Browserless anotherAdmin() {
        String email = "admin-" + actionId.toLowerCase() + "@honest.test";
        users.create(
                partnership,
                new UserRepository.NewUser(email, "Second Admin", Role.ADMIN, null),
                passwords.encode(PASSWORD));
        Browserless other = new Browserless(port);
        other.signIn(email, PASSWORD);
        return other;
    }

    private ApiClient apiOf(Browserless browser) {
        Document tokens = browser.page("/account/api-tokens");
        HttpResponse<String> made = browser.post(
                "/account/api-tokens", Map.of("name", "Honest", "lifetime", "30", "_csrf", Browserless.csrf(tokens)));
        return new ApiClient(
                port, Jsoup.parse(made.body()).getElementById("token").text());
    }

    private static String updates(Document page) {
        return page.selectFirst("form[action$=/updates]").attr("action");
    }

    private static String version(Document page) {
        return page.selectFirst("form[action$=/updates] input[name=version]") != null
                ? page.selectFirst("form[action$=/updates] input[name=version]").val()
                : page.selectFirst("input[name=version]").val();
    }

    private static Map<String, String> update(Document page, String narrative) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", Browserless.csrf(page));
        form.put("version", version(page));
        form.put("status", page.selectFirst("input[name=status][checked]").val());
        form.put("narrative", narrative);
        return form;
    }

    private static Map<String, String> signOff(Document page) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", Browserless.csrf(page));
        form.put("version", page.selectFirst("input[name=version]").val());
        return form;
    }
}
