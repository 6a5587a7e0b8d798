package uk.assure.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.assure.AssureApplication;
import uk.assure.support.Browserless;
import uk.assure.support.TestDatabase;
import uk.assure.system.Scope;

/**
 * Dashboard, My actions and search at scale, under concurrent users. Generates in PostgreSQL itself (fixed seed)
 * 200 partnerships × 20 plans × 100 actions × 20 updates — 400,000 actions and 8,000,000 updates — then signs in
 * 20 agency leads of 20 partnerships and has them request their dashboard, My actions and a search at once,
 * reading each response's Server-Timing.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=uk.assure.bench.WorkPagesBenchmark -Dexec.classpathScope=test</pre>
 * Smaller runs for a quick look: {@code -Dpartnerships=20}.
 */
public final class WorkPagesBenchmark {

    private static final int PARTNERSHIPS = Integer.getInteger("partnerships", 200);
    private static final int PLANS = 20;
    private static final int ACTIONS = 100;
    private static final int UPDATES = 20;
    private static final int USERS = Integer.getInteger("users", 20);
    private static final int ROUNDS = Integer.getInteger("rounds", 30);
    /** Each user reads a page before asking for the next: 0.5 to 1.5 × this, at random (seeded). 0 for no pause. */
    private static final int THINK_MS = Integer.getInteger("thinkMs", 1000);

