package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import uk.assure.account.Role;
import uk.assure.account.UserRepository;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;

/**
 * Single sign-on against a real OIDC provider over HTTP (mock-oauth2-server, started before the app so the app can
 * read its discovery document), through the whole authorization-code flow with redirects and cookies as a browser
 * follows them. The provider says who the person is by the email claim; Assure signs in the account with that
 * email, or accepts the invitation waiting for it, or refuses.
 */
@AppTest
@TestPropertySource(
        properties = {
            "assure.test.context=single-sign-on",
            "assure.oidc.client-id=assure-test",
            "assure.oidc.client-secret=assure-test-secret",
            "assure.oidc.name=Testshire Council account"
        })
class SingleSignOnIT {

    private static final String ISSUER_ID = "testshire";
    private static final MockOAuth2Server PROVIDER = started();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("assure.oidc.issuer", () -> PROVIDER.issuerUrl(ISSUER_ID).toString());
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void theSignInPageOffersTheProviderByItsName() {
        Document page = new Browserless(port).page("/sign-in");
        assertThat(page.select("a#sso").text()).isEqualTo("Sign in with Testshire Council account");
        assertThat(page.select("a#sso").attr("href")).isEqualTo("/sign-in/sso/start/oidc");
    }

    @Test
    void anAccountsEmailSignsInAsThatAccountWithItsRoleAndARevocableSession() {
        String email = "casey.board@testshire.example";
        long userId = users.create(
                partnership(),
                new UserRepository.NewUser(email, "Casey Board", Role.BOARD, null),
                passwords.encode("casey's own long password"));
        Browserless browser = new Browserless(port);
        browser.page("/sign-in");
        String anonymousSession = browser.cookie(Browserless.SESSION_COOKIE);

        HttpResponse<String> landed =
                signInWithProvider(browser, "casey-sub", Map.of("email", email.toUpperCase(), "email_verified", true));
        assertThat(browser.cookie(Browserless.SESSION_COOKIE))
                .as("a new session id at sign-in")
                .isNotEqualTo(anonymousSession);

        assertThat(landed.uri().getPath()).isEqualTo("/plans");
        assertThat(Jsoup.parse(landed.body()).select(".assure-signed-in-as").text())
                .isEqualTo("Signed in as Casey Board");
        assertThat(browser.get("/admin/invitations").statusCode())
                .as("a board member, not an admin")
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE event_type = 'SIGN_IN' AND actor_user_id = ?")
                        .param(userId)
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .endsWith("by single sign-on");
        assertThat(jdbc.sql("SELECT password_hash IS NOT NULL FROM app_user WHERE id = ?")
                        .param(userId)
                        .query(Boolean.class)
                        .single())
                .as("an existing password is kept")
                .isTrue();

        // stamped at sign-in like a password session: ending the user's sessions ends this one
        users.endSessions(userId, Instant.now().plusSeconds(1));
        assertThat(browser.get("/plans").uri().getPath()).isEqualTo("/sign-in");
    }

    @Test
    void anAdminSignedInByTheProviderIsTheSamePrincipalAsAfterAPassword() {
        Browserless browser = new Browserless(port);
        signInWithProvider(browser, "admin-sub", Map.of("email", FreshDatabase.ADMIN_EMAIL));
        Document invitations = browser.page("/admin/invitations");
        assertThat(invitations.select("h1").text()).isEqualTo("Invitations");

        HttpResponse<String> signedOut = browser.post("/sign-out", Map.of("_csrf", Browserless.csrf(invitations)));
        assertThat(signedOut.uri().getQuery()).isEqualTo("signedOut");
        assertThat(browser.get("/plans").uri().getPath()).isEqualTo("/sign-in");
    }

