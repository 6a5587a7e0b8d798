package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
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
import uk.assure.support.ApiClient;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;

/** The admin's pages, used as an admin would, over HTTP; each change lands, is audited, and bad input is a field error. */
@AppTest
@TestPropertySource(properties = "assure.test.context=admin-pages")
class AdminPagesIT {

    private static final String PASSWORD = "a long enough test password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    Browserless admin;
    long partnership;

    @BeforeEach
    void signedInAsAdmin() {
        admin = new Browserless(port);
        admin.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        partnership = jdbc.sql("SELECT partnership_id FROM app_user WHERE email = ?")
                .param(FreshDatabase.ADMIN_EMAIL)
                .query(Long.class)
                .single();
    }

    @Test
    void anAgencyIsAddedWithItsOtherNamesAndAnAliasHeldByAnotherIsAFieldError() {
        Document page = admin.page("/admin/agencies");
        HttpResponse<String> added = admin.post(
                "/admin/agencies",
                Map.of(
                        "_csrf",
                        Browserless.csrf(page),
                        "name",
                        "Northfield Youth Justice Service",
                        "shortName",
                        "YJS",
                        "aliases",
                        "NYJS\nNorthfield YOT"));
        assertThat(added.statusCode()).isEqualTo(200);
        Document list = Jsoup.parse(added.body());
        assertThat(list.select(".govuk-notification-banner").text()).contains("Northfield Youth Justice Service saved");
        assertThat(list.select("tbody tr:contains(Northfield Youth Justice Service)")
                        .text())
                .contains("Northfield YOT, NYJS");

        HttpResponse<String> clash = admin.post(
                "/admin/agencies",
                Map.of("_csrf", Browserless.csrf(page), "name", "Another Service", "aliases", "nyjs"));
        assertThat(clash.statusCode()).isEqualTo(200);
        Document refused = Jsoup.parse(clash.body());
        assertThat(refused.select(".govuk-error-summary a[href=#aliases]").text())
                .isEqualTo("'nyjs' is already another name for Northfield Youth Justice Service");
        assertThat(refused.select("#aliases").text())
                .as("what was typed is kept")
                .isEqualTo("nyjs");
        assertThat(jdbc.sql("SELECT count(*) FROM agency WHERE name = 'Another Service'")
                        .query(Long.class)
                        .single())
                .isZero();

        String id = list.select("tbody a:contains(Northfield Youth Justice Service)")
                .attr("href");
        Document edit = admin.page(id);
        admin.post(
                id,
                Map.of(
                        "_csrf",
                        Browserless.csrf(edit),
                        "name",
                        "Northfield Youth Justice Service",
                        "shortName",
                        "YJS",
                        "aliases",
                        "NYJS"));
        assertThat(jdbc.sql("SELECT alias FROM agency_alias a JOIN agency g ON g.id = a.agency_id WHERE g.name = ?")
                        .param("Northfield Youth Justice Service")
                        .query(String.class)
                        .list())
                .containsExactly("NYJS");
        assertThat(jdbc.sql("SELECT event_type FROM audit_event WHERE object_type = 'agency' ORDER BY id")
                        .query(String.class)
                        .list())
                .containsExactly("ADDED_AGENCY", "CHANGED_AGENCY");
    }

