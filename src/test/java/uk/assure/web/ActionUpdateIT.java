package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import uk.assure.audit.AuditLog;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;

/**
 * Recording an update on the action page, over HTTP as a browser does it: the update joins the history with its
 * revised date; bad input is refused field by field and keeps what was typed; a stale form says so and loses
 * nothing; a lead may update only their agency's actions, a viewer none.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=action-update")
class ActionUpdateIT {

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
    AuditLog audit;

    Browserless admin;
    String actionPath;
    long leadAgency;

    @BeforeEach
    void anOpenActionWithALeadAgency() {
        admin = new Browserless(port);
        admin.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        var row = jdbc.sql("""
                SELECT p.external_id, a.external_id, l.agency_id FROM action a
                JOIN plan p ON p.id = a.plan_id JOIN action_lead l ON l.action_id = a.id
                WHERE a.status IN ('NOT_STARTED', 'IN_PROGRESS') AND l.agency_id IS NOT NULL
                ORDER BY a.id LIMIT 1""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        actionPath = "/plans/" + row[0] + "/actions/" + row[1];
        leadAgency = Long.parseLong(row[2]);
    }

    @Test
    void anUpdateWithARevisedDateJoinsTheHistory() {
        Document page = admin.page(actionPath);
        Map<String, String> form = form(page);
        form.put("narrative", "Audit of twelve cases finished; report to the March board.");
        form.put("dueDay", "30");
        form.put("dueMonth", "6");
        form.put("dueYear", "2027");
        form.put("revisionReason", "The auditor started late");

        HttpResponse<String> saved = admin.post(action(page), form);

        Document after = Jsoup.parse(saved.body());
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(after.select(".govuk-notification-banner").text()).contains("Update recorded");
        assertThat(after.select("ol.govuk-list li").first().text())
                .contains("Audit of twelve cases finished", "30 June 2027", "The auditor started late");
        String actionId = actionPath.substring(actionPath.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("""
                SELECT after_state->>'requestedDue' FROM audit_event WHERE event_type = 'REVISION_REQUESTED'
                AND object_id = ? ORDER BY id DESC LIMIT 1""").param(actionId).query(String.class).single())
                .as("the update is an audit event with the state after: the new date is requested, not in force")
                .isEqualTo("30 June 2027");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndKeepsWhatWasTyped() {
        Document page = admin.page(actionPath);
        Map<String, String> form = form(page);
        form.put("narrative", " ");
        form.put("dueDay", "31");
        form.put("dueMonth", "2");
        form.put("dueYear", "2027");
        form.put("evidenceUrl", "intranet/report.pdf");

        HttpResponse<String> refused = admin.post(action(page), form);

        Document after = Jsoup.parse(refused.body());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(after.title()).startsWith("Error: ");
        assertThat(after.select(".govuk-error-summary a").eachAttr("href"))
                .contains("#narrative", "#dueDate-day", "#evidenceUrl");
        assertThat(after.select("#dueDate-error").text()).contains("must be a real date");
        assertThat(after.selectFirst("#dueDate-day").val()).isEqualTo("31");
        assertThat(after.selectFirst("#evidenceUrl").val()).isEqualTo("intranet/report.pdf");
        assertThat(after.selectFirst("#narrative").attr("aria-describedby")).contains("narrative-error");
    }

    @Test
    void aRevisedDateWithoutAReasonIsRefusedOnTheReasonField() {
        Document page = admin.page(actionPath);
        Map<String, String> form = form(page);
        form.put("narrative", "Moving the date.");
        form.put("dueDay", "15");
        form.put("dueMonth", "9");
        form.put("dueYear", "2027");

        Document after = Jsoup.parse(admin.post(action(page), form).body());

        assertThat(after.select("#revisionReason-error").text()).contains("Give a reason for the new due date");
        assertThat(after.selectFirst("#dueDate-month").val()).isEqualTo("9");
    }

    @Test
    void aStaleFormSaysWhoUpdatedMeanwhileAndKeepsTheText() {
        Document page = admin.page(actionPath);
        Map<String, String> first = form(page);
        first.put("narrative", "First update, saved.");
        admin.post(action(page), first);
        Map<String, String> second = form(page); // the version read before the first update
        second.put("narrative", "Second update, typed on an old page.");

        HttpResponse<String> stale = admin.post(action(page), second);

        Document after = Jsoup.parse(stale.body());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(after.select("#stale").text()).contains("Administrator updated this action", "has not been saved");
        assertThat(after.selectFirst("#narrative").text()).isEqualTo("Second update, typed on an old page.");
        assertThat(after.select("ol.govuk-list li").first().text()).contains("First update, saved.");
    }

    @Test
    void aLeadUpdatesOnlyTheirAgencysActionsAndAViewerNone() {
        long partnership = jdbc.sql("SELECT partnership_id FROM agency WHERE id = ?")
                .param(leadAgency)
                .query(Long.class)
                .single();
        long otherAgency = jdbc.sql("SELECT id FROM agency WHERE partnership_id = ? AND id <> ? ORDER BY id LIMIT 1")
                .params(partnership, leadAgency)
                .query(Long.class)
                .single();
        users.create(
                partnership,
                new UserRepository.NewUser("own@test.local", "Own Lead", Role.LEAD, leadAgency),
                passwords.encode(PASSWORD));
        users.create(
                partnership,
                new UserRepository.NewUser("other@test.local", "Other Lead", Role.LEAD, otherAgency),
                passwords.encode(PASSWORD));
        long viewerId = users.create(
                partnership,
                new UserRepository.NewUser("viewer@test.local", "Viewer", Role.VIEWER, null),
                passwords.encode(PASSWORD));

        Browserless own = signedIn("own@test.local");
        Document ownPage = own.page(actionPath);
        Map<String, String> ownForm = form(ownPage);
        ownForm.put("narrative", "Done by the lead agency.");
        assertThat(own.post(action(ownPage), ownForm).statusCode()).isEqualTo(200);

        Browserless other = signedIn("other@test.local");
        Document otherPage = other.page(actionPath);
        assertThat(otherPage.select("form[action$=/updates]"))
                .as("no form offered")
                .isEmpty();
        assertThat(otherPage.select("#update + .govuk-inset-text").text())
                .contains("only the actions your agency leads");
        Map<String, String> forged = new HashMap<>(ownForm);
        forged.put("_csrf", Browserless.csrf(otherPage));
        HttpResponse<String> refused = other.post(actionPath + "/updates", forged);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(refused.body()).text()).contains("You can update only the actions your agency leads");

        // a viewer reads only the plans granted to them, until the grant's expiry date
        Browserless viewer = signedIn("viewer@test.local");
        assertThat(viewer.get(actionPath).statusCode())
                .as("no grant: as if it did not exist")
                .isEqualTo(404);
        String planId = actionPath.split("/")[2];
        jdbc.sql("""
                INSERT INTO viewer_grant (partnership_id, user_id, plan_id, expires_on)
                SELECT partnership_id, ?, id, current_date + 1 FROM plan WHERE external_id = ?""").params(viewerId, planId).update();
        assertThat(viewer.page(actionPath).select("#update + .govuk-inset-text").text())
                .contains("can read plans but not update");
        assertThat(viewer.page("/plans").select("tbody a")).hasSize(1);
        jdbc.sql("UPDATE viewer_grant SET expires_on = current_date - 1 WHERE user_id = ?")
                .param(viewerId)
                .update();
        assertThat(viewer.get(actionPath).statusCode()).as("grant ended").isEqualTo(404);
        assertThat(viewer.page("/plans").text()).contains("Your access to these plans has ended");
        assertThat(viewer.get("/dashboard").statusCode()).isEqualTo(403);
    }

    @Test
    void aBoardMemberCommentsButDoesNotUpdateAndTheCommentIsNotProgress() {
        long partnership = jdbc.sql("SELECT partnership_id FROM agency WHERE id = ?")
                .param(leadAgency)
                .query(Long.class)
                .single();
        users.create(
                partnership,
                new UserRepository.NewUser("board@test.local", "Bea Board", Role.BOARD, null),
                passwords.encode(PASSWORD));
        String actionId = actionPath.substring(actionPath.lastIndexOf('/') + 1);
        var before = jdbc.sql("SELECT version, last_update_at FROM action WHERE external_id = ?")
                .param(actionId)
                .query((rs, n) -> List.of(rs.getInt(1), String.valueOf(rs.getTimestamp(2))))
                .single();

        Browserless board = signedIn("board@test.local");
        Document page = board.page(actionPath);
        assertThat(page.select("form[action$=/updates]")).isEmpty();
        assertThat(page.select("#update + .govuk-inset-text").text()).contains("Board members read plans and comment");
        Map<String, String> empty = Map.of("_csrf", Browserless.csrf(page), "comment", " ");
        HttpResponse<String> refused = board.post(actionPath + "/comments", empty);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).select(".govuk-error-summary").text())
                .contains("Enter your comment");

        HttpResponse<String> saved = board.post(
                actionPath + "/comments",
                Map.of("_csrf", Browserless.csrf(page), "comment", "Why has the audit slipped twice?"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(saved.body()).select("#comments ~ ul").text())
                .contains("Why has the audit slipped twice?")
                .contains("by Bea Board");
        assertThat(jdbc.sql("SELECT version, last_update_at FROM action WHERE external_id = ?")
                        .param(actionId)
                        .query((rs, n) -> List.of(rs.getInt(1), String.valueOf(rs.getTimestamp(2))))
                        .single())
                .as("a comment is not an update")
                .isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'ACTION_COMMENTED' AND object_id = ?")
                        .param(actionId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        HttpResponse<String> forged = board.post(
                actionPath + "/updates",
                Map.of("_csrf", Browserless.csrf(page), "narrative", "Not mine to write", "version", "0"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE event_type = 'ACCESS_REFUSED' AND object_id = ? AND actor = ?")
                        .params(actionId, "board@test.local")
                        .query(Long.class)
                        .single())
                .as("the refusal is audited")
                .isEqualTo(1);
    }

    @Test
    void aFileGivenAsEvidenceIsKeptWithTheUpdateAndDownloadedNotShown() {
        Document page = admin.page(actionPath);
        Map<String, String> form = form(page);
        form.put("narrative", "Audit report attached.");
        byte[] pdf = "%PDF-1.4\n% a tiny test file\n".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> saved = admin.upload(action(page), form, "evidenceFile", "audit report.pdf", pdf);

        Document after = Jsoup.parse(saved.body());
        assertThat(after.select(".govuk-notification-banner").text()).contains("Update recorded");
        var link = after.selectFirst("ol.govuk-list li a[href^=/evidence/]");
        assertThat(link.text()).contains("audit report.pdf");
        HttpResponse<String> download = admin.get(link.attr("href"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;");
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(download.body()).startsWith("%PDF-1.4");
    }

    @Test
    void aFileOfTheWrongTypeOrTooLargeIsAFieldErrorAndNothingIsSaved() {
        Document page = admin.page(actionPath);
        Map<String, String> form = form(page);
        form.put("narrative", "With a program attached.");
        int before = page.select("ol.govuk-list > li").size();

        HttpResponse<String> wrong =
                admin.upload(action(page), form, "evidenceFile", "tool.exe", new byte[] {'M', 'Z', 0, 0, 1});
        HttpResponse<String> large =
                admin.upload(action(page), form, "evidenceFile", "big.txt", new byte[11 * 1024 * 1024]);

        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(wrong.body()).select("#evidenceFile-error").text())
                .contains("must be a PDF, Word, Excel, PNG, JPEG or text file");
        assertThat(Jsoup.parse(large.body()).select("#evidenceFile-error").text())
                .contains("must be 10 MB or smaller");
        assertThat(Jsoup.parse(wrong.body()).selectFirst("#narrative").text()).isEqualTo("With a program attached.");
        assertThat(admin.page(actionPath).select("ol.govuk-list > li")).hasSize(before);
    }

    @Test
    void anAdminChangesTheWordingAndLinksFindingsAndActionsOfOtherPlansWithAnAuditTrail() {
        Document edit = admin.page(actionPath + "/edit");
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", Browserless.csrf(edit));
        form.put("version", edit.selectFirst("input[name=version]").val());
        form.put("ref", "9.9");
        form.put("text", "Reworded: audit the referrals with the police.");

        HttpResponse<String> changed = admin.post(actionPath + "/edit", form);

        Document page = Jsoup.parse(changed.body());
        assertThat(page.select(".govuk-notification-banner").text()).contains("Action changed");
        assertThat(page.select("h1").text()).isEqualTo("Action 9.9");
        assertThat(admin.post(actionPath + "/edit", form).statusCode())
                .as("the same version again is stale")
                .isEqualTo(409);

        Document again = admin.page(actionPath);
        String finding =
                again.selectFirst("#link-finding option[value]:not([value=''])").val();
        String other =
                again.selectFirst("#link-action option[value]:not([value=''])").val();
        admin.post(actionPath + "/links", Map.of("_csrf", Browserless.csrf(again), "finding", finding));
        Document linked = Jsoup.parse(
                admin.post(actionPath + "/links", Map.of("_csrf", Browserless.csrf(again), "linkedAction", other))
                        .body());
        assertThat(linked.select("a[href$=/actions/" + other + "]"))
                .as("listed under linked actions")
                .isNotEmpty();
        assertThat(linked.select("#link-finding option[value=" + finding + "]"))
                .as("no longer offered")
                .isEmpty();
        // (other tests comment on the same action, and are refused on it)
        assertThat(jdbc.sql("SELECT event_type FROM audit_event WHERE object_id = ? AND event_type LIKE 'ACTION_%' "
                                + "AND event_type <> 'ACTION_COMMENTED' ORDER BY id")
                        .param(actionPath.substring(actionPath.lastIndexOf('/') + 1))
                        .query(String.class)
                        .list())
                .containsExactly("ACTION_EDITED", "ACTION_LINKED_TO_FINDING", "ACTION_LINKED_TO_ACTION");
    }

    @Test
    void onlyAnAdminMayChangeTheWording() {
        long partnership = jdbc.sql("SELECT partnership_id FROM agency WHERE id = ?")
                .param(leadAgency)
                .query(Long.class)
                .single();
        users.create(
                partnership,
                new UserRepository.NewUser("editor@test.local", "Lead", Role.LEAD, leadAgency),
                passwords.encode(PASSWORD));
        Browserless lead = signedIn("editor@test.local");

        assertThat(lead.get(actionPath + "/edit").statusCode()).isEqualTo(403);
        assertThat(lead.page(actionPath).select("a[href$=/edit]")).isEmpty();
    }

    @Test
    void everySignInSucceededOrFailedIsAnAuditEventAndTheChainHolds() {
        Browserless stranger = new Browserless(port);
        stranger.signIn("nobody@test.local", "wrong password entirely");
        Browserless known = new Browserless(port);
        known.signIn(FreshDatabase.ADMIN_EMAIL, "wrong password entirely");
        known.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);

        List<String> events = jdbc.sql(
                        "SELECT event_type || ' ' || actor FROM audit_event WHERE event_type LIKE 'SIGN_IN%' ORDER BY id")
                .query(String.class)
                .list();
        assertThat(events)
                .contains(
                        "SIGN_IN_FAILED nobody@test.local",
                        "SIGN_IN_FAILED " + FreshDatabase.ADMIN_EMAIL,
                        "SIGN_IN " + FreshDatabase.ADMIN_EMAIL);
        assertThat(audit.verify()).isEmpty();
    }

    private Browserless signedIn(String email) {
        Browserless browser = new Browserless(port);
        browser.signIn(email, PASSWORD);
        return browser;
    }

    private static String action(Document page) {
        return page.selectFirst("form[action$=/updates]").attr("action");
    }

    private static Map<String, String> form(Document page) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", Browserless.csrf(page));
        form.put(
                "version",
                page.selectFirst("form[action$=/updates] input[name=version]").val());
        form.put("status", page.selectFirst("input[name=status][checked]").val());
        return form;
    }
}