    @Test
    void anEmailWithAWaitingInvitationAcceptsItAndSignsIn() {
        String email = "robin.invited@testshire.example";
        Browserless admin = new Browserless(port);
        admin.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        Document form = admin.page("/admin/invitations/new");
        Document created = Jsoup.parse(admin.post(
                        "/admin/invitations",
                        Map.of(
                                "_csrf",
                                Browserless.csrf(form),
                                "email",
                                email,
                                "name",
                                "Robin Invited",
                                "role",
                                "VIEWER"))
                .body());
        String link = created.select("#invitation-link").attr("value");
        Document invitation = new Browserless(port).page(URI.create(link).getPath());
        assertThat(invitation.select("a#sso").text())
                .as("the invitation page offers it too")
                .isEqualTo("Sign in with Testshire Council account");

        Browserless browser = new Browserless(port);
        HttpResponse<String> landed = signInWithProvider(browser, "robin-sub", Map.of("email", email));

        assertThat(landed.uri().getPath()).isEqualTo("/plans");
        assertThat(Jsoup.parse(landed.body()).select(".assure-signed-in-as").text())
                .isEqualTo("Signed in as Robin Invited");
        Map<String, Object> account = jdbc.sql("SELECT role, password_hash FROM app_user WHERE email = ?")
                .param(email)
                .query()
                .singleRow();
        assertThat(account).containsEntry("role", "VIEWER");
        assertThat(account.get("password_hash"))
                .as("no password: the provider is how they sign in")
                .isNull();
        assertThat(jdbc.sql(
                                "SELECT accepted_at IS NOT NULL AND accepted_user_id IS NOT NULL FROM invitation WHERE email = ?")
                        .param(email)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(new Browserless(port).get(URI.create(link).getPath()).statusCode())
                .as("the link is used up")
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE event_type = 'INVITATION_ACCEPTED' AND actor = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .contains("single sign-on");
    }

    @Test
    void anEmailWithNoAccountIsRefusedWithAPlainPageAndNoSession() {
        String email = "stranger@elsewhere.example";
        Browserless browser = new Browserless(port);

        HttpResponse<String> refused = signInWithProvider(browser, "stranger-sub", Map.of("email", email));

        assertThat(refused.uri().getPath()).isEqualTo("/sign-in/no-account");
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("h1").text()).isEqualTo("No account for this email in Assure");
        assertThat(page.select("main").text()).contains("Ask your partnership's admin for an invitation.");
        assertThat(page.select(".assure-signed-in-as")).isEmpty();
        assertThat(browser.get("/plans").uri().getPath()).as("not signed in").isEqualTo("/sign-in");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE event_type = 'SIGN_IN_FAILED' AND actor = ?")
                        .param(email)
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .contains("single sign-on");
    }

    @Test
    void anEmailTheProviderHasNotVerifiedIsRefused() {
        String email = "unverified@testshire.example";
        users.create(partnership(), new UserRepository.NewUser(email, "Un Verified", Role.VIEWER, null), null);
        Browserless browser = new Browserless(port);

        HttpResponse<String> refused =
                signInWithProvider(browser, "unverified-sub", Map.of("email", email, "email_verified", false));

        assertThat(refused.uri().getPath()).isEqualTo("/sign-in");
        assertThat(Jsoup.parse(refused.body()).select(".govuk-error-summary").text())
                .contains("Signing in with Testshire Council account did not work");
        assertThat(browser.get("/plans").uri().getPath()).isEqualTo("/sign-in");
    }

    /** The provider answers the next token request with these claims; the browser follows every redirect. */
    private HttpResponse<String> signInWithProvider(Browserless browser, String subject, Map<String, Object> claims) {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER_ID, subject, JOSEObjectType.JWT.getType(), List.of("assure-test"), claims, 3600));
        return browser.get("/sign-in/sso/start/oidc");
    }

    private long partnership() {
        return jdbc.sql("SELECT partnership_id FROM app_user WHERE email = ?")
                .param(FreshDatabase.ADMIN_EMAIL)
                .query(Long.class)
                .single();
    }

    private static MockOAuth2Server started() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }
}