    private static final String PASSWORD = "benchmark-password-1";
    private static final String[] SEARCHES = {
        "audit", "referrals", "\"strategy meeting\"", "training -police", "neglect"
    };

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AssureApplication.class)
                .run(
                        "--assure.database.url=" + TestDatabase.newDatabase(),
                        "--assure.demo-data=false",
                        "--assure.admin.email=bench@assure.local",
                        "--assure.admin.password=" + PASSWORD,
                        "--server.port=0",
                        "--logging.level.root=warn",
                        "--assure.database.pool-size=24")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long start = System.nanoTime();
            // generating 200 partnerships' rows is about no one partnership
            var scope = Scope.everyPartnership();
            generate(jdbc, app.getBean(PasswordEncoder.class).encode(PASSWORD));
            System.out.printf(
                    "generated %d partnerships, %,d actions, %,d updates in %.0f s%n",
                    PARTNERSHIPS,
                    count(jdbc, "action"),
                    count(jdbc, "progress_update"),
                    (System.nanoTime() - start) / 1e9);
            scope.close();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            load(port);
        }
    }

    private static void generate(JdbcClient jdbc, String hash) {
        jdbc.sql("SELECT setseed(0.20261123)").query(Object.class).single();
        jdbc.sql("""
                INSERT INTO partnership (external_id, name)
                SELECT 'bp' || g, 'Bench partnership ' || g FROM generate_series(1, ?) g""").param(PARTNERSHIPS).update();
        jdbc.sql("""
                INSERT INTO agency (partnership_id, external_id, name, short_name)
                SELECT p.id, 'ba' || p.id || '-' || g, 'Agency ' || g, 'A' || g
                FROM partnership p, generate_series(1, 10) g WHERE p.name LIKE 'Bench partnership %'""").update();
        jdbc.sql("""
                INSERT INTO app_user (partnership_id, external_id, email, display_name, password_hash, role, agency_id)
                SELECT p.id, 'bu' || p.id, 'lead' || p.id || '@bench.local', 'Lead ' || p.id, ?, 'LEAD',
                       (SELECT min(a.id) FROM agency a WHERE a.partnership_id = p.id)
                FROM partnership p WHERE p.name LIKE 'Bench partnership %'""").param(hash).update();
        jdbc.sql("""
                INSERT INTO plan (partnership_id, external_id, title, kind, status_vocabulary)
                SELECT p.id, 'bpl' || p.id || '-' || g, 'Improvement plan ' || g || ' of partnership ' || p.id,
                       (ARRAY['INSPECTION','REVIEW','AUDIT','BUSINESS_PLAN'])[1 + g % 4], '{}'
                FROM partnership p, generate_series(1, ?) g WHERE p.name LIKE 'Bench partnership %'""").param(PLANS).update();
        jdbc.sql("""
                INSERT INTO section (partnership_id, plan_id, position, ref, title)
                SELECT pl.partnership_id, pl.id, g, g::text, 'Section ' || g FROM plan pl, generate_series(1, 5) g""").update();
        jdbc.sql("""
                INSERT INTO action (partnership_id, plan_id, section_id, external_id, position, ref, text, lead_raw,
                    original_due_raw, original_due_date, original_due_precision,
                    current_due_raw, current_due_date, current_due_precision, status, completion, created_at,
                    last_update_at)
                SELECT s.partnership_id, s.plan_id, s.id, 'bac' || s.id || '-' || g, g, s.ref || '.' || g,
                       initcap(w.words), 'Agency ' || (1 + (s.id + g) % 10),
                       to_char(d.due, 'Mon.YY'), d.due, 'MONTH', to_char(d.due, 'Mon.YY'), d.due, 'MONTH',
                       (ARRAY['NOT_STARTED','IN_PROGRESS','IN_PROGRESS','COMPLETED'])[1 + (s.id * 7 + g) % 4],
                       -- a completed action is signed off (V19)
                       CASE WHEN (s.id * 7 + g) % 4 = 3 THEN 'CONFIRMED' END,
                       now() - interval '400 days', now() - ((s.id + g) % 120) * interval '1 day'
                FROM section s, generate_series(1, ?) g,
                     LATERAL (SELECT (date_trunc('month', now()) + ((g * 7 + s.id) % 24 - 8) * interval '1 month'
                                      + interval '1 month - 1 day')::date AS due) d,
                     LATERAL (SELECT string_agg((ARRAY['review','audit','multi-agency','practice','children','families',
                              'referral','threshold','strategy','meeting','supervision','training','briefing','quality',
                              'assurance','safeguarding','partners','board','evidence','assessment','neglect','police',
                              'health','schools'])[1 + ((s.id * 31 + g * 17 + k * 13) % 24)], ' ') AS words
                              FROM generate_series(1, 14) k) w""").param(ACTIONS / 5).update();
        jdbc.sql("""
                INSERT INTO action_lead (partnership_id, action_id, position, agency_id)
                SELECT a.partnership_id, a.id, 0,
                       (SELECT ag.id FROM agency ag WHERE ag.partnership_id = a.partnership_id
                        ORDER BY ag.id OFFSET (a.id % 10) LIMIT 1)
                FROM action a""").update();
        jdbc.sql("""
                INSERT INTO progress_update (partnership_id, action_id, external_id, author_name, recorded_at, narrative,
                    status_before, status_after)
                SELECT a.partnership_id, a.id, 'bu' || a.id || '-' || g, 'Lead ' || a.partnership_id,
                       now() - interval '400 days' + g * interval '19 days',
                       'Update ' || g || ': ' || (ARRAY['audit of referrals finished','strategy meeting held with police',
                       'training delivered to schools','neglect tool piloted','board report written','supervision records checked',
                       'briefing sent to partners','threshold guidance reviewed'])[1 + (a.id + g) % 8],
                       'IN_PROGRESS', 'IN_PROGRESS'
                FROM action a, generate_series(1, ?) g""").param(UPDATES).update();
        jdbc.sql("ANALYZE").update();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static void load(int port) throws Exception {
        List<Long> leads = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            leads.add((long) (1 + i * (PARTNERSHIPS / USERS)));
        }
        Map<String, List<Double>> times = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        List<Browserless> browsers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < USERS; i++) {
            Browserless b = new Browserless(port);
            // partnership ids start after the first-run one (My partnership has id 1)
            HttpResponse<String> r = b.signIn("lead" + (leads.get(i) + 1) + "@bench.local", PASSWORD);
            if (r.statusCode() >= 400) {
                throw new IllegalStateException("sign-in failed for user " + i);
            }
            browsers.add(b);
        }
        for (Browserless b : browsers) { // warm up
            for (int k = 0; k < 5; k++) {
                b.get("/dashboard");
                b.get("/my-actions");
                b.get("/search?q=audit");
            }
        }
        CountDownLatch done = new CountDownLatch(USERS);
        for (int i = 0; i < USERS; i++) {
            Browserless b = browsers.get(i);
            int user = i;
            pool.submit(() -> {
                try {
                    Random think = new Random(user);
                    Thread.sleep(think.nextInt(Math.max(1, 2 * THINK_MS))); // users arrive at different moments
                    for (int round = 0; round < ROUNDS; round++) {
                        record(times, "dashboard", b.get("/dashboard"));
                        Thread.sleep(THINK_MS / 2 + think.nextInt(THINK_MS));
                        record(times, "my-actions", b.get("/my-actions"));
                        Thread.sleep(THINK_MS / 2 + think.nextInt(THINK_MS));
                        String q = SEARCHES[(user + round) % SEARCHES.length];
                        record(times, "search", b.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
                        Thread.sleep(THINK_MS / 2 + think.nextInt(THINK_MS));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        times.forEach((page, list) -> report(page, list));
    }

    private static void record(Map<String, List<Double>> times, String page, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(page + " answered " + response.statusCode());
        }
        String timing = response.headers().firstValue("Server-Timing").orElseThrow();
        double ms = Double.parseDouble(timing.replaceAll(".*dur=([0-9.]+).*", "$1"));
        times.computeIfAbsent(page, k -> new CopyOnWriteArrayList<>()).add(ms);
    }

    private static void report(String page, List<Double> list) {
        double[] sorted =
                list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                "%s (%d requests, %d users, think %d ms): median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                page,
                sorted.length,
                USERS,
                THINK_MS,
                sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1],
                sorted[sorted.length - 1]);
    }

    private WorkPagesBenchmark() {}
}
