package uk.assure.bench;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.assure.AssureApplication;
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
        return Scope.everyPartnership(() -> writePlanOfFirstPartnership(app));
    }

    private static String writePlanOfFirstPartnership(ConfigurableApplicationContext app) {
        long partnership = app.getBean(PartnershipDirectory.class)
                .firstPartnership()
                .orElseThrow()
                .id();
        Random random = new Random(20261123L);
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"};
        List<NewPlan.Section> sections = new ArrayList<>();
        for (int s = 1; s <= 10; s++) {
            List<NewPlan.Finding> findings = List.of(
                    new NewPlan.Finding(
                            s + ".1", FindingKind.AREA_FOR_IMPROVEMENT, "Finding " + s + ".1 " + words(random, 40)),
                    new NewPlan.Finding(
                            s + ".2", FindingKind.AREA_FOR_IMPROVEMENT, "Finding " + s + ".2 " + words(random, 40)));
            List<NewPlan.Action> actions = new ArrayList<>();
            for (int a = 1; a <= ACTIONS / 10; a++) {
                String due = months[random.nextInt(12)] + "." + (24 + random.nextInt(4));
                actions.add(new NewPlan.Action(
                        s + "." + (1 + a % 2) + "." + a,
                        words(random, 30),
                        List.of(s + "." + (1 + a % 2)),
                        List.of(),
                        "Lead agency " + random.nextInt(8),
                        DueDate.parse(due),
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
            "referral",
            "supervision"
        };
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return out.toString();
    }
}
