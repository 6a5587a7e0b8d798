package uk.assure.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import uk.assure.AssureApplication;
import uk.assure.audit.AuditLog;
import uk.assure.system.Scope;

/** {@code assure audit verify}: checks the audit log's hash chain and names the first event that breaks it. */
@Command(name = "audit", description = "Audit log tools.", subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    @Command(name = "verify", description = "Check that no audit event was changed, removed or reordered.")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AssureApplication.class)
                            .web(WebApplicationType.NONE)
                            .logStartupInfo(false)
                            .run("--spring.main.banner-mode=off");
                    var scope = Scope.everyPartnership()) {
                var broken = app.getBean(AuditLog.class).verify();
                if (broken.isPresent()) {
                    err.println("assure audit verify: audit event "
                            + broken.get().id() + " fails: " + broken.get().reason());
                    err.flush();
                    return 1;
                }
                long events = app.getBean(JdbcClient.class)
                        .sql("SELECT count(*) FROM audit_event")
                        .query(Long.class)
                        .single();
                out.println("The audit log is intact: " + events + " events, each chained to the one before.");
                out.flush();
                return 0;
            }
        }
    }
}
