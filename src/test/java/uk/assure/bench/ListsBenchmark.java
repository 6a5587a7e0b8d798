package uk.assure.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import uk.assure.AssureApplication;
import uk.assure.support.ApiClient;
import uk.assure.support.Browserless;
import uk.assure.support.TestDatabase;

/**
 * What a list costs the server as the partnership grows (issue 13). For each size (plans × actions per plan × updates
 * per action; {@code -Dsize=20x50x3,200x100x5}) it makes a new database on the embedded PostgreSQL, starts the app in
 * a JVM of its own ({@code -DserverJvm="-Xmx192m -XX:+UseSerialGC"} for flags; none by default, as the README's
 * command), generates one partnership in SQL with a fixed seed — ten agencies, a lead of one of them, five sections a
 * plan, due dates from eight months past to sixteen ahead, statuses mixed — and then, with 8 connections at once
 * ({@code -Dconnections}), asks each operation a fixed number of times ({@code -Drequests}, after {@code -Dwarmup}):
 * one plan's overdue list, My actions, the dashboard (each in one of 8 signed-in sessions of the lead), one action
 * with its history through the JSON API (the lead's API token), and the actions list through the API: the
 * partnership's overdue actions, the first 50 by due date, and one plan's. The embedded PostgreSQL it starts is
 * stopped when it ends.
 *
 * <p>Per operation: p50/p99 latency as the client saw it, and the server's CPU per request from /proc — the app's JVM
 * (utime + stime of its process) and PostgreSQL's (every process of the benchmark's own server: the postmaster, its
 * children now, and through the postmaster's cutime/cstime the children that ended meanwhile) — read before and after
 * the operation's requests. The app runs in its own process so neither the client's threads nor Maven's are counted,
 * and its RSS (VmRSS, after all the reads) is the app's alone.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=uk.assure.bench.ListsBenchmark -Dexec.classpathScope=test</pre>
 */
public final class ListsBenchmark {

    private static final String SIZES = System.getProperty("size", "20x50x3,200x100x5");
    private static final int CONNECTIONS = Integer.getInteger("connections", 8);
    private static final int REQUESTS = Integer.getInteger("requests", 400);
    private static final int WARMUP = Integer.getInteger("warmup", 600);
    private static final String SERVER_JVM = System.getProperty("serverJvm", "");
    /**
     * The README's launcher ({@code -Dlauncher=bin/assure}, after {@code ./mvnw -DskipTests package}) instead of java
     * on the test class path: its JVM settings and class data sharing, serverJvm passed as its JAVA_OPTS.
     */
    private static final String LAUNCHER = System.getProperty("launcher", "");
    /** Which operations to measure, by name: overdue, mine, dashboard, action, api-all, api-plan (default: all). */
    private static final List<String> OPS =
            List.of(System.getProperty("ops", "overdue,mine,dashboard,action,api-all,api-plan")
                    .split(","));

    private static final double SEED = 0.13;
    /** Instead of measuring: each operation asked once, with PostgreSQL's auto_explain logging every plan. */
    private static final boolean EXPLAIN = Boolean.getBoolean("explain");

    private static final String PASSWORD = "benchmark-password-1";
    private static final String LEAD_EMAIL = "lead@bench.local";
    private static final long CLOCK_TICKS = clockTicks();

    private record Size(int plans, int actions, int updates) {
        static Size of(String text) {
            String[] parts = text.trim().split("x");
            return new Size(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }

        @Override
        public String toString() {
            return plans + "x" + actions + "x" + updates;
        }
    }

    private record Result(
            String operation,
            int requests,
            long bytes,
            double p50,
            double p99,
            double perSecond,
            double jvmMs,
            double pgMs) {}

    public static void main(String[] args) throws Exception {
        List<String> tables = new ArrayList<>();
        try {
            for (String size : SIZES.split(",")) {
                tables.add(run(Size.of(size)));
            }
        } finally {
            TestDatabase.stop(); // exec:java runs in Maven's JVM: leave no PostgreSQL running behind
        }
        System.out.println();
        System.out.printf(
                "server JVM flags: %s; %d connections; %d requests an operation after %d to warm up%n%n",
                SERVER_JVM.isBlank() ? "(JVM defaults)" : SERVER_JVM, CONNECTIONS, REQUESTS, WARMUP);
        tables.forEach(System.out::println);
    }

