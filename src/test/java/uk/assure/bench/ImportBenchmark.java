package uk.assure.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.assure.AssureApplication;
import uk.assure.importer.ParsedPlan;
import uk.assure.importer.PlanImporter;
import uk.assure.importer.PlanParser;
import uk.assure.importer.PlanParsers;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.support.TestDatabase;
import uk.assure.system.Scope;

/**
 * Import speed, warm: (1) parsing all five seed plans from ../shared/seeds, one after another, as one iteration;
 * (2) a generated 2,000-action .docx (fixed seed) imported end to end — detect, read, assemble, match leads and write
 * in one transaction to PostgreSQL — into a fresh partnership each run.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=uk.assure.bench.ImportBenchmark -Dexec.classpathScope=test</pre>
 */
public final class ImportBenchmark {

    private static final int PARSE_WARM_UP = 300;
    private static final int PARSE_MEASURED = 500;
    private static final int IMPORT_WARM_UP = 3;
    private static final int IMPORT_MEASURED = 10;

    public static void main(String[] args) throws Exception {
        parseSeeds();
        importGeneratedDocx();
    }

    private static void parseSeeds() throws Exception {
        Path seeds = Path.of("../shared/seeds");
        if (!Files.isDirectory(seeds)) {
            System.out.println("parse: ../shared/seeds is not here; skipped");
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(seeds)) {
            files = list.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        List<byte[]> contents = new ArrayList<>();
        for (Path f : files) {
            contents.add(Files.readAllBytes(f));
        }
        PlanParser parser = PlanParsers.standard();
        int actions = 0;
        for (int i = 0; i < PARSE_WARM_UP; i++) {
            actions = parseAll(parser, files, contents);
        }
        double[] ms = new double[PARSE_MEASURED];
        for (int i = 0; i < PARSE_MEASURED; i++) {
            long start = System.nanoTime();
            parseAll(parser, files, contents);
            ms[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        report("parse all " + files.size() + " seeds (" + actions + " actions) per iteration", ms);
    }

    private static int parseAll(PlanParser parser, List<Path> files, List<byte[]> contents) {
        int actions = 0;
        for (int f = 0; f < files.size(); f++) {
            actions += parser.parse(files.get(f).getFileName().toString(), contents.get(f))
                    .actions()
                    .size();
        }
        return actions;
    }

    private static void importGeneratedDocx() {
        byte[] docx = GeneratedPlanDocx.generate(2000, 20261123L);
        System.out.printf("generated .docx: 2,000 actions, %,d bytes%n", docx.length);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AssureApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(
                                "--assure.database.url=" + TestDatabase.newDatabase(),
                                "--assure.demo-data=false",
                                "--assure.admin.email=bench@assure.local",
                                "--assure.admin.password=benchmark-password-1",
                                "--logging.level.root=warn");
                var scope = Scope.everyPartnership()) {
            PartnershipDirectory directory = app.getBean(PartnershipDirectory.class);
            PlanImporter importer = app.getBean(PlanImporter.class);
            double[] ms = new double[IMPORT_MEASURED];
            for (int i = 0; i < IMPORT_WARM_UP + IMPORT_MEASURED; i++) {
                long partnership = directory.createPartnership("Benchmark " + i).id();
                directory.createAgency(partnership, "Children's Services", null, List.of());
                directory.createAgency(partnership, "Westbrook Constabulary", "Police", List.of());
                long start = System.nanoTime();
                ParsedPlan parsed = PlanParsers.standard().parse("generated-2000.docx", docx);
                if (parsed.actions().size() != 2000) {
                    throw new IllegalStateException("parsed " + parsed.actions().size() + " actions, not 2,000");
                }
                importer.preview(partnership, parsed);
                importer.commit(partnership, parsed, Set.of());
                double elapsed = (System.nanoTime() - start) / 1_000_000.0;
                if (i >= IMPORT_WARM_UP) {
                    ms[i - IMPORT_WARM_UP] = elapsed;
                }
            }
            report("import generated 2,000-action .docx end to end (parse + preview + commit)", ms);
        }
    }

    private static void report(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s: n=%d min %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                what,
                sorted.length,
                sorted[0],
                sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1],
                sorted[sorted.length - 1]);
    }
}
