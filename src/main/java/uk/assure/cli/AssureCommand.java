package uk.assure.cli;

import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line in the same jar: {@code java -jar assure.jar <command>}. */
@Command(
        name = "assure",
        mixinStandardHelpOptions = true,
        description = "Improvement action plans for safeguarding partnerships.",
        subcommands = {ParseCommand.class, ImportCommand.class, AuditCommand.class, AccountCommand.class})
final class AssureCommand {

    private static final Set<String> COMMANDS = Set.of("parse", "import", "audit", "account", "help", "--help", "-h");

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        return new CommandLine(new AssureCommand()).execute(args);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return new CommandLine(new AssureCommand()).setOut(out).setErr(err).execute(args);
    }
}
