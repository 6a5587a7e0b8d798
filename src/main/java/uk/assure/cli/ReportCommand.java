package uk.assure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.assure.plan.PlanWork;
import uk.assure.report.BoardPacks;
import uk.assure.system.NotFoundException;

/** {@code assure report pack ...}: the board pack as a file, for a partnership to schedule. */
@Command(name = "report", description = "Reports: board packs.", subcommands = ReportCommand.Pack.class)
final class ReportCommand {

    @Command(
            name = "pack",
            description = "Write the board pack (as the Reports page makes it) as a pdf or docx to FILE; "
                    + "it is not issued.")
    static final class Pack implements Callable<Integer> {

        @Option(
                names = "--plan",
                paramLabel = "PLAN",
                description = "a plan's id or title; repeat for more " + "(default: every plan)")
        List<String> plans = new ArrayList<>();

        @Option(
                names = "--since",
                paramLabel = "SNAPSHOT",
                description = "the snapshot's id to compare with " + "(default: the last pack issued)")
        String since;

        @Option(names = "--next", required = true, paramLabel = "DATE", description = "the next meeting, 2026-04-09")
        String next;

        @Option(names = "--format", required = true, description = "pdf or docx")
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
            if (!format.equals("pdf") && !format.equals("docx")) {
                err.println("assure report pack: --format must be pdf or docx, not " + format);
                err.flush();
                return 2;
            }
            LocalDate meeting;
            try {
                meeting = LocalDate.parse(next.strip());
            } catch (DateTimeParseException e) {
                err.println("assure report pack: --next must be a date such as 2026-04-09, not " + next);
                err.flush();
                return 2;
            }
            try (ConfigurableApplicationContext app = PartnershipCommand.app()) {
                Optional<byte[]> made;
                try {
                    made = CommandLineReader.asAdminOf(app, partnership, "report pack", err, user -> {
                        PlanWork work = app.getBean(PlanWork.class);
                        List<String> ids = new ArrayList<>();
                        for (String plan : plans) {
                            ids.add(ExportCommand.planId(work, user, plan));
                        }
                        BoardPacks packs = app.getBean(BoardPacks.class);
                        BoardPacks.Request request = new BoardPacks.Request(ids, since, meeting);
                        return format.equals("pdf") ? packs.pdf(user, request) : packs.docx(user, request);
                    });
                } catch (NotFoundException e) {
                    err.println("assure report pack: no such plan or snapshot");
                    err.flush();
                    return 1;
                }
                if (made.isEmpty()) {
                    return 1;
                }
                return ExportCommand.write(
                        made.get(), out, "report pack", err, spec.commandLine().getOut());
            }
        }
    }
}
