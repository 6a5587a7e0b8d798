package uk.assure.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A burst of progress updates through the JSON API, as partners' scripts send them: several clients at once, each on
 * actions of its own, each update sent with the version its last answer gave. It keeps the id of every update the app
 * answered 201 Created — the app's promise that it is saved — and a client stops at the first request the app does
 * not answer at all (it has been killed).
 */
final class UpdateBurst {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final String token;
    private final String round;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final Map<Integer, AtomicInteger> otherAnswers = new ConcurrentHashMap<>();
    private final List<Thread> clients = new ArrayList<>();

    private UpdateBurst(int port, String token, String round) {
        this.base = "http://localhost:" + port;
        this.token = token;
        this.round = round;
    }

    /** Starts {@code clients} clients over the actions (API paths), shared out between them. */
    static UpdateBurst start(int port, String token, String round, List<String> actions, int clients) {
        UpdateBurst burst = new UpdateBurst(port, token, round);
        for (int c = 0; c < clients; c++) {
            List<String> mine = new ArrayList<>();
            for (int a = c; a < actions.size(); a += clients) {
                mine.add(actions.get(a));
            }
            int client = c;
            Thread thread = new Thread(() -> burst.send(client, mine), "crash-drill-" + round + "-" + c);
            thread.setDaemon(true);
            burst.clients.add(thread);
        }
        burst.clients.forEach(Thread::start);
        return burst;
    }

    private void send(int client, List<String> actions) {
        Map<String, Integer> versions = new HashMap<>();
        try {
            for (String action : actions) {
                versions.put(action, version(action));
            }
            for (int n = 0; ; n++) {
                String action = actions.get(n % actions.size());
                String body = JSON.createObjectNode()
                        .put("version", versions.get(action))
                        .put("narrative", "Crash drill " + round + ": client " + client + ", update " + n)
                        .toString();
                sent.incrementAndGet();
                HttpResponse<String> answer = HTTP.send(
                        request(action + "/updates")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    JsonNode recorded = JSON.readTree(answer.body());
                    created.add(recorded.get("id").asText());
                    versions.put(action, recorded.get("version").asInt());
                } else {
                    otherAnswers
                            .computeIfAbsent(answer.statusCode(), s -> new AtomicInteger())
                            .incrementAndGet();
                    versions.put(action, version(action));
                }
            }
        } catch (IOException e) {
            unanswered.incrementAndGet(); // the app is gone: this client stops
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int version(String action) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(request(action).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + action + " answered " + answer.statusCode());
        }
        return JSON.readTree(answer.body()).get("version").asInt();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    /** Waits until the app has answered this many updates 201 (or the time is up): then it is mid-burst. */
    void awaitCreated(int count, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (created.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
    }

    /** Waits for every client to have stopped, the app being gone. */
    void awaitEnd(Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        for (Thread client : clients) {
            client.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
        }
    }

    Set<String> created() {
        return Set.copyOf(created);
    }

    int sent() {
        return sent.get();
    }

    int unanswered() {
        return unanswered.get();
    }

    Map<Integer, AtomicInteger> otherAnswers() {
        return otherAnswers;
    }
}
