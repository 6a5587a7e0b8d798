package uk.assure.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.assure.AssureApplication;
import uk.assure.account.Role;
import uk.assure.account.UserRepository;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.DueDate;
import uk.assure.plan.FindingKind;
import uk.assure.plan.NewPlan;
import uk.assure.plan.PlanKind;
import uk.assure.plan.PlanWriter;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;
import uk.assure.support.Browserless;
import uk.assure.support.TestDatabase;
import uk.assure.system.Scope;

/**
 * A board pack of a 200-action plan with 2,000 updates, warm: the page (HTML), the PDF and the Word document, each as
 * latency on loopback and as server CPU per request (the CPU time of Tomcat's request threads, measured with
 * ThreadMXBean, so the client's work in the same JVM is not counted).
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=uk.assure.bench.BoardPackBenchmark -Dexec.classpathScope=test</pre>
 */
public final class BoardPackBenchmark {

    private static final int ACTIONS = 200;
    private static final int UPDATES_PER_ACTION = 10;

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AssureApplication.class)
                .run(
                        "--assure.database.url=" + TestDatabase.newDatabase(),
                        "--assure.demo-data=false",
                        "--assure.admin.email=bench@assure.local",
                        "--assure.admin.password=benchmark-password-1",
                        "--server.port=0",
                        "--logging.level.root=warn")) {
            String planId = Scope.everyPartnership(() -> writePlan(app));
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            // a board member (who reads every plan and its pack) signs in with a password alone; an admin would need
            // the second step, which only the test app can answer
            Browserless browser = new Browserless(port);
            browser.signIn("lead@bench.local", "benchmark-password-1");
            String cookie = Browserless.SESSION_COOKIE + "=" + browser.cookie(Browserless.SESSION_COOKIE);
            String query = "?plan=" + planId;
            measure("HTML /reports/pack", port, cookie, "/reports/pack" + query, 20, 100);
            measure("PDF  /reports/pack.pdf", port, cookie, "/reports/pack.pdf" + query, 5, 20);
            measure("Word /reports/pack.docx", port, cookie, "/reports/pack.docx" + query, 5, 30);
        }
    }

    private static void measure(String what, int port, String cookie, String path, int warmUp, int measured)
            throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", cookie)
                .build();
        long bytes = 0;
        for (int i = 0; i < warmUp; i++) {
            bytes = fetch(client, request);
        }
        double[] latency = new double[measured];
        long cpuBefore = serverCpuNanos();
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            fetch(client, request);
            latency[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        double cpuPerRequest = (serverCpuNanos() - cpuBefore) / 1_000_000.0 / measured;
        Arrays.sort(latency);
        System.out.printf(
                "%s (%,d bytes) over %d requests: median %.0f ms, p95 %.0f ms, max %.0f ms; server CPU %.0f ms a request%n",
                what,
                bytes,
                measured,
                latency[measured / 2],
                latency[(int) (measured * 0.95)],
                latency[measured - 1],
                cpuPerRequest);
    }

    private static long fetch(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return response.body().length;
    }

    /** CPU time so far of Tomcat's request threads (http-nio-…-exec-…). */
    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("-exec-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static String writePlan(ConfigurableApplicationContext app) {
        long partnership = app.getBean(PartnershipDirectory.class)
                .firstPartnership()
                .orElseThrow()
                .id();
        app.getBean(UserRepository.class)
                .create(
                        partnership,
                        new UserRepository.NewUser("lead@bench.local", "Bench Board Member", Role.BOARD, null),
                        app.getBean(PasswordEncoder.class).encode("benchmark-password-1"));
        Random random = new Random(20261207L);
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"};
        List<NewPlan.Section> sections = new ArrayList<>();
        for (int s = 1; s <= 10; s++) {
            List<NewPlan.Finding> findings = List.of(new NewPlan.Finding(
                    s + ".1", FindingKind.AREA_FOR_IMPROVEMENT, "Finding " + s + " " + words(random, 40)));
            List<NewPlan.Action> actions = new ArrayList<>();
            for (int a = 1; a <= ACTIONS / 10; a++) {
                actions.add(new NewPlan.Action(
                        s + ".1." + a,
                        words(random, 30),
                        List.of(s + ".1"),
                        List.of(),
                        "Lead agency " + random.nextInt(8),
                        DueDate.parse(months[random.nextInt(12)] + "." + (25 + random.nextInt(3))),
                        "Partnership Executive",
                        null,
                        words(random, 20),
                        words(random, 20),
                        ActionStatus.NOT_STARTED,
                        null));
            }
            sections.add(new NewPlan.Section(String.valueOf(s), "Section " + s, null, findings, actions));
        }
        NewPlan plan = new NewPlan(
                "Benchmark plan",
                PlanKind.INSPECTION,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                sections);
        PlanWriter.Created created = app.getBean(PlanWriter.class).create(partnership, plan, Instant.now());
        ProgressService progress = app.getBean(ProgressService.class);
        for (String action : created.actionIdsByExternalId().keySet()) {
            for (int u = 0; u < UPDATES_PER_ACTION; u++) {
                progress.record(
                        partnership,
                        action,
                        u,
                        ProgressEntry.note(words(random, 25), ActionStatus.IN_PROGRESS),
                        new ProgressService.Author(null, "Benchmark"));
            }
        }
        return created.externalId();
    }

    private static String words(Random random, int count) {
        String[] vocabulary = {
            "review",
            "multi-agency",
            "audit",
            "training",
            "safeguarding",
            "practice",
            "board",
            "information",
            "sharing",
            "strategy",
            "meeting",
            "children",
            "risk",
            "assessment",
            "referral"
        };
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return out.toString();
    }
}
