package uk.assure.cli;

import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import uk.assure.system.StartRefused;

/** The command line in the same jar: {@code java -jar assure.jar <command>}. */
@Command(
        name = "assure",
        mixinStandardHelpOptions = true,
        description = "Improvement action plans for safeguarding partnerships.",
        subcommands = {
            ParseCommand.class,
            ImportCommand.class,
            AuditCommand.class,
            AccountCommand.class,
            PartnershipCommand.class,
            OperatorCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            ExportCommand.class,
            ReportCommand.class
        })
final class AssureCommand {

    private static final Set<String> COMMANDS = Set.of(
            "parse",
            "import",
            "audit",
            "account",
            "partnership",
            "operator",
            "backup",
            "restore",
            "export",
            "report",
            "help",
            "--help",
            "-h");

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        return commandLine().execute(args);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    private static CommandLine commandLine() {
        return new CommandLine(new AssureCommand()).setExecutionExceptionHandler(AssureCommand::refused);
    }

    /** A start the operator can act on (another Assure holds the data directory, say): its reason, no stack trace. */
    private static int refused(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartRefused refused) {
                command.getErr().println("assure " + command.getCommandName() + ": " + refused.getMessage());
                command.getErr().flush();
                return 1;
            }
        }
        throw e;
    }
}
