package uk.assure.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import uk.assure.importer.ImportException;
import uk.assure.importer.PlanParser;
import uk.assure.importer.PlanParsers;

/**
 * How long the importer takes to refuse documents built to be slow: an HTML page nested 100,000 elements deep
 * (1.1 MB) and a CSV of 100,000 columns (2 MB), as the upload page and `assure parse` read them. Wall time and
 * this thread's CPU time per refusal, warm.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=uk.assure.bench.HostileInputBenchmark -Dexec.classpathScope=test</pre>
 */
public final class HostileInputBenchmark {

    private static final int WARM_UP = 5;
    private static final int MEASURED = 15;

    public static void main(String[] args) {
        Map<String, String> documents = Map.of(
                "nested.html",
                "<html><body><table><tr><td>Action</td><td>Lead</td></tr><tr><td>" + "<div>".repeat(100_000) + "x"
                        + "</div>".repeat(100_000) + "</td><td>Police</td></tr></table></body></html>",
                "wide.csv",
                "Column,".repeat(99_999) + "Column\n" + "value,".repeat(99_999) + "value\n");
        PlanParser parser = PlanParsers.standard();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("| document | size | refused with | wall median | wall max | CPU median |");
        System.out.println("| --- | ---: | --- | ---: | ---: | ---: |");
        documents.forEach((name, text) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            String message = null;
            double[] wall = new double[MEASURED];
            double[] cpu = new double[MEASURED];
            for (int i = -WARM_UP; i < MEASURED; i++) {
                long startCpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                try {
                    parser.parse(name, bytes, null);
                    throw new IllegalStateException(name + " was read, not refused");
                } catch (ImportException e) {
                    message = e.getMessage();
                }
                if (i >= 0) {
                    wall[i] = (System.nanoTime() - start) / 1e6;
                    cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
                }
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf(
                    "| %s | %,d bytes | %s | %.1f ms | %.1f ms | %.1f ms |%n",
                    name, bytes.length, message, wall[MEASURED / 2], wall[MEASURED - 1], cpu[MEASURED / 2]);
        });
    }
}
