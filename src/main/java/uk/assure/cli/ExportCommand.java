package uk.assure.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.assure.account.SignedInUser;
import uk.assure.plan.PlanViews.PlanListItem;
import uk.assure.plan.PlanWork;
import uk.assure.report.PlanExports;
import uk.assure.system.NotFoundException;

/** {@code assure export PLAN --format xlsx --out FILE}: a plan's export, for a partnership to schedule. */
@Command(
        name = "export",
        description = "Write a plan as docx, xlsx, csv, json or pdf to FILE (the same file the plan page downloads).")
final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PLAN", description = "the plan's id (from its address) or its title")
    String plan;

    @Option(names = "--format", required = true, description = "docx, xlsx, csv, json or pdf")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write")
    Path out;

    @Option(names = "--partnership", description = "the partnership's name (default: the first partnership)")
    String partnership;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<PlanExports.Format> chosen = PlanExports.Format.named(format);
        if (chosen.isEmpty()) {
            err.println("assure export: --format must be docx, xlsx, csv, json or pdf, not " + format);
            err.flush();
            return 2;
        }
        try (ConfigurableApplicationContext app = PartnershipCommand.app()) {
            Optional<PlanExports.Download> made;
            try {
                made = CommandLineReader.asAdminOf(app, partnership, "export", err, user -> {
                    String id = planId(app.getBean(PlanWork.class), user, plan);
                    return app.getBean(PlanExports.class).export(user, id, chosen.get());
                });
            } catch (NotFoundException e) {
                err.println("assure export: no plan " + plan);
                err.flush();
                return 1;
            }
            if (made.isEmpty()) {
                return 1;
            }
            return write(
                    made.get().content(), out, "export", err, spec.commandLine().getOut());
        }
    }

    /** The plan named by its id or, failing that, by its exact title. */
    static String planId(PlanWork work, SignedInUser user, String plan) {
        for (PlanListItem item : work.plans(user)) {
            if (item.externalId().equals(plan) || item.title().equals(plan)) {
                return item.externalId();
            }
        }
        throw new NotFoundException("Plan");
    }

    static int write(byte[] content, Path out, String command, PrintWriter err, PrintWriter said) {
        try {
            Files.write(out, content);
        } catch (IOException e) {
            err.println("assure " + command + ": " + out + ": could not be written ("
                    + e.getClass().getSimpleName() + ")");
            err.flush();
            return 1;
        }
        said.println("Wrote " + out + " (" + content.length + " bytes)");
        said.flush();
        return 0;
    }
}
