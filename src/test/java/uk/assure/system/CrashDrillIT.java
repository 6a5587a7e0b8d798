package uk.assure.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.assure.account.Base32;
import uk.assure.account.Totp;
import uk.assure.support.ApiClient;
import uk.assure.support.Browserless;

/**
 * The crash drill of issue 11, on the real jar and its embedded PostgreSQL with the app's own defaults: a burst of
 * updates through the JSON API, {@code kill -9} in the middle of it, and the same command again on the same data
 * directory, with no hand work in between. Every update the app answered 201 must be there after the restart, the
 * app must be healthy within 60 s, and {@code assure audit verify} must find the audit chain whole.
 *
 * <ol>
 *   <li>kill -9 of the app's JVM alone: its watchdog stops the server behind it;
 *   <li>kill -9 of the JVM, the watchdog and the PostgreSQL postmaster at once: nothing stops cleanly, the server's
 *       children are orphaned, and the next start clears them and recovers from the write-ahead log.
 * </ol>
 *
 * The figures of each round are written to {@code target/crash-drill/figures.txt} (docs/operations.md quotes them).
 */
class CrashDrillIT {

    private static final Logger log = LoggerFactory.getLogger(CrashDrillIT.class);
    private static final String EMAIL = "drill@assure.local";
    private static final String PASSWORD = "a long enough crash drill password";
    private static final Duration HEALTHY_AFTER_RESTART = Duration.ofSeconds(60);
    private static final int CLIENTS = 4;
    private static final int CREATED_BEFORE_KILL = 150;
    private static final Path OUT = Path.of("target", "crash-drill");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private final List<RunningJar> started = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();

    @Test
    void everyUpdateAnsweredCreatedOutlivesKill9AndTheAppComesBackOnItsOwn() throws Exception {
        Files.createDirectories(OUT);
        figures.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average at the start "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        Path data = work.resolve("data");
        RunningJar first = start(data, "1-first-run");
        figures.add("first start (initdb, migrations, demo data): healthy after "
                + first.awaitHealthy(Duration.ofMinutes(3)).toMillis() + " ms");
        awaitLogLine(OUT.resolve("app-1-first-run.log"), "First admin created");
        String token = adminToken(first.port);
        List<String> actions = openActions(first.port, token);
        Set<String> created = new HashSet<>();

        // round 1: kill -9 of the app's JVM alone
        Instant burstStarted = Instant.now();
        UpdateBurst burst = UpdateBurst.start(first.port, token, "round 1", actions, CLIENTS);
        burst.awaitCreated(CREATED_BEFORE_KILL, Duration.ofSeconds(60));
        long postmaster = first.postmaster().pid();
        assertThat(first.watchdog()).as("the app watches its server").isPresent();
        RunningJar.kill9(first.pid());
        Duration burstTook = Duration.between(burstStarted, Instant.now());
        burst.awaitEnd(Duration.ofSeconds(30));
        first.awaitEnd();
        Path pgData = data.resolve("postgres").toRealPath();
        Instant killed = Instant.now();
        while (LeftoverServer.isServerOn(postmaster, pgData) && Instant.now().isBefore(killed.plusSeconds(30))) {
            Thread.sleep(100);
        }
        assertThat(LeftoverServer.isServerOn(postmaster, pgData))
                .as("the watchdog stopped the server behind the killed app")
                .isFalse();
        created.addAll(burst.created());
        Duration limit = restartLimit();
        RunningJar second = start(data, "2-after-kill-9-of-the-app");
        Duration healthy = second.awaitHealthy(limit);
        assertAllThere(second, created, burst, "round 1", "kill -9 of the app's JVM", burstTook, healthy, limit);

        // round 2: kill -9 of the JVM, its watchdog and the postmaster at once
        burstStarted = Instant.now();
        burst = UpdateBurst.start(second.port, token, "round 2", actions, CLIENTS);
        burst.awaitCreated(CREATED_BEFORE_KILL, Duration.ofSeconds(60));
        long watchdog = second.watchdog().orElseThrow().pid();
        RunningJar.kill9(watchdog, second.postmaster().pid(), second.pid());
        burstTook = Duration.between(burstStarted, Instant.now());
        burst.awaitEnd(Duration.ofSeconds(30));
        second.awaitEnd();
        created.addAll(burst.created());
        limit = restartLimit();
        RunningJar third = start(data, "3-after-kill-9-of-app-and-postgres");
        healthy = third.awaitHealthy(limit);
        assertAllThere(
                third,
                created,
                burst,
                "round 2",
                "kill -9 of the app's JVM, its watchdog and the postmaster",
                burstTook,
                healthy,
                limit);
        assertThat(Durability.settings(owner(third)))
                .as("the jar's embedded server runs durably")
                .containsEntry("fsync", "on")
                .containsEntry("synchronous_commit", "on")
                .containsEntry("full_page_writes", "on");

        // one Assure per data directory: another process (this test's JVM) is refused while the app runs
        assertThatThrownBy(() -> DataDirectoryLock.acquire(data))
                .hasMessageContaining("Another Assure (process " + third.pid() + ") is using the data directory");

        third.stop();
        RunningJar.Ran verified = RunningJar.command(data, OUT.resolve("audit-verify.log"), "audit", "verify");
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("The audit log is intact");
        figures.add("assure audit verify after the drill: "
                + verified.output()
                        .lines()
                        .filter(l -> l.contains("The audit log is intact"))
                        .findFirst()
                        .orElse(""));
    }

