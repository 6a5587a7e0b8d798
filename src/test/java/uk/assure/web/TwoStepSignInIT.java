package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
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
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.TwoStepCodes;

/**
 * Two-step sign-in over real HTTP: an admin is held at setting it up; a user with it on gives a code after the
 * password and reaches nothing before; a code works once; wrong codes slow the account down as wrong passwords do;
 * the session id changes at each step. Each test has users of its own.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=two-step")
class TwoStepSignInIT {

    private static final String PASSWORD = "a long enough two-step password";
    private static final AtomicInteger USERS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    /** Failures are counted per address too, and every test comes from 127.0.0.1: each test starts with none. */
    @BeforeEach
    void noFailedSignIns() {
        jdbc.sql("DELETE FROM sign_in_failure").update();
    }

    @Test
    void anAdminIsHeldAtSettingItUpAndReachesNothingElseUntilItIsOn() {
        String admin = aUser(Role.ADMIN);
        Browserless browser = new Browserless(port);

        HttpResponse<String> held = browser.signInWithPassword(admin, PASSWORD);

        assertThat(held.uri().getPath()).isEqualTo("/account/two-step");
        Document page = Jsoup.parse(held.body());
        assertThat(page.select(".govuk-inset-text").text()).contains("Admins must use two-step sign-in");
        assertThat(page.getElementById("secret").text()).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        assertThat(page.select("a[href^=otpauth://totp/]").attr("href"))
                .startsWith("otpauth://totp/Assure%3A" + admin.replace("@", "%40") + "?secret=")
                .contains("&issuer=Assure", "&digits=6", "&period=30");
        assertThat(page.select("svg.assure-qr path").attr("d")).startsWith("M");
        assertThat(page.select(".govuk-header__navigation a"))
                .as("no menu but signing out")
                .isEmpty();
        for (String path : List.of("/plans", "/dashboard", "/account/password", "/sign-in", "/sign-in/code")) {
            assertThat(browser.get(path).uri().getPath()).as(path).isEqualTo("/account/two-step");
        }
        assertThat(browser.post("/imports", Map.of("_csrf", Browserless.csrf(page)))
                        .uri()
                        .getPath())
                .isEqualTo("/account/two-step");
        assertThat(browser.get("/css/assure.css").statusCode()).isEqualTo(200);

        HttpResponse<String> on = browser.setUpTwoStep(admin);

        assertThat(on.uri().getPath()).isEqualTo("/plans");
        assertThat(Jsoup.parse(on.body()).select(".govuk-notification-banner").text())
                .contains("Two-step sign-in is on", "make recovery codes now");
        assertThat(browser.page("/plans").select(".govuk-notification-banner").text())
                .as("once")
                .doesNotContain("recovery");
        assertThat(browser.page("/account/two-step")
                        .getElementById("recovery-left")
                        .text())
                .contains("no recovery codes");
        assertThat(browser.get("/dashboard").uri().getPath()).isEqualTo("/dashboard");
        assertThat(events(admin)).containsExactly("SIGN_IN", "TWO_STEP_ON");
        assertThat(browser.page("/account/two-step").text())
                .contains("Two-step sign-in is on", "Admins must use two-step sign-in, so it cannot be turned off");
    }

    @Test
    void aWrongCodeIsRefusedWithTheErrorSummaryAndTheRightOneLetsIn() {
        String lead = aUserWithTwoStep(Role.LEAD);
        Browserless browser = new Browserless(port);
        assertThat(browser.signInWithPassword(lead, PASSWORD).uri().getPath()).isEqualTo("/sign-in/code");
        assertThat(browser.get("/plans").uri().getPath())
                .as("nothing before the code")
                .isEqualTo("/sign-in/code");

        HttpResponse<String> refused = browser.giveCode(TwoStepCodes.wrong(port, lead));

        assertThat(refused.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#code");
        assertThat(page.select("#code-error").text()).contains("The code is not right");
        assertThat(page.getElementById("code").attr("aria-describedby")).isEqualTo("code-hint code-error");
        assertThat(browser.giveCode("12 34").body()).contains("The code must be 6 numbers");
        assertThat(browser.get("/plans").uri().getPath()).isEqualTo("/sign-in/code");

        HttpResponse<String> in = browser.giveCode(TwoStepCodes.next(port, lead));

        assertThat(in.uri().getPath()).isEqualTo("/plans");
        assertThat(in.statusCode()).isEqualTo(200);
        assertThat(browser.get("/sign-in/code").uri().getPath())
                .as("done with the code page")
                .isEqualTo("/plans");
        assertThat(events(lead)).endsWith("SIGN_IN", "TWO_STEP_CODE_REFUSED", "TWO_STEP_CODE_ACCEPTED");
    }

    @Test
    void theSameCodeGivenAgainInANewSignInIsRefusedWhileStillInItsWindow() {
        String lead = aUserWithTwoStep(Role.LEAD);
        Browserless first = new Browserless(port);
        first.signIn(lead, PASSWORD);
        String used = TwoStepCodes.last(port, lead);

        Browserless second = new Browserless(port);
        second.signInWithPassword(lead, PASSWORD);
        HttpResponse<String> replayed = second.giveCode(used);

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(replayed.body()).select(".govuk-error-summary").text())
                .contains("has been used");
        assertThat(second.get("/plans").uri().getPath()).isEqualTo("/sign-in/code");
        assertThat(second.giveCode(TwoStepCodes.next(port, lead)).uri().getPath())
                .isEqualTo("/plans");
    }

    @Test
    void aLeadWhoTurnsItOnIsAskedForACodeNextTimeAndOneWhoHasNotIsNot() {
        String without = aUser(Role.LEAD);
        assertThat(new Browserless(port)
                        .signInWithPassword(without, PASSWORD)
                        .uri()
                        .getPath())
                .isEqualTo("/plans");

        String with = aUser(Role.LEAD);
        Browserless browser = new Browserless(port);
        assertThat(browser.signInWithPassword(with, PASSWORD).uri().getPath()).isEqualTo("/plans");
        assertThat(browser.page("/account/password").select("a[href=/account/two-step]"))
                .hasSize(1);
        HttpResponse<String> on = browser.setUpTwoStep(with);
        assertThat(Jsoup.parse(on.body()).select(".govuk-notification-banner").text())
                .contains("Two-step sign-in is on");

        Browserless next = new Browserless(port);
        assertThat(next.signInWithPassword(with, PASSWORD).uri().getPath()).isEqualTo("/sign-in/code");
        assertThat(next.giveCode(TwoStepCodes.next(port, with)).uri().getPath()).isEqualTo("/plans");

        Document settings = next.page("/account/two-step");
        HttpResponse<String> off = next.post(
                "/account/two-step/off",
                Map.of("_csrf", Browserless.csrf(settings), "code", TwoStepCodes.next(port, with)));
        assertThat(Jsoup.parse(off.body()).select(".govuk-notification-banner").text())
                .contains("Two-step sign-in is off");
        assertThat(new Browserless(port)
                        .signInWithPassword(with, PASSWORD)
                        .uri()
                        .getPath())
                .isEqualTo("/plans");
        assertThat(events(with))
                .containsExactly(
                        "SIGN_IN", "TWO_STEP_ON", "SIGN_IN", "TWO_STEP_CODE_ACCEPTED", "TWO_STEP_OFF", "SIGN_IN");
    }

    @Test
    void theSessionIdChangesAtTheCodeAndAtSettingUp() {
        String lead = aUserWithTwoStep(Role.LEAD);
        Browserless browser = new Browserless(port);
        browser.page("/sign-in");
        String before = browser.sessionId();
        browser.signInWithPassword(lead, PASSWORD);
        String afterPassword = browser.sessionId();
        browser.giveCode(TwoStepCodes.next(port, lead));
        String afterCode = browser.sessionId();

        assertThat(before).isNotNull();
        assertThat(afterPassword).isNotEqualTo(before);
        assertThat(afterCode).isNotEqualTo(afterPassword).isNotEqualTo(before);

        String admin = aUser(Role.ADMIN);
        Browserless held = new Browserless(port);
        held.signInWithPassword(admin, PASSWORD);
        String atSetUp = held.sessionId();
        held.setUpTwoStep(admin);
        assertThat(held.sessionId()).isNotEqualTo(atSetUp);
    }

    @Test
    void wrongCodesSlowTheAccountDownAsWrongPasswordsDo() {
        String lead = aUserWithTwoStep(Role.LEAD);
        Browserless browser = new Browserless(port);
        browser.signInWithPassword(lead, PASSWORD);
        for (int tries = 0; failures(lead) < 6 && tries < 20; tries++) {
            if (browser.giveCode(TwoStepCodes.wrong(port, lead)).body().contains("Wait")) {
                TwoStepCodes.moveClock(port, Duration.ofSeconds(20)); // past the wait, rather than waiting
            }
        }
        assertThat(failures(lead)).isEqualTo(6);

        HttpResponse<String> right = browser.giveCode(TwoStepCodes.next(port, lead));

        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(right.body()).select(".govuk-error-summary").text())
                .contains("too many failed attempts", "Wait", "seconds");
        assertThat(new Browserless(port)
                        .signInWithPassword(lead, PASSWORD)
                        .uri()
                        .getQuery())
                .as("the password waits too")
                .startsWith("wait=");
    }

    @Test
    void aRecoveryCodeSignsInOnceWithoutThePhoneAndNewCodesEndTheOldOnes() {
        String admin = aUser(Role.ADMIN);
        Browserless browser = new Browserless(port);
        browser.signIn(admin, PASSWORD);
        List<String> codes = recoveryCodes(browser);
        assertThat(codes)
                .hasSize(10)
                .doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
        Document later = browser.page("/account/two-step");
        assertThat(later.getElementById("recovery-left").text()).contains("10 of your recovery codes are unused");
        assertThat(later.text()).as("shown once").doesNotContain(codes.get(0));

        // typed as people do: capitals, spaces instead of dashes
        HttpResponse<String> in =
                withRecoveryCode(admin, codes.get(0).toUpperCase().replace('-', ' '));
        assertThat(in.uri().getPath()).isEqualTo("/plans");

        HttpResponse<String> again = withRecoveryCode(admin, codes.get(0));
        assertThat(again.statusCode()).isEqualTo(200);
        Document refused = Jsoup.parse(again.body());
        assertThat(refused.select(".govuk-error-summary").text()).contains("not right, or it has been used");
        assertThat(refused.select("details").hasAttr("open"))
                .as("the recovery form stays open")
                .isTrue();
        assertThat(withRecoveryCode(admin, "not a code").body()).contains("16 letters and numbers");

        List<String> fresh = recoveryCodes(browser);
        assertThat(withRecoveryCode(admin, codes.get(1)).statusCode())
                .as("made before the new ones")
                .isEqualTo(200);
        assertThat(withRecoveryCode(admin, fresh.get(0)).uri().getPath()).isEqualTo("/plans");
        assertThat(events(admin)).contains("TWO_STEP_RECOVERY_CODES_MADE", "TWO_STEP_RECOVERY_CODE_USED");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM two_step_recovery_code c JOIN app_user u ON u.id = c.user_id WHERE u.email = ?")
                        .param(admin)
                        .query(Long.class)
                        .single())
                .as("the old ones are gone")
                .isEqualTo(10);
    }

    private List<String> recoveryCodes(Browserless browser) {
        Document page = browser.page("/account/two-step");
        Document made =
                Jsoup.parse(browser.post("/account/two-step/recovery-codes", Map.of("_csrf", Browserless.csrf(page)))
                        .body());
        return made.select("#recovery-codes li").eachText();
    }

    private HttpResponse<String> withRecoveryCode(String email, String code) {
        Browserless browser = new Browserless(port);
        assertThat(browser.signInWithPassword(email, PASSWORD).uri().getPath()).isEqualTo("/sign-in/code");
        return browser.post(
                "/sign-in/code",
                Map.of("recoveryCode", code, "_csrf", Browserless.csrf(browser.page("/sign-in/code"))));
    }

    private String aUser(Role role) {
        String email = role.name().toLowerCase() + "-" + USERS.incrementAndGet() + "@two-step.test";
        long partnership =
                jdbc.sql("SELECT min(id) FROM partnership").query(Long.class).single();
        users.create(
                partnership,
                new UserRepository.NewUser(email, "Two-step " + role, role, null),
                passwords.encode(PASSWORD));
        return email;
    }

    private String aUserWithTwoStep(Role role) {
        String email = aUser(role);
        Browserless browser = new Browserless(port);
        browser.signIn(email, PASSWORD);
        assertThat(browser.setUpTwoStep(email).body()).contains("Two-step sign-in is on");
        return email;
    }

    private List<String> events(String email) {
        return jdbc.sql("SELECT event_type FROM audit_event WHERE actor = ? ORDER BY id")
                .param(email)
                .query(String.class)
                .list();
    }

    private long failures(String email) {
        return jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE email_key = ?")
                .param(email)
                .query(Long.class)
                .single();
    }
}
