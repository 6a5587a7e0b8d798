package uk.assure.bench;

import java.net.http.HttpResponse;
import java.util.Arrays;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.assure.AssureApplication;
import uk.assure.support.Browserless;
import uk.assure.support.TestDatabase;
import uk.assure.system.Scope;

/**
 * Server time of the plan page for a 200-action plan, warm. Starts the app whole on a fresh database, writes a
 * generated plan (fixed seed), signs in over HTTP and reads the Server-Timing header of each response.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=uk.assure.bench.PlanPageBenchmark -Dexec.classpathScope=test</pre>
 */
public final class PlanPageBenchmark {

    private static final int ACTIONS = 200;
    private static final int UPDATES_PER_ACTION = 5;
    private static final int WARM_UP = 300;
    private static final int MEASURED = 1000;

    public static void main(String[] args) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AssureApplication.class)
                .run(
                        "--assure.database.url=" + TestDatabase.newDatabase(),
                        "--assure.demo-data=false",
                        "--assure.admin.email=bench@assure.local",
                        "--assure.admin.password=benchmark-password-1",
                        "--server.port=0",
                        "--logging.level.root=warn")) {
            String planId = writePlan(app);
            Browserless browser = new Browserless(
                    ((WebServerApplicationContext) app).getWebServer().getPort());
            browser.signIn("bench@assure.local", "benchmark-password-1");
            String path = "/plans/" + planId;
            for (int i = 0; i < WARM_UP; i++) {
                time(browser, path);
            }
            double[] server = new double[MEASURED];
            double[] client = new double[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                server[i] = time(browser, path);
                client[i] = (System.nanoTime() - start) / 1_000_000.0;
            }
            report("server time (Server-Timing)", server);
            report("client time on loopback", client);
        }
    }

    private static String writePlan(ConfigurableApplicationContext app) {
        return Scope.everyPartnership(() -> GeneratedPlan.write(app, 20261123L, ACTIONS, UPDATES_PER_ACTION));
    }

    private static double time(Browserless browser, String path) {
        HttpResponse<String> response = browser.get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        String header = response.headers().firstValue("Server-Timing").orElseThrow();
        return Double.parseDouble(header.substring(header.indexOf("dur=") + 4));
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s over %d requests: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                what,
                sorted.length,
                sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.95)],
                sorted[sorted.length - 1]);
    }
}
