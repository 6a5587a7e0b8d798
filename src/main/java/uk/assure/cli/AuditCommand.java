package uk.assure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.assure.AssureApplication;
import uk.assure.audit.AuditVerification;
import uk.assure.system.Scope;

/**
 * {@code assure audit verify}: checks the audit log's keyed hash chain and the checkpoints written outside the
 * database, and names the first event that does not fit. Exit 0 intact, 1 an event fails, 2 nothing can be
 * concluded (the checkpoint file, the key or the database).
 */
@Command(name = "audit", description = "Audit log tools.", subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    static final int INTACT = 0;
    static final int FAILS = 1;
    static final int CANNOT_VERIFY = 2;

    @Command(
            name = "verify",
            description = "Check that no audit event was changed, removed or reordered: each event's HMAC under the "
                    + "audit key, its link to the one before, and the checkpoints the app wrote outside the database.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {
                "0:the audit log is intact",
                "1:an event fails: it is named",
                "2:nothing can be concluded (the checkpoint file, the key or the database)"
            })
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(
                names = "--since",
                paramLabel = "EVENT",
                description = "check from this event on, e.g. a checkpoint's event number (from the checkpoint file "
                        + "or the log), rather than from the first")
        Long since;

        @Option(
                names = "--checkpoints",
                paramLabel = "FILE",
                description = "the checkpoint file to check against (default: ASSURE_AUDIT_CHECKPOINT_FILE, where the "
                        + "app writes them)")
        Path checkpoints;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (since != null && since < 1) {
                err.println("assure audit verify: --since takes an event number, 1 or more");
                err.flush();
                return CANNOT_VERIFY;
            }
            ConfigurableApplicationContext app;
            try {
                app = new SpringApplicationBuilder(AssureApplication.class)
                        .web(WebApplicationType.NONE)
                        .logStartupInfo(false)
                        .run("--spring.main.banner-mode=off");
            } catch (RuntimeException e) {
                err.println("assure audit verify: cannot verify: " + rootMessage(e));
                err.flush();
                return CANNOT_VERIFY;
            }
            try (app;
                    var scope = Scope.everyPartnership()) {
                AuditVerification.Report report = app.getBean(AuditVerification.class)
                        .verify(since, checkpoints == null ? null : checkpoints.toAbsolutePath());
                if (report.broken().isPresent()) {
                    err.println("assure audit verify: " + report.broken().get().describe());
                    err.flush();
                    return FAILS;
                }
                print(report, out);
                return INTACT;
            } catch (AuditVerification.CannotVerify e) {
                err.println("assure audit verify: cannot verify: " + e.getMessage());
                err.flush();
                return CANNOT_VERIFY;
            }
        }

        private static void print(AuditVerification.Report report, PrintWriter out) {
            String range = report.events() == 0 ? "" : " (" + report.first() + " to " + report.last() + ")";
            out.println("The audit log is intact" + (report.since() == null ? "" : " from event " + report.since())
                    + ": " + report.events() + " events" + range + ", each chained to the one before; hashed with "
                    + "the audit key from event " + report.keyedFrom() + " on.");
            if (report.newestCheckpoint() != null) {
                int n = report.checkpointsMatched();
                out.println("It matches the " + n + (n == 1 ? " checkpoint" : " checkpoints") + " in "
                        + report.checkpointFile() + "; the newest saw event "
                        + report.newestCheckpoint().event()
                        + " on " + report.newestCheckpoint().at() + ".");
            } else if (report.checkpointFileFound()) {
                out.println("Warning: " + report.checkpointFile() + " holds no checkpoint of these events, so the "
                        + "newest events could have been removed unseen.");
            } else {
                out.println("Warning: no checkpoint file at " + report.checkpointFile() + ", so the newest events "
                        + "could have been removed unseen. The app writes it (ASSURE_AUDIT_CHECKPOINT_FILE); name "
                        + "another with --checkpoints.");
            }
            out.flush();
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.toString() : root.getMessage();
        }
    }
}