    @AfterEach
    void writeFiguresAndLeaveNothingRunning() throws IOException {
        figures.add("load average at the end "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        Files.write(OUT.resolve("figures.txt"), figures);
        figures.forEach(f -> log.info("Crash drill: {}", f));
        started.forEach(RunningJar::killIfAlive);
        Path pgData = work.resolve("data").resolve("postgres");
        if (Files.isDirectory(pgData)) {
            LeftoverServer.stop(pgData);
        }
    }

    private RunningJar start(Path data, String name) throws IOException {
        RunningJar app = RunningJar.app(
                data,
                Map.of("ASSURE_ADMIN_EMAIL", EMAIL, "ASSURE_ADMIN_PASSWORD", PASSWORD),
                OUT.resolve("app-" + name + ".log"));
        started.add(app);
        return app;
    }

    /** Every update answered 201 is in the database after the restart; the round's figures. */
    private void assertAllThere(
            RunningJar app,
            Set<String> created,
            UpdateBurst burst,
            String round,
            String how,
            Duration burstTook,
            Duration healthy,
            Duration limit) {
        Set<String> stored = new HashSet<>(owner(app)
                .sql("SELECT external_id FROM progress_update WHERE narrative LIKE " + "'Crash drill%'")
                .query(String.class)
                .list());
        Set<String> missing = new HashSet<>(created);
        missing.removeAll(stored);
        long storedThisRound = owner(app)
                .sql("SELECT count(*) FROM progress_update WHERE narrative LIKE ?")
                .param("Crash drill " + round + ":%")
                .query(Long.class)
                .single();
        figures.add(round + " (" + how + "): " + burst.sent() + " updates sent in " + burstTook.toMillis() + " ms, "
                + burst.created().size() + " answered 201, "
                + burst.unanswered() + " unanswered (the kill), other answers " + burst.otherAnswers() + "; after "
                + "the restart " + storedThisRound + " of the round's updates are in the database, "
                + (burst.created().size() - countIn(burst.created(), missing)) + " of the "
                + burst.created().size()
                + " answered 201; healthy " + healthy.toMillis() + " ms after the restart (limit "
                + limit.toSeconds() + " s" + (limit.equals(HEALTHY_AFTER_RESTART) ? "" : ": the machine was overloaded")
                + ")");
        assertThat(burst.created()).as("updates answered 201 in " + round).hasSizeGreaterThan(0);
        assertThat(missing)
                .as("updates answered 201 but missing after the restart")
                .isEmpty();
        assertThat(burst.otherAnswers())
                .as("answers other than 201 before the kill")
                .isEmpty();
    }

    /**
     * 60 s, the promise. On a machine so busy that everything runs several times slower (a 1-minute load average
     * above twice its cores: a CI box running six builds at once, say) the time is still measured and recorded, but
     * held only to 3 minutes, so the drill proves recovery rather than the machine's spare capacity.
     */
    private static Duration restartLimit() throws IOException {
        double load =
                Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        int cores = Runtime.getRuntime().availableProcessors();
        if (load > 2.0 * cores) {
            log.warn(
                    "Crash drill: load average {} on {} cores; the restart is held to 3 minutes, not 60 s",
                    load,
                    cores);
            return Duration.ofMinutes(3);
        }
        return HEALTHY_AFTER_RESTART;
    }

    private static int countIn(Set<String> ids, Set<String> missing) {
        return (int) ids.stream().filter(missing::contains).count();
    }

    /** The database as its owner sees it, on the embedded server's port (postmaster.pid, line 4). */
    private static JdbcClient owner(RunningJar app) {
        try {
            int port = app.postmaster().port();
            return JdbcClient.create(
                    new DriverManagerDataSource("jdbc:postgresql://localhost:" + port + "/assure", "postgres", ""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first admin signs in, sets up two-step from the page (real time: no test clock in the jar), makes a token. */
    private static String adminToken(int port) {
        Browserless admin = new Browserless(port);
        HttpResponse<String> signedIn = admin.signInWithPassword(EMAIL, PASSWORD);
        if (signedIn.uri().getPath().equals("/account/two-step")) {
            Document page = Jsoup.parse(signedIn.body());
            String secret = page.getElementById("secret").text().replace(" ", "");
            String code = Totp.code(Base32.decode(secret), Totp.step(Instant.now()));
            admin.post("/account/two-step", Map.of("code", code, "_csrf", Browserless.csrf(page)));
        }
        Document tokens = admin.page("/account/api-tokens");
        HttpResponse<String> made = admin.post(
                "/account/api-tokens",
                Map.of("name", "Crash drill", "lifetime", "30", "_csrf", Browserless.csrf(tokens)));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return Jsoup.parse(made.body()).getElementById("token").text();
    }

    /** The API paths of every action not yet completed or closed, in every plan. */
    private static List<String> openActions(int port, String token) throws IOException {
        ApiClient api = new ApiClient(port, token);
        List<String> actions = new ArrayList<>();
        for (JsonNode plan : JSON.readTree(api.get("/api/v1/plans").body())) {
            String planId = plan.get("id").asText();
            for (JsonNode section :
                    JSON.readTree(api.get("/api/v1/plans/" + planId).body()).get("sections")) {
                for (JsonNode action : section.get("actions")) {
                    String status = action.get("status").asText();
                    if (status.equals("NOT_STARTED") || status.equals("IN_PROGRESS")) {
                        actions.add("/api/v1/plans/" + planId + "/actions/"
                                + action.get("id").asText());
                    }
                }
            }
        }
        assertThat(actions).hasSizeGreaterThanOrEqualTo(CLIENTS);
        return actions;
    }

    private static void awaitLogLine(Path log, String line) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!Files.readString(log).contains(line)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No '" + line + "' in " + log);
            }
            Thread.sleep(100);
        }
        Thread.sleep(500); // logged inside the first run's transaction: let it commit
    }
}
