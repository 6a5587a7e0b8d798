package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import uk.assure.AssureApplication;
import uk.assure.account.Role;
import uk.assure.account.UserRepository;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;
import uk.assure.support.TestClock;

/**
 * A password change keeps the session that made it and ends the user's others; signing out ends them all. The
 * ending is kept with the user in the database, so it holds on every app node.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=session-revocation")
class SessionRevocationIT {

    private static final String NEW_PASSWORD = "a brand new long passphrase";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndSignOutEndsThemAll() {
        Browserless laptop = signedIn(FreshDatabase.ADMIN_PASSWORD);
        Browserless phone = signedIn(FreshDatabase.ADMIN_PASSWORD);

        Document form = laptop.page("/account/password");
        HttpResponse<String> refused = laptop.post(
                "/account/password",
                Map.of(
                        "_csrf",
                        Browserless.csrf(form),
                        "current",
                        "not it",
                        "password",
                        "Password123",
                        "confirm",
                        "Password123"));
        Document errors = Jsoup.parse(refused.body());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(errors.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#current", "#password");

        HttpResponse<String> changed = laptop.post(
                "/account/password",
                Map.of(
                        "_csrf",
                        Browserless.csrf(form),
                        "current",
                        FreshDatabase.ADMIN_PASSWORD,
                        "password",
                        NEW_PASSWORD,
                        "confirm",
                        NEW_PASSWORD));
        assertThat(Jsoup.parse(changed.body())
                        .select(".govuk-notification-banner")
                        .text())
                .contains("Password changed");

        assertThat(laptop.get("/plans").uri().getPath())
                .as("the session that changed it carries on")
                .isEqualTo("/plans");
        assertThat(phone.get("/plans").uri().getPath())
                .as("the other session has ended")
                .isEqualTo("/sign-in");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'PASSWORD_CHANGED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        Browserless tablet = signedIn(NEW_PASSWORD);
        Document plans = laptop.page("/plans");
        laptop.post("/sign-out", Map.of("_csrf", Browserless.csrf(plans)));
        assertThat(tablet.get("/plans").uri().getPath())
                .as("signing out ends every session")
                .isEqualTo("/sign-in");
    }

    /**
     * Two app nodes on one database, as behind a load balancer without sticky sessions: each keeps its own sessions
     * in memory, and ending a user's sessions on one ends them on the other.
     */
    @Test
    void anyNodeServesASessionAndSigningOutOrBeingDisabledOnOneEndsItOnAnother(
            @Value("${assure.database.url}") String url,
            @Autowired UserRepository users,
            @Autowired PasswordEncoder passwords) {
        long partnership = jdbc.sql("SELECT partnership_id FROM app_user WHERE email = ?")
                .param(FreshDatabase.ADMIN_EMAIL)
                .query(Long.class)
                .single();
        users.create(
                partnership,
                new UserRepository.NewUser("two-nodes@test.local", "Two Nodes", Role.BOARD, null),
                passwords.encode(NEW_PASSWORD));
        // the second node keeps time with the first, as servers synchronised by NTP do (a test may have moved this one
        // on)
        try (var other = new SpringApplicationBuilder(AssureApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", TestClock.of(port)))
                .run(
                        "--assure.database.url=" + url,
                        "--assure.demo-data=false",
                        "--server.port=0",
                        "--logging.level.root=warn")) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            Browserless onThis = new Browserless(port);
            onThis.signIn("two-nodes@test.local", NEW_PASSWORD);
            Browserless onOther = new Browserless(otherPort);
            onOther.signIn("two-nodes@test.local", NEW_PASSWORD);
            assertThat(onThis.get("/plans").uri().getPath()).isEqualTo("/plans");
            assertThat(onOther.get("/plans").uri().getPath()).isEqualTo("/plans");

            // sessions live in the database, so any node serves any session: no sticky load balancing needed
            Browserless sameOnOther = onThis.at(otherPort);
            assertThat(sameOnOther.get("/plans").uri().getPath())
                    .as("this node's session on the other")
                    .isEqualTo("/plans");
            Document form = onThis.page("/account/api-tokens");
            assertThat(sameOnOther
                            .post(
                                    "/account/api-tokens",
                                    Map.of(
                                            "name",
                                            "Made across nodes",
                                            "lifetime",
                                            "30",
                                            "_csrf",
                                            Browserless.csrf(form)))
                            .statusCode())
                    .as("a form from one node posted to the other")
                    .isEqualTo(201);

            Document plans = onOther.page("/plans");
            onOther.post("/sign-out", Map.of("_csrf", Browserless.csrf(plans)));
            assertThat(onThis.get("/plans").uri().getPath())
                    .as("signed out on the other node")
                    .isEqualTo("/sign-in");

            Browserless again = new Browserless(otherPort);
            again.signIn("two-nodes@test.local", NEW_PASSWORD);
            assertThat(again.get("/plans").uri().getPath()).isEqualTo("/plans");
            // (the other test in this class changes the admin's password; whichever ran first, one of the two is it)
            Browserless admin = new Browserless(port);
            admin.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
            if (admin.get("/plans").uri().getPath().equals("/sign-in")) {
                admin = signedIn(NEW_PASSWORD);
            }
            String account = admin.page("/admin/users")
                    .select("tbody a:contains(Two Nodes)")
                    .attr("href");
            Document page = admin.page(account);
            admin.post(
                    account,
                    Map.of("_csrf", Browserless.csrf(page), "role", "BOARD", "agency", "", "enabled", "false"));
            assertThat(again.get("/plans").uri().getPath())
                    .as("disabled on this node, ended on the other")
                    .isEqualTo("/sign-in");
        }
    }

    private Browserless signedIn(String password) {
        Browserless browser = new Browserless(port);
        browser.signIn(FreshDatabase.ADMIN_EMAIL, password);
        assertThat(browser.get("/plans").uri().getPath()).isEqualTo("/plans");
        return browser;
    }
}
