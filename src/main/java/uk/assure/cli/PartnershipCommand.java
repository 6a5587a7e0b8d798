package uk.assure.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.assure.AssureApplication;
import uk.assure.partnership.Platform;
import uk.assure.system.InvalidInput;

/**
 * {@code assure partnership create NAME --admin EMAIL} and {@code assure partnership list}: one installation serving
 * many partnerships, each isolated as the first is, made by whoever runs the server.
 */
@Command(
        name = "partnership",
        description = "Partnerships on this installation (each sees only its own plans and people).",
        subcommands = {PartnershipCommand.Create.class, PartnershipCommand.ListAll.class})
final class PartnershipCommand {

    static ConfigurableApplicationContext app() {
        return new SpringApplicationBuilder(AssureApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run("--spring.main.banner-mode=off");
    }

    @Command(name = "create", description = "Make a partnership and its first admin, whose password is printed once.")
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "the partnership's name, e.g. \"Northvale\"")
        String name;

        @Option(
                names = "--admin",
                required = true,
                paramLabel = "EMAIL",
                description = "the email its first admin signs in with")
        String admin;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (ConfigurableApplicationContext app = app()) {
                Platform.Created created =
                        app.getBean(Platform.class).create(name, admin, Platform.Operator.COMMAND_LINE);
                out.println("Made the partnership " + created.name() + ": its first admin signs in as "
                        + created.adminEmail() + " with password " + created.adminPassword()
                        + " and sets up two-step sign-in. The password is shown only this once.");
                out.flush();
                return 0;
            } catch (InvalidInput e) {
                err.println("assure partnership create: " + ("name".equals(e.field()) ? "NAME" : "--admin") + ": "
                        + e.getMessage());
                err.flush();
                return 2;
            }
        }
    }

    @Command(name = "list", description = "Every partnership by name, with how many accounts and plans it has.")
    static final class ListAll implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ConfigurableApplicationContext app = app()) {
                for (Platform.Summary p : app.getBean(Platform.class).partnerships()) {
                    out.println(p.name() + "\t" + p.accounts() + " accounts\t" + p.plans() + " plans\tmade "
                            + p.createdAt());
                }
                out.flush();
                return 0;
            }
        }
    }
}