    private static String run(Size size) throws Exception {
        String url = TestDatabase.newDatabase();
        JdbcClient owner = TestDatabase.asOwner(url);
        Postgres postgres = Postgres.of(owner);
        int port = freePort();
        long started = System.nanoTime();
        Process server = startServer(url, port);
        String database =
                owner.sql("SELECT current_database()").query(String.class).single();
        try {
            waitForHealth(server, port);
            double startSeconds = (System.nanoTime() - started) / 1e9;
            long generating = System.nanoTime();
            SingleConnectionDataSource one = new SingleConnectionDataSource(url, true);
            try {
                generate(JdbcClient.create(one), size); // one connection, so that setseed holds for every statement
            } finally {
                one.destroy();
            }
            double generateSeconds = (System.nanoTime() - generating) / 1e9;
            System.out.printf(
                    "%s: started in %.1f s; generated %,d actions, %,d updates in %.0f s%n",
                    size, startSeconds, count(owner, "action"), count(owner, "progress_update"), generateSeconds);

            String plan = owner.sql("SELECT external_id FROM plan WHERE external_id LIKE 'bpl%' ORDER BY id LIMIT 1")
                    .query(String.class)
                    .single();
            Map<String, Object> action = owner.sql("""
                            SELECT p.external_id AS plan, a.external_id AS action,
                                   (SELECT count(*) FROM progress_update u WHERE u.action_id = a.id) AS updates
                            FROM action a JOIN plan p ON p.id = a.plan_id
                            WHERE p.external_id = ? ORDER BY a.id LIMIT 1""").param(plan).query().singleRow();
            long overdue = owner.sql("""
                            SELECT count(*) FROM action a JOIN plan p ON p.id = a.plan_id
                            WHERE p.external_id = ? AND a.status IN ('NOT_STARTED', 'IN_PROGRESS')
                              AND a.current_due_date < current_date""").param(plan).query(Long.class).single();
            long mine = owner.sql("""
                            SELECT count(*) FROM action_lead l JOIN app_user u ON u.agency_id = l.agency_id
                            WHERE u.email = ?""").param(LEAD_EMAIL).query(Long.class).single();
            System.out.printf(
                    "%s: plan %s has about %d overdue actions; the lead's agency leads %d actions%n",
                    size, plan, overdue, mine);

            List<Browserless> sessions = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                Browserless browser = new Browserless(port);
                HttpResponse<String> signedIn = browser.signIn(LEAD_EMAIL, PASSWORD);
                if (signedIn.statusCode() >= 400 || signedIn.uri().getPath().startsWith("/sign-in")) {
                    throw new IllegalStateException("sign-in failed: " + signedIn.uri());
                }
                sessions.add(browser);
            }
            ApiClient api = new ApiClient(port, token(sessions.get(0)));

            if (EXPLAIN) {
                // new sessions explain each statement to the client as a notice, which the app's JdbcTemplate logs
                // (at debug, as an SQLWarning): restart the app so that its connections are new
                for (String setting : List.of(
                        "session_preload_libraries = 'auto_explain'",
                        "auto_explain.log_min_duration = 0",
                        "auto_explain.log_analyze = on",
                        "auto_explain.log_buffers = on",
                        "auto_explain.log_timing = off",
                        "auto_explain.log_level = notice")) {
                    owner.sql("ALTER DATABASE " + database + " SET " + setting).update();
                }
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
                server = startServer(url, port);
                waitForHealth(server, port);
                sessions.replaceAll(b -> {
                    Browserless browser = new Browserless(port);
                    browser.signIn(LEAD_EMAIL, PASSWORD);
                    return browser;
                });
            }
            String overduePath = "/actions?plan=" + plan + "&due=overdue";
            String actionPath = "/api/v1/plans/" + action.get("plan") + "/actions/" + action.get("action");
            if (EXPLAIN) {
                for (String path : List.of(
                        overduePath,
                        "/my-actions",
                        "/dashboard",
                        "/dashboard",
                        "/api/v1/actions?due=overdue&sort=due&limit=50",
                        "/api/v1/actions?plan=" + plan + "&due=overdue",
                        actionPath)) {
                    long from = Files.size(SERVER_LOG);
                    if (path.startsWith("/api/")) {
                        json(api, path);
                    } else {
                        page(sessions.get(0), path);
                    }
                    logSettled(from);
                    System.out.printf("%n=== EXPLAIN %s%n%s", path, plans(from));
                }
                return size + ": plans shown";
            }
            List<Result> results = new ArrayList<>();
            String listPath = "/api/v1/actions?due=overdue&sort=due&limit=50";
            String planListPath = "/api/v1/actions?plan=" + plan + "&due=overdue";
            Map<String, Map.Entry<String, Function<Integer, Long>>> operations = new LinkedHashMap<>();
            operations.put("overdue", Map.entry("overdue list of one plan", i -> page(sessions.get(i), overduePath)));
            operations.put("mine", Map.entry("My actions", i -> page(sessions.get(i), "/my-actions")));
            operations.put("dashboard", Map.entry("dashboard", i -> page(sessions.get(i), "/dashboard")));
            operations.put(
                    "action",
                    Map.entry(
                            "one action with history (API, " + action.get("updates") + " updates)",
                            i -> json(api, actionPath)));
            operations.put(
                    "api-all",
                    Map.entry(
                            "actions API: the partnership's overdue, first 50 by due date", i -> json(api, listPath)));
            operations.put("api-plan", Map.entry("actions API: the overdue of one plan", i -> json(api, planListPath)));
            for (Map.Entry<String, Map.Entry<String, Function<Integer, Long>>> operation : operations.entrySet()) {
                if (OPS.contains(operation.getKey())) {
                    Map.Entry<String, Function<Integer, Long>> named = operation.getValue();
                    results.add(measure(named.getKey(), server, postgres, named.getValue()));
                }
            }
            long rss = rssKiB(server.pid());
            System.out.println("memory of the app's JVM after the reads: "
                    + Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "status")).stream()
                            .filter(l -> l.startsWith("Rss"))
                            .map(l -> l.replaceAll("\\s+", " "))
                            .toList());
            if (SERVER_JVM.contains("NativeMemoryTracking")) {
                // where the RSS goes: heap, metaspace, code, threads
                Process jcmd = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                        .toString(),
                                String.valueOf(server.pid()),
                                "VM.native_memory",
                                "summary")
                        .redirectErrorStream(true)
                        .start();
                System.out.println(new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            return table(size, startSeconds, generateSeconds, results, rss);
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            dropDatabase(url);
        }
    }

    // --- the app, in a JVM of its own

    private static final Path SERVER_LOG = Path.of("target", "lists-benchmark-server.log");

    /**
     * Until the app's log has grown past {@code from} and stopped growing: the request's statements are logged by its
     * own thread, so by the time the answer is read they are written or being written (at most 10 s).
     */
    private static void logSettled(long from) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long last = -1;
        while (System.nanoTime() < deadline) {
            long size = Files.size(SERVER_LOG);
            if (size > from && size == last) {
                return;
            }
            last = size;
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** The statements the app's log shows from byte {@code from} on, each with the plan PostgreSQL explained. */
    private static String plans(long from) throws IOException {
        byte[] all = Files.readAllBytes(SERVER_LOG);
        String added = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
        StringBuilder shown = new StringBuilder();
        boolean inPlan = false;
        for (String line : added.split("\n")) {
            boolean logLine = line.matches("^\\d{4}-\\d\\d-\\d\\dT.*");
            if (logLine) {
                inPlan = line.contains("SQLWarning ignored");
                if (inPlan) {
                    shown.append(line.substring(line.indexOf("message [") + 9)).append('\n');
                }
            } else if (inPlan) {
                shown.append(line).append('\n');
            }
        }
        return shown.toString();
    }

    private static Process startServer(String url, int port) throws IOException {
        List<String> command = new ArrayList<>();
        Map<String, String> environment = new LinkedHashMap<>();
        if (LAUNCHER.isBlank()) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Arrays.stream(SERVER_JVM.trim().split("\\s+"))
                    .filter(s -> !s.isEmpty())
                    .forEach(command::add);
            command.addAll(List.of("-cp", classPath(), AssureApplication.class.getName()));
        } else {
            // the README's way: the launcher's own JVM settings, serverJvm added to them (its JAVA_OPTS)
            command.add(Path.of(LAUNCHER).toAbsolutePath().toString());
            environment.put("JAVA_OPTS", SERVER_JVM);
            // a server database wants its audit key from the configuration: a fixed one, for a benchmark's data only
            environment.put("ASSURE_AUDIT_KEY", Base64.getEncoder().encodeToString(new byte[32]));
            environment.put(
                    "ASSURE_DATA_DIR",
                    Files.createTempDirectory("assure-bench-").toString());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ASSURE_DATABASE_URL", url);
        settings.put("ASSURE_DEMO_DATA", "false");
        settings.put("ASSURE_ADMIN_EMAIL", "bench@assure.local");
        settings.put("ASSURE_ADMIN_PASSWORD", PASSWORD);
        settings.put("SERVER_PORT", String.valueOf(port));
        settings.put("LOGGING_LEVEL_ROOT", "warn");
        if (EXPLAIN) {
            settings.put("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_JDBC_CORE", "debug");
        }
        // given in the environment, as an operator would: the launcher runs the app itself (with its class data
        // sharing archive) only when it is given no arguments
        environment.putAll(settings);
        Path log = SERVER_LOG;
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The class path this class was loaded from: exec:java's own loader, or the JVM's when run with java -cp. */
    private static String classPath() {
        if (ListsBenchmark.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static void waitForHealth(Process server, int port) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the app stopped; see target/lists-benchmark-server.log");
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the app was not healthy within 5 minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // --- the data

    private static void generate(JdbcClient jdbc, Size size) {
        // as the app's own encoder (SecurityConfiguration)
        String hash = new Argon2PasswordEncoder(16, 32, 1, 19456, 2).encode(PASSWORD);
        jdbc.sql("SELECT setseed(?)").param(SEED).query(Object.class).single();
        jdbc.sql("INSERT INTO partnership (external_id, name) VALUES ('bp1', 'Bench partnership')")
                .update();
        jdbc.sql("""
                INSERT INTO agency (partnership_id, external_id, name, short_name)
                SELECT p.id, 'ba' || g, 'Agency ' || g, 'A' || g
                FROM partnership p, generate_series(1, 10) g WHERE p.external_id = 'bp1'""").update();
        jdbc.sql("""
                INSERT INTO app_user (partnership_id, external_id, email, display_name, password_hash, role, agency_id)
                SELECT p.id, 'bu1', ?, 'Bench lead', ?, 'LEAD',
                       (SELECT min(a.id) FROM agency a WHERE a.partnership_id = p.id)
                FROM partnership p WHERE p.external_id = 'bp1'""").params(LEAD_EMAIL, hash).update();
        jdbc.sql("""
                INSERT INTO plan (partnership_id, external_id, title, kind, status_vocabulary)
                SELECT p.id, 'bpl' || g, 'Improvement plan ' || g,
                       (ARRAY['INSPECTION','REVIEW','AUDIT','BUSINESS_PLAN'])[1 + g % 4], '{}'
                FROM partnership p, generate_series(1, ?) g WHERE p.external_id = 'bp1'""").param(size.plans()).update();
        jdbc.sql("""
                INSERT INTO section (partnership_id, plan_id, position, ref, title)
                SELECT pl.partnership_id, pl.id, g, g::text, 'Section ' || g
                FROM plan pl, generate_series(1, 5) g WHERE pl.external_id LIKE 'bpl%'""").update();
        // a completed action is signed off (V19): the check is held off while the actions are made, so that the same
        // seed draws the same statuses as before it, then each completed one is confirmed and the check restored
        jdbc.sql("ALTER TABLE action DROP CONSTRAINT ck_action_completion_status")
                .update();
        // five sections a plan, so actions per plan / 5 in each; due dates month ends from 8 months ago to 15 ahead,
        // so about a third are past (overdue when still open); statuses spread, a quarter completed
        jdbc.sql("""
                INSERT INTO action (partnership_id, plan_id, section_id, external_id, position, ref, text, lead_raw,
                    original_due_raw, original_due_date, original_due_precision,
                    current_due_raw, current_due_date, current_due_precision, status, created_at, last_update_at)
                SELECT s.partnership_id, s.plan_id, s.id, 'bac' || s.id || '-' || g, g, s.ref || '.' || g,
                       initcap(w.words), 'Agency ' || (1 + (s.id + g) % 10),
                       to_char(d.due, 'Mon.YY'), d.due, 'MONTH', to_char(d.due, 'Mon.YY'), d.due, 'MONTH',
                       (ARRAY['NOT_STARTED','IN_PROGRESS','IN_PROGRESS','COMPLETED','IN_PROGRESS','NOT_STARTED',
                              'COMPLETED','CLOSED'])[1 + floor(random() * 8)::int],
                       now() - interval '400 days', now() - floor(random() * 120) * interval '1 day'
                FROM section s, generate_series(1, ?) g,
                     LATERAL (SELECT (date_trunc('month', now()) + ((g * 7 + s.id) % 24 - 8) * interval '1 month'
                                      + interval '1 month - 1 day')::date AS due) d,
                     LATERAL (SELECT string_agg((ARRAY['review','audit','multi-agency','practice','children','families',
                              'referral','threshold','strategy','meeting','supervision','training','briefing','quality',
                              'assurance','safeguarding','partners','board','evidence','assessment','neglect','police',
                              'health','schools'])[1 + ((s.id * 31 + g * 17 + k * 13) % 24)], ' ') AS words
                              FROM generate_series(1, 14) k) w
                WHERE s.plan_id IN (SELECT id FROM plan WHERE external_id LIKE 'bpl%')""").param(Math.max(1, size.actions() / 5)).update();
        jdbc.sql("UPDATE action SET completion = 'CONFIRMED', completion_confirmed_at = last_update_at"
                        + " WHERE status = 'COMPLETED'")
                .update();
        jdbc.sql("ALTER TABLE action ADD CONSTRAINT ck_action_completion_status"
                        + " CHECK ((status = 'COMPLETED') = (completion IS NOT NULL))")
                .update();
        jdbc.sql("""
                INSERT INTO action_lead (partnership_id, action_id, position, agency_id)
                SELECT a.partnership_id, a.id, 0, ag.ids[1 + a.id % 10]
                FROM action a,
                     LATERAL (SELECT array_agg(ag.id ORDER BY ag.id) AS ids FROM agency ag
                              WHERE ag.partnership_id = a.partnership_id) ag
                WHERE a.external_id LIKE 'bac%'""").update();
        jdbc.sql("""
                INSERT INTO progress_update (partnership_id, action_id, external_id, author_name, recorded_at, narrative,
                    status_before, status_after)
                SELECT a.partnership_id, a.id, 'bup' || a.id || '-' || g, 'Bench lead',
                       now() - interval '400 days' + g * interval '19 days',
                       'Update ' || g || ': ' || (ARRAY['audit of referrals finished','strategy meeting held with police',
                       'training delivered to schools','neglect tool piloted','board report written',
                       'supervision records checked','briefing sent to partners','threshold guidance reviewed'])
                       [1 + (a.id + g) % 8],
                       'IN_PROGRESS', 'IN_PROGRESS'
                FROM action a, generate_series(1, ?) g WHERE a.external_id LIKE 'bac%'""").param(size.updates()).update();
        jdbc.sql("VACUUM ANALYZE").update();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static void dropDatabase(String url) {
        String name = url.replaceAll(".*/([^/?]+)(\\?.*)?$", "$1");
        String admin = url.replace("/" + name, "/postgres");
        TestDatabase.asOwner(admin)
                .sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
                .update();
    }

    /** Signs in on the API tokens page and makes one, as a person would for a script. */
    private static String token(Browserless browser) {
        String csrf = Browserless.csrf(browser.page("/account/api-tokens"));
        HttpResponse<String> made =
                browser.post("/account/api-tokens", Map.of("name", "Benchmark", "lifetime", "30", "_csrf", csrf));
        return Jsoup.parse(made.body()).getElementById("token").text();
    }

    // --- the load

    private static long page(Browserless browser, String path) {
        HttpResponse<String> response = browser.get(path);
        String asked = URI.create(path).getPath();
        if (response.statusCode() != 200 || !response.uri().getPath().equals(asked)) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " at " + response.uri());
        }
        return response.body().length();
    }

    private static long json(ApiClient api, String path) {
        HttpResponse<String> response = api.get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body().length();
    }

    private static Result measure(String operation, Process server, Postgres postgres, Function<Integer, Long> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            fire(pool, WARMUP, request, new LongAdder());
            LongAdder bytes = new LongAdder();
            long jvmBefore = processTicks(server.pid(), false);
            long pgBefore = postgres.cpuTicks();
            long wallBefore = System.nanoTime();
            List<Long> times = fire(pool, REQUESTS, request, bytes);
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            long jvm = processTicks(server.pid(), false) - jvmBefore;
            long pg = postgres.cpuTicks() - pgBefore;
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            double tickMs = 1000.0 / CLOCK_TICKS;
            Result result = new Result(
                    operation,
                    sorted.length,
                    bytes.sum() / sorted.length,
                    sorted[(int) Math.ceil(sorted.length * 0.50) - 1] / 1e6,
                    sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                    sorted.length / wall,
                    jvm * tickMs / sorted.length,
                    pg * tickMs / sorted.length);
            System.out.printf(
                    Locale.UK,
                    "  %s: %d requests, p50 %.1f ms, p99 %.1f ms, %.0f req/s; CPU a request: JVM %.2f ms,"
                            + " PostgreSQL %.2f ms%n",
                    result.operation(),
                    result.requests(),
                    result.p50(),
                    result.p99(),
                    result.perSecond(),
                    result.jvmMs(),
                    result.pgMs());
            return result;
        } finally {
            pool.shutdown();
        }
    }

    /** {@code total} requests shared among the connections, each connection asking one after another. */
    private static List<Long> fire(ExecutorService pool, int total, Function<Integer, Long> request, LongAdder bytes)
            throws Exception {
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int connection = c;
            int share = total / CONNECTIONS + (c < total % CONNECTIONS ? 1 : 0);
            Callable<List<Long>> work = () -> {
                List<Long> times = new ArrayList<>();
                for (int k = 0; k < share; k++) {
                    long t = System.nanoTime();
                    bytes.add(request.apply(connection));
                    times.add(System.nanoTime() - t);
                }
                return times;
            };
            futures.add(pool.submit(work));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        return all;
    }

    private static String table(Size size, double start, double generate, List<Result> results, long rssKiB) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.UK,
                "%s (%,d actions, %,d updates; started in %.1f s, generated in %.0f s)%n%n",
                size,
                (long) size.plans() * size.actions(),
                (long) size.plans() * size.actions() * size.updates(),
                start,
                generate));
        out.append(
                "| operation | requests | answer | p50 | p99 | req/s | JVM CPU / request | PostgreSQL CPU / request |"
                        + " server CPU / request |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Result r : results) {
            out.append(String.format(
                    Locale.UK,
                    "| %s | %d | %.0f KiB | %.1f ms | %.1f ms | %.0f | %.2f ms | %.2f ms | **%.2f ms** |%n",
                    r.operation(),
                    r.requests(),
                    r.bytes() / 1024.0,
                    r.p50(),
                    r.p99(),
                    r.perSecond(),
                    r.jvmMs(),
                    r.pgMs(),
                    r.jvmMs() + r.pgMs()));
        }
        out.append(String.format(Locale.UK, "%nJava RSS after the reads: %.0f MiB%n", rssKiB / 1024.0));
        return out.toString();
    }

    // --- /proc

    /** The benchmark's own PostgreSQL server: its postmaster, found from the data directory's postmaster.pid. */
    private record Postgres(long postmaster) {

        static Postgres of(JdbcClient owner) {
            try {
                String dataDirectory =
                        owner.sql("SHOW data_directory").query(String.class).single();
                String first = Files.readAllLines(Path.of(dataDirectory, "postmaster.pid"))
                        .get(0)
                        .trim();
                return new Postgres(Long.parseLong(first));
            } catch (IOException | RuntimeException e) {
                System.out.println(
                        "PostgreSQL's processes cannot be read here (" + e.getMessage() + "): its CPU shows as 0");
                return new Postgres(-1);
            }
        }

        /** The postmaster's CPU with its ended children's, and each live child's. */
        long cpuTicks() {
            if (postmaster < 0) {
                return 0;
            }
            long total = processTicks(postmaster, true);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) processes::iterator) {
                    String name = p.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit)) {
                        String[] fields = stat(Long.parseLong(name));
                        if (fields != null && Long.parseLong(fields[1]) == postmaster) {
                            total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return total;
        }
    }

    /** A process's utime + stime (and with {@code children}, cutime + cstime of its waited-for children), in ticks. */
    private static long processTicks(long pid, boolean children) {
        String[] fields = stat(pid);
        if (fields == null) {
            throw new IllegalStateException("process " + pid + " has gone");
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return children ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }

    /** The fields of /proc/pid/stat after the command's name: [0] is the state (field 3), [1] the parent. */
    private static String[] stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null; // ended meanwhile
        }
    }

    private static long rssKiB(long pid) throws IOException {
        Matcher m = Pattern.compile("VmRSS:\\s+(\\d+) kB")
                .matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    private ListsBenchmark() {}
}