    @Test
    void aBodyAndAPersonAreAddedAndAnEmptyNameIsAFieldError() {
        Document bodies = admin.page("/admin/bodies");
        admin.post(
                "/admin/bodies",
                Map.of("_csrf", Browserless.csrf(bodies), "name", "Safeguarding Executive Group", "aliases", "SEG"));
        assertThat(admin.page("/admin/bodies").select("tbody").text()).contains("Safeguarding Executive Group", "SEG");

        Document people = admin.page("/admin/people");
        String agency =
                people.select("#agency option[value]:not([value=''])").first().val();
        HttpResponse<String> empty =
                admin.post("/admin/people", Map.of("_csrf", Browserless.csrf(people), "name", " "));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(empty.body()).select("#name-error").text()).contains("Enter the person's name");
        admin.post(
                "/admin/people",
                Map.of(
                        "_csrf",
                        Browserless.csrf(people),
                        "name",
                        "Priya Sandhu",
                        "jobTitle",
                        "Head of Early Help",
                        "email",
                        "priya@example.org",
                        "agency",
                        agency));
        assertThat(admin.page("/admin/people")
                        .select("tbody tr:contains(Priya Sandhu)")
                        .text())
                .contains("Head of Early Help", "priya@example.org");
    }

    @Test
    void disablingAnAccountEndsItsSessionAtOnceAndAnAdminCannotDisableThemselves() {
        users.create(
                partnership,
                new UserRepository.NewUser("leaving@test.local", "Leaving Lead", Role.BOARD, null),
                passwords.encode(PASSWORD));
        Browserless leaving = new Browserless(port);
        leaving.signIn("leaving@test.local", PASSWORD);
        assertThat(leaving.get("/plans").uri().getPath()).isEqualTo("/plans");

        Document list = admin.page("/admin/users");
        String account = list.select("tbody a:contains(Leaving Lead)").attr("href");
        Document page = admin.page(account);
        HttpResponse<String> saved = admin.post(
                account, Map.of("_csrf", Browserless.csrf(page), "role", "BOARD", "agency", "", "enabled", "false"));
        assertThat(Jsoup.parse(saved.body())
                        .select(".govuk-notification-banner")
                        .text())
                .contains("Account saved");

        assertThat(leaving.get("/plans").uri().getPath())
                .as("signed out on the next request")
                .isEqualTo("/sign-in");
        Browserless again = new Browserless(port);
        again.signIn("leaving@test.local", PASSWORD);
        assertThat(again.get("/plans").uri().getPath()).as("cannot sign in").isEqualTo("/sign-in");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'DISABLED_USER'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String self = admin.page("/admin/users")
                .select("tbody a:contains(Administrator)")
                .attr("href");
        HttpResponse<String> refused =
                admin.post(self, Map.of("_csrf", Browserless.csrf(page), "role", "ADMIN", "enabled", "false"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).select(".govuk-error-summary").text())
                .contains("cannot remove your own admin role");
    }

    @Test
    void anAdminTurnsOffTheTwoStepOfSomeoneWhoLostTheirPhoneAndTheirSessionsEnd() {
        long id = users.create(
                partnership,
                new UserRepository.NewUser(
                        "lost-phone@test.local",
                        "Lost Phone",
                        Role.LEAD,
                        jdbc.sql("SELECT id FROM agency WHERE partnership_id = ? ORDER BY id LIMIT 1")
                                .param(partnership)
                                .query(Long.class)
                                .single()),
                passwords.encode(PASSWORD));
        jdbc.sql(
                        "UPDATE app_user SET two_step_secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', two_step_enabled_at = now() WHERE id = ?")
                .param(id)
                .update();
        String account = admin.page("/admin/users")
                .select("tbody a:contains(Lost Phone)")
                .attr("href");
        Document page = admin.page(account);
        assertThat(page.select("#twoStep + p").text()).startsWith("On");

        Document after = Jsoup.parse(admin.post(account + "/two-step/reset", Map.of("_csrf", Browserless.csrf(page)))
                .body());
        assertThat(after.select(".govuk-notification-banner").text()).contains("Two-step sign-in turned off");
        assertThat(jdbc.sql(
                                "SELECT two_step_secret IS NULL AND two_step_enabled_at IS NULL AND sessions_valid_after IS NOT NULL FROM app_user WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'TWO_STEP_RESET'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        HttpResponse<String> again = admin.post(account + "/two-step/reset", Map.of("_csrf", Browserless.csrf(page)));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(again.body()).select(".govuk-error-summary").text())
                .contains("does not have two-step sign-in turned on");
    }

    @Test
    void anAdminSeesAPersonsApiTokensAndRevokesOneWhichThenOpensNothing() {
        users.create(
                partnership,
                new UserRepository.NewUser("scripted@test.local", "Scripted Lead", Role.BOARD, null),
                passwords.encode(PASSWORD));
        Browserless owner = new Browserless(port);
        owner.signIn("scripted@test.local", PASSWORD);
        Document tokens = owner.page("/account/api-tokens");
        String token = Jsoup.parse(owner.post(
                                "/account/api-tokens",
                                Map.of(
                                        "name",
                                        "Board pack script",
                                        "lifetime",
                                        "90",
                                        "_csrf",
                                        Browserless.csrf(tokens)))
                        .body())
                .getElementById("token")
                .text();
        ApiClient api = new ApiClient(port, token);
        assertThat(api.get("/api/v1/plans").statusCode()).isEqualTo(200);

        String account = admin.page("/admin/users")
                .select("tbody a:contains(Scripted Lead)")
                .attr("href");
        Document page = admin.page(account);
        assertThat(page.select("#apiTokens ~ table").text())
                .contains("Board pack script", "Active")
                .doesNotContain(token);
        String revoke = page.select("form[action*=/api-tokens/]").attr("action");
        Document after = Jsoup.parse(
                admin.post(revoke, Map.of("_csrf", Browserless.csrf(page))).body());
        assertThat(after.select(".govuk-notification-banner").text()).contains("Token revoked");
        assertThat(after.select("#apiTokens ~ table").text()).contains("Revoked");
        assertThat(api.get("/api/v1/plans").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql(
                                "SELECT actor FROM audit_event WHERE event_type = 'API_TOKEN_REVOKED' ORDER BY id DESC LIMIT 1")
                        .query(String.class)
                        .single())
                .isEqualTo(FreshDatabase.ADMIN_EMAIL);
        assertThat(admin.post(revoke, Map.of("_csrf", Browserless.csrf(page))).statusCode())
                .as("a token revoked already is not found")
                .isEqualTo(404);
    }

    @Test
    void aViewerIsGivenAPlanUntilADateAndAPastDateIsRefused() {
        users.create(
                partnership,
                new UserRepository.NewUser("inspector@test.local", "Ina Inspector", Role.VIEWER, null),
                passwords.encode(PASSWORD));
        String account = admin.page("/admin/users")
                .select("tbody a:contains(Ina Inspector)")
                .attr("href");
        Document page = admin.page(account);
        String plan = page.select("#plan option[value]:not([value=''])").first().val();
        LocalDate yesterday = LocalDate.now().minusDays(2);
        Map<String, String> form = new HashMap<>(Map.of(
                "_csrf",
                Browserless.csrf(page),
                "plan",
                plan,
                "expiresDay",
                String.valueOf(yesterday.getDayOfMonth()),
                "expiresMonth",
                String.valueOf(yesterday.getMonthValue()),
                "expiresYear",
                String.valueOf(yesterday.getYear())));
        HttpResponse<String> past = admin.post(account + "/grants", form);
        assertThat(past.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(past.body())
                        .select(".govuk-error-summary a[href=#expires]")
                        .text())
                .contains("must be today or in the future");

        form.put("expiresYear", String.valueOf(LocalDate.now().getYear() + 1));
        Document granted = Jsoup.parse(admin.post(account + "/grants", form).body());
        assertThat(granted.select("#grants + table tbody tr")).hasSize(1);

        Browserless inspector = new Browserless(port);
        inspector.signIn("inspector@test.local", PASSWORD);
        assertThat(inspector.page("/plans").select("tbody a")).hasSize(1);
        assertThat(inspector.page("/plans").select("#navigation").text()).doesNotContain("Dashboard", "Search");
    }

    @Test
    void theAuditLogListsAndFiltersEventsAndOnlyAnAdminReachesAnyAdminPage() {
        Document page = admin.page("/admin/bodies");
        admin.post("/admin/bodies", Map.of("_csrf", Browserless.csrf(page), "name", "Audit Test Board"));
        Document log = admin.page("/admin/audit?type=ADDED_BODY");
        assertThat(log.select("tbody tr"))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.text()).contains("ADDED_BODY"));
        assertThat(log.select("tbody").text()).contains("Audit Test Board");
        assertThat(admin.page("/admin/audit?type=SIGN_IN").select("tbody tr"))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.text()).contains("SIGN_IN"));

        users.create(
                partnership,
                new UserRepository.NewUser("board-only@test.local", "Board Only", Role.BOARD, null),
                passwords.encode(PASSWORD));
        Browserless board = new Browserless(port);
        board.signIn("board-only@test.local", PASSWORD);
        for (String path : new String[] {
            "/admin", "/admin/users", "/admin/agencies", "/admin/people", "/admin/bodies", "/admin/audit"
        }) {
            HttpResponse<String> refused = board.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(Jsoup.parse(refused.body()).text()).contains("Only an admin can manage");
        }
    }
}
