package uk.assure.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A plain HTTP client with a cookie jar: signs in through the real forms, as a browser would, and reads pages. Signing
 * in takes both steps where the app asks for two, with codes from the tests' authenticator app ({@link TwoStepCodes}).
 */
public final class Browserless {

    /** The session cookie's name: Spring Session's, as sessions are kept in the database. */
    public static final String SESSION_COOKIE = "SESSION";

    private final int port;
    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;
    private final HttpClient firstAnswer;

    public Browserless(int port) {
        this(port, new CookieManager());
    }

    /** The same browser (its cookies, so its session) sending its requests to another app node. */
    public Browserless at(int otherPort) {
        return new Browserless(otherPort, cookies);
    }

    private Browserless(int port, CookieManager cookies) {
        this.cookies = cookies;
        this.port = port;
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.firstAnswer = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The server's own first answer to a request, redirects not followed, in the same session. */
    public HttpResponse<String> firstAnswer(String method, String path, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if ("GET".equals(method)) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(encode(form)));
        }
        try {
            return firstAnswer.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The value of a cookie the app set ({@link #SESSION_COOKIE}: the session id), or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    /**
     * Signs in all the way: the password, then, where the app asks, the two-step code, or (an admin without two-step)
     * setting it up from the secret on the page. Answers the page signing in ended on.
     */
    public HttpResponse<String> signIn(String email, String password) {
        HttpResponse<String> response = signInWithPassword(email, password);
        String path = response.uri().getPath();
        if (path.equals("/account/two-step")) {
            response = setUpTwoStep(
                    email, Jsoup.parse(response.body(), response.uri().toString()));
        } else if (path.equals("/sign-in/code")) {
            response = giveCode(TwoStepCodes.next(port, email));
        }
        String after = response.uri().getPath();
        if (after.equals("/account/two-step") && !response.body().contains("Two-step sign-in is on")
                || after.equals("/sign-in/code")) {
            throw new AssertionError("The app refused the second step of signing in as " + email + ": "
                    + Jsoup.parse(response.body())
                            .select(".govuk-error-summary")
                            .text());
        }
        return response;
    }

    /** The first step alone: the email and password form. */
    public HttpResponse<String> signInWithPassword(String email, String password) {
        Document form = page("/sign-in");
        return post("/sign-in", Map.of("email", email, "password", password, "_csrf", csrf(form)));
    }

    /** The code page's form, with this code. */
    public HttpResponse<String> giveCode(String code) {
        Document form = page("/sign-in/code");
        return post("/sign-in/code", Map.of("code", code, "_csrf", csrf(form)));
    }

    /** Turns two-step on from its page, as a person would: the app learns the secret shown, then its code is given. */
    public HttpResponse<String> setUpTwoStep(String email) {
        return setUpTwoStep(email, page("/account/two-step"));
    }

    private HttpResponse<String> setUpTwoStep(String email, Document page) {
        TwoStepCodes.learn(port, email, page.getElementById("secret").text());
        return post("/account/two-step", Map.of("code", TwoStepCodes.next(port, email), "_csrf", csrf(page)));
    }

    /** The session cookie's value now. */
    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(Browserless.SESSION_COOKIE))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A form with one file, sent as multipart/form-data the way a browser sends an upload. */
    public HttpResponse<String> upload(String path, String csrf, String field, String fileName, byte[] content) {
        return upload(path, Map.of("_csrf", csrf), field, fileName, content);
    }

    /** A multipart form: the text fields, then one file. */
    public HttpResponse<String> upload(
            String path, Map<String, String> fields, String field, String fileName, byte[] content) {
        String boundary = "----assure" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(field)
                .append("\"; filename=\"")
                .append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html,application/xhtml+xml") // as a browser asks
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /** The CSRF token of the first form on a page. */
    public static String csrf(Document page) {
        return page.selectFirst("input[name=_csrf]").attr("value");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
