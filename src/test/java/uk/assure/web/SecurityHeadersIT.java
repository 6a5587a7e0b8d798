package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.DigestUtils;
import uk.assure.support.ApiClient;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;

/** The headers every answer carries, the session cookie's flags, and a new session id at sign-in. */
@AppTest
@TestPropertySource(properties = {"assure.test.context=security-headers", "server.forward-headers-strategy=native"})
class SecurityHeadersIT {

    @LocalServerPort
    int port;

    @Test
    void aSignedInPageIsNeitherCachedNorFramedAndRunsNoInlineScript() {
        Browserless admin = new Browserless(port);
        admin.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        HttpHeaders headers = admin.get("/plans").headers();

        String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Autowired
    JdbcClient jdbc;

    /** API answers, errors and the OpenAPI document carry the same protective headers as pages. */
    @Test
    void everyKindOfAnswerCarriesTheSameSecurityHeaders() {
        Browserless admin = new Browserless(port);
        admin.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        String csrf = Browserless.csrf(admin.page("/account/password"));
        String token = Jsoup.parse(
                        admin.post("/account/api-tokens", Map.of("name", "Headers", "lifetime", "30", "_csrf", csrf))
                                .body())
                .getElementById("token")
                .text();
        ApiClient api = new ApiClient(port, token);
        ApiClient anonymous = new ApiClient(port, null);

        Map<String, HttpHeaders> answers = new LinkedHashMap<>();
        answers.put("API 200", api.send("GET", "/api/v1/plans", null).headers());
        answers.put(
                "API 404", api.send("GET", "/api/v1/plans/no-such-plan", null).headers());
        answers.put("API 401", anonymous.send("GET", "/api/v1/plans", null).headers());
        answers.put("OpenAPI", anonymous.send("GET", "/api/openapi", null).headers());
        answers.put("page 404", admin.get("/plans/no-such-plan").headers());
        answers.put("static file", admin.get("/css/assure.css").headers());
        answers.put("sign-in page", new Browserless(port).get("/sign-in").headers());

        answers.forEach((what, headers) -> {
            assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(headers.firstValue("Content-Security-Policy").orElse(""))
                    .as(what)
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
        });
    }

    @Test
    void aSessionInTheDatabaseHoldsNoPasswordHash() {
        Browserless browser = new Browserless(port);
        browser.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD); // the password, then two-step
        String id = new String(Base64.getDecoder().decode(browser.sessionId()), StandardCharsets.UTF_8);
        List<byte[]> attributes = jdbc.sql("""
                SELECT a.attribute_bytes FROM spring_session_attributes a
                JOIN spring_session s ON s.primary_id = a.session_primary_id WHERE s.session_id = ?""").param(id).query(byte[].class).list();
        String held = attributes.stream()
                .map(b -> new String(b, StandardCharsets.ISO_8859_1))
                .collect(Collectors.joining());
        assertThat(held).as("the session holds the signed-in person").contains(FreshDatabase.ADMIN_EMAIL);
        assertThat(held).doesNotContain("$argon2id$");
    }

    @Test
    void staticFilesCarryTheHeadersButNeverReadTheSession() {
        Browserless browser = new Browserless(port);
        browser.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        String id = new String(Base64.getDecoder().decode(browser.sessionId()), StandardCharsets.UTF_8);
        Supplier<Long> lastAccess = () -> jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        // set back a minute, so that any touch of the session would show
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 60000 WHERE session_id = ?")
                .param(id)
                .update();
        long before = lastAccess.get();

        var css = browser.get("/css/assure.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(css.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(lastAccess.get())
                .as("the session was not read for a static file")
                .isEqualTo(before);
        browser.get("/plans");
        assertThat(lastAccess.get()).as("but is for a page").isGreaterThan(before);
    }

    @Test
    void aPageWritesTheSessionsLastAccessAtMostOnceAMinute() {
        Browserless browser = new Browserless(port);
        browser.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        String id = new String(Base64.getDecoder().decode(browser.sessionId()), StandardCharsets.UTF_8);
        Supplier<Long> lastAccess = () -> jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        browser.page("/plans");
        long written = lastAccess.get();

        browser.page("/plans");
        assertThat(lastAccess.get())
                .as("a page within the minute writes nothing")
                .isEqualTo(written);

        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 61000 WHERE session_id = ?")
                .param(id)
                .update();
        browser.page("/plans");
        assertThat(lastAccess.get()).as("a minute on, the page writes it").isGreaterThanOrEqualTo(written);
    }

    @Test
    void theAppsOwnFilesAreLinkedByTheirContentsHashAndKeptForAYear() throws Exception {
        Browserless browser = new Browserless(port);
        var page = browser.page("/sign-in");
        List<String> links = page.select("link[rel=stylesheet][href^=/css/], script[src^=/js/]").stream()
                .map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src"))
                .toList();
        assertThat(links)
                .hasSize(4) // assure.css, print.css, enabled.js, init.js
                .allMatch(link -> link.matches("/(css|js)/[a-z]+-[0-9a-f]{32}\\.(css|js)"), "hashed");
        for (String link : links) {
            var file = browser.get(link);
            String plain = link.replaceAll("-[0-9a-f]{32}", "");
            try (var stream = getClass().getResourceAsStream("/static" + plain)) {
                byte[] expected = stream.readAllBytes();
                assertThat(file.statusCode()).as(link).isEqualTo(200);
                assertThat(file.body().getBytes(StandardCharsets.UTF_8))
                        .as(link)
                        .isEqualTo(expected);
                assertThat(link).contains(DigestUtils.md5DigestAsHex(expected));
            }
            assertThat(file.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000", "immutable");
        }
        assertThat(browser.get(links.get(0).replaceAll("[0-9a-f]{32}", "0".repeat(32)))
                        .statusCode())
                .as("an address with another hash is no file")
                .isEqualTo(404);
    }

    @Test
    void hstsIsSentOnRequestsThatCameOverHttpsThroughTheProxy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> viaProxy = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                        .header("X-Forwarded-Proto", "https")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(viaProxy.headers().firstValue("Strict-Transport-Security").orElseThrow())
                .contains("max-age=31536000")
                .contains("includeSubDomains");
        HttpResponse<Void> plain = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(plain.headers().firstValue("Strict-Transport-Security"))
                .as("never over plain HTTP")
                .isEmpty();
    }

    @Test
    void signingInGivesANewSessionIdInAnHttpOnlySameSiteCookie() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String before = sessionCookie(form.headers().allValues("Set-Cookie"));
        assertThat(before).contains("HttpOnly").contains("SameSite=Lax");
        String csrf = Jsoup.parse(form.body()).selectFirst("input[name=_csrf]").attr("value");
        String id = before.substring(0, before.indexOf(';'));

        String body = "email=" + URLEncoder.encode(FreshDatabase.ADMIN_EMAIL, "UTF-8") + "&password="
                + URLEncoder.encode(FreshDatabase.ADMIN_PASSWORD, "UTF-8") + "&_csrf=" + csrf;
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                        .header("Cookie", id)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String after = sessionCookie(signedIn.headers().allValues("Set-Cookie"));
        assertThat(after.substring(0, after.indexOf(';')))
                .as("a new session id (no fixation)")
                .isNotEqualTo(id);

        HttpResponse<String> oldId = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/plans"))
                        .header("Cookie", id)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oldId.statusCode())
                .as("the id from before sign-in is not signed in")
                .isEqualTo(302);
    }

    private static String sessionCookie(List<String> setCookies) {
        return setCookies.stream()
                .filter(c -> c.startsWith(Browserless.SESSION_COOKIE + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + setCookies));
    }
}
