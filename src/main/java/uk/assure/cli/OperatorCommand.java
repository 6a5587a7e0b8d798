package uk.assure.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.assure.partnership.Platform;
import uk.assure.system.InvalidInput;

/**
 * {@code assure operator add EMAIL}: an account for the platform operator's page (every partnership's name and
 * size, and making new ones), kept apart from every partnership. Only the server's command line makes one.
 */
@Command(
        name = "operator",
        description = "Platform operators: who makes partnerships on this installation.",
        subcommands = OperatorCommand.Add.class)
final class OperatorCommand {

    @Command(name = "add", description = "Make a platform operator's account; its password is printed once.")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "EMAIL", description = "the email the operator signs in with")
        String email;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (ConfigurableApplicationContext app = PartnershipCommand.app()) {
                Platform.OperatorAdded added = app.getBean(Platform.class).addOperator(email);
                out.println("Made a platform operator: sign in as " + added.email() + " with password "
                        + added.password() + " and set up two-step sign-in. The password is shown only this once.");
                out.flush();
                return 0;
            } catch (InvalidInput e) {
                err.println("assure operator add: EMAIL: " + e.getMessage());
                err.flush();
                return 2;
            }
        }
    }
}
