package uk.assure.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.assure.AssureApplication;
import uk.assure.account.Role;
import uk.assure.account.UserRepository;
import uk.assure.partnership.PartnershipDirectory;
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

    /** A board member to read the pack, and the plan: {@link GeneratedPlan}, as the plan page benchmark writes it. */
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
        return GeneratedPlan.write(app, 20261207L, ACTIONS, UPDATES_PER_ACTION);
    }
}
