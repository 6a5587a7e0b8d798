package uk.assure.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.assure.AssureApplication;
import uk.assure.account.OperatorRecovery;

/** {@code assure account recover EMAIL}: lets someone locked out sign in again, from the server's command line. */
@Command(
        name = "account",
        description = "Account tools for whoever runs the server.",
        subcommands = AccountCommand.Recover.class)
final class AccountCommand {

    @Command(
            name = "recover",
            description = "Give the account a new generated password and turn its two-step sign-in off, "
                    + "ending its sessions: for when nobody can sign in to do it (the only admin lost their phone).")
    static final class Recover implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "EMAIL", description = "the email the account signs in with")
        String email;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AssureApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run("--spring.main.banner-mode=off")) {
                var recovered = app.getBean(OperatorRecovery.class).recover(email);
                if (recovered.isEmpty()) {
                    err.println("assure account recover: no account signs in with " + email);
                    err.flush();
                    return 1;
                }
                var r = recovered.get();
                out.println(
                        "Recovered the account of " + r.displayName() + ": sign in as " + r.email() + " with password "
                                + r.password()
                                + " and change it. Two-step sign-in is off (an admin sets it up again at sign-in); "
                                + "every session of the account has ended.");
                if (!r.enabled()) {
                    out.println("The account is disabled: an admin must enable it before it can sign in.");
                }
                out.flush();
                return 0;
            }
        }
    }
}
