package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.context.TestPropertySource;
import uk.assure.account.Invitations;
import uk.assure.account.Role;
import uk.assure.account.UserRepository;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;
import uk.assure.support.Mailbox;
import uk.assure.system.Scope;

/**
 * Invitations end to end, over HTTP as a browser would, with the email going through a real SMTP server (GreenMail)
 * that the test reads: an admin invites, the person follows the link, sets a password and is signed in with the
 * role they were invited with; a link works once, for seven days, until re-sent or revoked; and every link that
 * cannot be used looks the same.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=invitations")
class InvitationIT {

    private static final String PASSWORD = "a long invited passphrase";
    private static final Mailbox MAIL = new Mailbox().start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("assure.mail.host", () -> "127.0.0.1");
        registry.add("assure.mail.port", MAIL::port);
        registry.add("assure.mail.from", () -> "assure@test.assure.local");
    }

    @AfterAll
    static void stopMailServer() {
        MAIL.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Invitations invitations;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    Browserless admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = new Browserless(port);
        admin.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
    }

    @Test
    void anInvitedPersonGetsOneEmailSetsAPasswordAndIsSignedInWithTheRoleTheyWereInvitedWith() {
        String email = "sam.lead@testshire.example";
        String[] agency = jdbc.sql("SELECT external_id, name FROM agency ORDER BY id LIMIT 1")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();

        Document sent = invite(email, "Sam Lead", "LEAD", agency[0]);
        assertThat(sent.select(".govuk-notification-banner--success").text()).contains("Invitation sent to " + email);
        assertThat(sent.select("#invitation-link"))
                .as("with mail set up, the link is not shown")
                .isEmpty();

        List<MimeMessage> mail = MAIL.to(email);
        assertThat(mail).hasSize(1);
        String link = Mailbox.link(mail.get(0));
        assertThat(link).startsWith("http://localhost:" + port + "/invitations/");
        assertThat(Mailbox.text(mail.get(0)))
                .contains("Dear Sam Lead", "Administrator has invited you", "works once, until");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM invitation i WHERE i::text LIKE ?")
                        .param("%" + token + "%")
                        .query(Long.class)
                        .single())
                .as("the token itself is stored nowhere")
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM invitation WHERE token_hash = sha256(convert_to(?, 'UTF8'))")
                        .param(token)
                        .query(Long.class)
                        .single())
                .as("only its SHA-256")
                .isEqualTo(1);

        Browserless person = new Browserless(port);
        HttpResponse<String> opened = person.get(path(link));
        assertThat(opened.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(opened.body());
        String partnership = jdbc.sql("SELECT name FROM partnership ORDER BY id LIMIT 1")
                .query(String.class)
                .single();
        assertThat(page.select("h1").text()).isEqualTo("Set up your Assure account");
        assertThat(page.select(".govuk-body-l").text())
                .isEqualTo("Administrator has invited you to join " + partnership + " in Assure.");
        assertThat(page.select(".govuk-summary-list").text()).contains(email, "Lead for " + agency[1]);
        assertThat(page.select("#sso"))
                .as("no single sign-on is configured here")
                .isEmpty();

        HttpResponse<String> mismatch = person.post(
                path(link), Map.of("_csrf", Browserless.csrf(page), "password", PASSWORD, "confirm", PASSWORD + "!"));
        assertThat(mismatch.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(mismatch.body()).select(".govuk-error-summary a").eachAttr("href"))
                .containsExactly("#confirm");
        HttpResponse<String> common = person.post(
                path(link),
                Map.of("_csrf", Browserless.csrf(page), "password", "password123", "confirm", "password123"));
        assertThat(Jsoup.parse(common.body()).select("#password-error").text()).contains("harder to guess");

        String anonymousSession = person.cookie(Browserless.SESSION_COOKIE);
        assertThat(anonymousSession).isNotNull();
        HttpResponse<String> accepted = person.post(
                path(link), Map.of("_csrf", Browserless.csrf(page), "password", PASSWORD, "confirm", PASSWORD));
        assertThat(person.cookie(Browserless.SESSION_COOKIE))
                .as("a new session id at sign-in")
                .isNotEqualTo(anonymousSession);
        assertThat(accepted.uri().getPath()).as("signed in and on the plans").isEqualTo("/plans");
        assertThat(Jsoup.parse(accepted.body()).select(".assure-signed-in-as").text())
                .isEqualTo("Signed in as Sam Lead");
        Map<String, Object> account = jdbc.sql("""
                SELECT u.role, a.external_id AS agency, u.password_hash IS NOT NULL AS has_password, u.id
                FROM app_user u LEFT JOIN agency a ON a.id = u.agency_id WHERE u.email = ?""").param(email).query().singleRow();
        assertThat(account)
                .containsEntry("role", "LEAD")
                .containsEntry("agency", agency[0])
                .containsEntry("has_password", true);
        assertThat(person.get("/admin/invitations").statusCode())
                .as("a lead is not an admin")
                .isEqualTo(403);
        assertThat(person.page("/my-actions").select("main").text()).contains(agency[1]);

        assertThat(events("INVITATION_CREATED", email)).isEqualTo(1);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE event_type IN ('INVITATION_ACCEPTED', 'SIGN_IN') AND actor = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE event_type = 'SIGN_IN' AND actor = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .endsWith("by an invitation");

        Document again = refused(new Browserless(port).get(path(link)));
        assertThat(again.select("h1").text()).isEqualTo("This invitation link cannot be used");
        assertThat(admin.page("/admin/invitations")
                        .select("tr:contains(" + email + ") .govuk-tag")
                        .text())
                .isEqualTo("Accepted");

        Browserless later = new Browserless(port);
        assertThat(later.signIn(email, PASSWORD).uri().getPath())
                .as("the password works for signing in")
                .isEqualTo("/plans");

        // the session made by accepting is stamped like any other: ending the user's sessions ends it
        users.endSessions((Long) account.get("id"), clock.instant().plusSeconds(1));
        assertThat(person.get("/plans").uri().getPath()).isEqualTo("/sign-in");
    }

    @Test
    void aLinkWorksOnceEvenWhenTwoRequestsRaceForIt() throws Exception {
        String email = "race@testshire.example";
        invite(email, "Race Runner", "VIEWER", "");
        String token = token(MAIL.to(email).get(0));
        String hash = passwords.encode(PASSWORD); // warm up the encoder so the two start together
        assertThat(hash).isNotBlank();

        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> accept = () -> {
            start.await();
            try {
                // as the acceptance page does: the link names the partnership, so it is read in every partnership's
                // scope
                Scope.everyPartnership(() -> invitations.acceptWithPassword(token, PASSWORD));
                return true;
            } catch (Invitations.Unusable refused) {
                return false;
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>(List.of(pool.submit(accept), pool.submit(accept)));
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(events("INVITATION_ACCEPTED", email)).isEqualTo(1);
    }

    @Test
    void anExpiredUsedRevokedReplacedOrUnknownLinkAllGetTheSamePlainPage() {
        String expired = "expired@testshire.example";
        invite(expired, "Ex Pired", "BOARD", "");
        String expiredLink = Mailbox.link(MAIL.to(expired).get(0));
        jdbc.sql(
                        "UPDATE invitation SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE email = ?")
                .param(expired)
                .update();

        String replaced = "replaced@testshire.example";
        Document first = invite(replaced, "Re Placed", "VIEWER", "");
        String replacedLink = Mailbox.link(MAIL.to(replaced).get(0));
        admin.post(first.selectFirst("form[action$=/resend]").attr("action"), Map.of("_csrf", Browserless.csrf(first)));

        String revoked = "revoked@testshire.example";
        Document third = invite(revoked, "Re Voked", "VIEWER", "");
        String revokedLink = Mailbox.link(MAIL.to(revoked).get(0));
        HttpResponse<String> revoking = admin.post(
                third.selectFirst("form[action$=/revoke]").attr("action"), Map.of("_csrf", Browserless.csrf(third)));
        assertThat(Jsoup.parse(revoking.body())
                        .select(".govuk-notification-banner")
                        .text())
                .contains("Invitation revoked");

        String unknown = "/invitations/" + "A".repeat(43);
        String main = refused(new Browserless(port).get(unknown)).select("main").outerHtml();
        for (String link : List.of(path(expiredLink), path(replacedLink), path(revokedLink), "/invitations/x")) {
            Document page = refused(new Browserless(port).get(link));
            assertThat(page.select("main").outerHtml()).as(link).isEqualTo(main);
        }
        assertThat(main).contains("Ask the admin of your partnership to send you a new invitation");

        Document list = admin.page("/admin/invitations");
        assertThat(list.select("tr:contains(" + expired + ") .govuk-tag").text())
                .isEqualTo("Expired");
        assertThat(list.select("tr:contains(" + revoked + ") .govuk-tag").text())
                .isEqualTo("Revoked");
        assertThat(list.select("tr:contains(" + revoked + ") form"))
                .as("nothing left to do with it")
                .isEmpty();
        assertThat(list.select("tr:contains(" + replaced + ") .govuk-tag").text())
                .isEqualTo("Waiting");
    }

    @Test
    void reSendingMakesANewLinkAndTheOldOneStopsWorkingAnExpiredOneIncluded() {
        String email = "resend@testshire.example";
        invite(email, "Re Send", "VIEWER", "");
        String oldLink = Mailbox.link(MAIL.to(email).get(0));
        jdbc.sql(
                        "UPDATE invitation SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE email = ?")
                .param(email)
                .update();

        Document list = admin.page("/admin/invitations");
        HttpResponse<String> resent = admin.post(
                list.selectFirst("tr:contains(" + email + ") form[action$=/resend]")
                        .attr("action"),
                Map.of("_csrf", Browserless.csrf(list)));
        assertThat(Jsoup.parse(resent.body())
                        .select(".govuk-notification-banner--success")
                        .text())
                .contains("Invitation sent to " + email);

        List<MimeMessage> mail = MAIL.to(email);
        assertThat(mail).hasSize(2);
        String newLink = Mailbox.link(mail.get(1));
        assertThat(newLink).isNotEqualTo(oldLink);
        refused(new Browserless(port).get(path(oldLink)));
        assertThat(new Browserless(port).get(path(newLink)).statusCode()).isEqualTo(200);
        assertThat(events("INVITATION_RESENT", FreshDatabase.ADMIN_EMAIL)).isPositive();
        Instant expires = jdbc.sql("SELECT expires_at FROM invitation WHERE email = ?")
                .param(email)
                .query(Timestamp.class)
                .single()
                .toInstant();
        // the app's clock, which the tests' authenticator app may have moved on
        assertThat(expires)
                .isBetween(
                        clock.instant().plus(Duration.ofDays(7)).minusSeconds(120),
                        clock.instant().plus(Duration.ofDays(7)));
    }

    @Test
    void aFailedSendSaysSoAndTheInvitationStaysToBeReSent() {
        String email = "unsent@testshire.example";
        MAIL.stop();
        Document failed;
        try {
            failed = invite(email, "Un Sent", "VIEWER", "");
        } finally {
            MAIL.start();
        }
        assertThat(failed.select(".govuk-error-summary").text())
                .contains("The invitation was saved, but the email could not be sent");
        assertThat(failed.select("title").text()).startsWith("Error:");
        assertThat(failed.select(".govuk-error-summary a").attr("href")).isEqualTo("#resend");
        assertThat(failed.select("#resend")).hasSize(1);

        admin.post(
                failed.selectFirst("form[action$=/resend]").attr("action"), Map.of("_csrf", Browserless.csrf(failed)));
        List<MimeMessage> mail = MAIL.to(email);
        assertThat(mail).hasSize(1);
        assertThat(new Browserless(port).get(path(Mailbox.link(mail.get(0)))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void onlyAnAdminReachesTheInvitationPages() {
        String email = "viewer-only@testshire.example";
        long partnership = jdbc.sql("SELECT partnership_id FROM app_user WHERE email = ?")
                .param(FreshDatabase.ADMIN_EMAIL)
                .query(Long.class)
                .single();
        users.create(
                partnership,
                new UserRepository.NewUser(email, "Vi Ewer", Role.VIEWER, null),
                passwords.encode(PASSWORD));
        Browserless viewer = new Browserless(port);
        viewer.signIn(email, PASSWORD);
        Document plans = viewer.page("/plans");

        assertThat(plans.select("a[href='/admin/invitations']"))
                .as("not offered")
                .isEmpty();
        assertThat(viewer.get("/admin/invitations").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/admin/invitations/new").statusCode()).isEqualTo(403);
        assertThat(viewer.post(
                                "/admin/invitations",
                                Map.of(
                                        "_csrf",
                                        Browserless.csrf(plans),
                                        "email",
                                        "x@testshire.example",
                                        "name",
                                        "X",
                                        "role",
                                        "ADMIN"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM invitation WHERE email = 'x@testshire.example'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(new Browserless(port).get("/admin/invitations").uri().getPath())
                .as("anonymous")
                .isEqualTo("/sign-in");
    }

    @Test
    void anEmailWithAnAccountOrAWaitingInvitationAndAnIncompleteFormAreFieldErrors() {
        Document form = admin.page("/admin/invitations/new");

        HttpResponse<String> taken = admin.post(
                "/admin/invitations",
                Map.of(
                        "_csrf",
                        Browserless.csrf(form),
                        "email",
                        FreshDatabase.ADMIN_EMAIL.toUpperCase(),
                        "name",
                        "Someone",
                        "role",
                        "VIEWER"));
        assertThat(taken.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(taken.body());
        assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#email");
        assertThat(page.select("#email-error").text()).contains("There is already an account with this email address");
        assertThat(page.select("#email").attr("value")).isEqualTo(FreshDatabase.ADMIN_EMAIL.toUpperCase());
        assertThat(page.select("#email").attr("aria-describedby")).isEqualTo("email-hint email-error");

        invite("waiting@testshire.example", "Wai Ting", "VIEWER", "");
        HttpResponse<String> waiting = admin.post(
                "/admin/invitations",
                Map.of(
                        "_csrf",
                        Browserless.csrf(form),
                        "email",
                        "Waiting@Testshire.example",
                        "name",
                        "Wai Ting",
                        "role",
                        "VIEWER"));
        assertThat(Jsoup.parse(waiting.body()).select("#email-error").text())
                .contains("already has an invitation waiting");

        HttpResponse<String> empty = admin.post("/admin/invitations", Map.of("_csrf", Browserless.csrf(form)));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(empty.body()).select(".govuk-error-summary a").eachAttr("href"))
                .containsExactly("#email", "#name", "#role");

        HttpResponse<String> leadWithoutAgency = admin.post(
                "/admin/invitations",
                Map.of("_csrf", Browserless.csrf(form), "email", "not-an-email", "name", "No Agency", "role", "LEAD"));
        assertThat(Jsoup.parse(leadWithoutAgency.body())
                        .select(".govuk-error-summary a")
                        .eachAttr("href"))
                .containsExactly("#email");
        HttpResponse<String> noAgency = admin.post(
                "/admin/invitations",
                Map.of(
                        "_csrf",
                        Browserless.csrf(form),
                        "email",
                        "no-agency@testshire.example",
                        "name",
                        "No Agency",
                        "role",
                        "LEAD"));
        assertThat(Jsoup.parse(noAgency.body()).select(".govuk-error-summary a").eachAttr("href"))
                .containsExactly("#agency");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM invitation WHERE email IN ('no-agency@testshire.example', 'not-an-email')")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theSignInPageOffersNoSingleSignOnWhenItIsNotConfigured() {
        assertThat(new Browserless(port).page("/sign-in").select("#sso")).isEmpty();
        assertThat(new Browserless(port).get("/sign-in/sso/start/oidc").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theDatabaseKeepsOneOpenInvitationPerEmailAndAnAgencyOnlyForALead() {
        invite("once@testshire.example", "On Ce", "VIEWER", "");
        Map<String, Object> row = jdbc.sql(
                        "SELECT partnership_id, invited_by FROM invitation WHERE email = 'once@testshire.example'")
                .query()
                .singleRow();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO invitation (partnership_id, external_id, email, display_name, role, invited_by, token_hash,
                    created_at, expires_at)
                VALUES (?, 'dup', 'ONCE@testshire.example', 'X', 'VIEWER', ?, sha256('x'), now(), now() + interval '7 days')""")
                        .params(row.get("partnership_id"), row.get("invited_by"))
                        .update())
                .hasMessageContaining("uq_invitation_open_email");
        long agency = jdbc.sql("SELECT id FROM agency WHERE partnership_id = ? LIMIT 1")
                .param(row.get("partnership_id"))
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO invitation (partnership_id, external_id, email, display_name, role, agency_id, invited_by,
                    token_hash, created_at, expires_at)
                VALUES (?, 'agency', 'agency@testshire.example', 'X', 'VIEWER', ?, ?, sha256('y'), now(), now() + interval '7 days')""")
                        .params(row.get("partnership_id"), agency, row.get("invited_by"))
                        .update())
                .hasMessageContaining("ck_invitation_agency_for_lead");
    }

    /** Without a mail server (the embedded first run) the admin is shown the link, once, to pass on. */
    @Nested
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @AppTest
    @TestPropertySource(properties = "assure.test.context=invitations-without-mail")
    class WithoutMail {

        @LocalServerPort
        int port;

        @Test
        void theLinkIsShownToTheAdminOnceAndWorks() {
            Browserless admin = new Browserless(port);
            admin.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
            Document form = admin.page("/admin/invitations/new");
            assertThat(form.select("main form button[type=submit]").text()).isEqualTo("Create invitation link");

            HttpResponse<String> created = admin.post(
                    "/admin/invitations",
                    Map.of(
                            "_csrf",
                            Browserless.csrf(form),
                            "email",
                            "handed-on@testshire.example",
                            "name",
                            "Han Ded",
                            "role",
                            "BOARD"));
            Document page = Jsoup.parse(created.body());
            assertThat(page.select(".govuk-notification-banner").text())
                    .contains(
                            "Email is not set up, so no email was sent",
                            "ASSURE_MAIL_HOST",
                            "only time the link is shown");
            String link = page.select("#invitation-link").attr("value");
            assertThat(link).startsWith("http://localhost:" + port + "/invitations/");

            assertThat(admin.page(created.uri().getPath()).select("#invitation-link"))
                    .as("shown once")
                    .isEmpty();
            assertThat(new Browserless(port).get(URI.create(link).getPath()).statusCode())
                    .isEqualTo(200);
        }
    }

    private Document invite(String email, String name, String role, String agency) {
        Document form = admin.page("/admin/invitations/new");
        Map<String, String> fields = new HashMap<>(
                Map.of("_csrf", Browserless.csrf(form), "email", email, "name", name, "role", role, "agency", agency));
        HttpResponse<String> response = admin.post("/admin/invitations", fields);
        assertThat(response.statusCode()).as("inviting " + email).isEqualTo(200);
        assertThat(response.uri().getPath()).startsWith("/admin/invitations/");
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    private Document refused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("a link that cannot be used").isEqualTo(404);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("This invitation link cannot be used");
        return page;
    }

    private long events(String type, String actor) {
        return jdbc.sql(
                        "SELECT count(*) FROM audit_event WHERE event_type = ? AND (actor = ? OR after_state->>'email' = ?)")
                .params(type, actor, actor)
                .query(Long.class)
                .single();
    }

    private static String token(MimeMessage message) {
        String link = Mailbox.link(message);
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private static String path(String link) {
        return URI.create(link).getRawPath();
    }
}
