package uk.assure.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A program calling the JSON API over HTTP with a bearer token (or none), as a partner's script would. */
public final class ApiClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final String token;

    public ApiClient(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** A GET with one header more, such as If-None-Match. */
    public HttpResponse<String> get(String path, String header, String value) {
        return send(request(path).header(header, value).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON body sent in chunks, its length not said beforehand, as a streaming client sends it. */
    public HttpResponse<String> postStreamed(String path, byte[] json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json))));
    }

    /** Any method, with a JSON body unless it is a GET. */
    public HttpResponse<String> send(String method, String path, String json) {
        return "GET".equals(method) ? get(path) : post(path, json);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.1");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
