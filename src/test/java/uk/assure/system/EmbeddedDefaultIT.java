package uk.assure.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.assure.AssureApplication;
import uk.assure.audit.AuditLog;
import uk.assure.support.Browserless;

/**
 * With no database configured, the app runs its own PostgreSQL under the data folder, and the data stays; so do the
 * audit key it makes beside it and the checkpoints it writes there; a second app on the same data folder is refused
 * while the first runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDefaultIT {

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDatabaseKeepsItsDataAcrossARestart(CapturedOutput output) throws Exception {
        long plansBefore;
        String key;
        try (ConfigurableApplicationContext app = start()) {
            assertThatThrownBy(this::start)
                    .as("a second Assure on the same data directory")
                    .hasRootCauseInstanceOf(StartRefused.class);
            assertThat(output.getOut())
                    .as("said as Spring Boot's report, reason and action")
                    .contains("APPLICATION FAILED TO START")
                    .contains("Another Assure (process "
                            + ProcessHandle.current().pid() + ") is using the data " + "directory " + dataDir)
                    .contains("give this one a data directory of its own (ASSURE_DATA_DIR)");
            assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
            assertThat(new Browserless(port(app)).get("/actuator/health").body())
                    .contains("\"status\":\"UP\"");
            plansBefore = count(app, "plan");
            assertThat(plansBefore).isEqualTo(3);
            assertThat(count(app, "app_user")).isEqualTo(1);
            app.getBean(AuditLog.class)
                    .record(new AuditLog.Event(null, null, "Tester", "TEST_EVENT", null, null, null, null, null));
            // the audit key is made beside the database's folder, not in it, for its owner only
            key = Files.readString(dataDir.resolve("audit.key"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("audit.key"))))
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(dataDir.resolve("audit-checkpoints.log")))
                .as("the chain's head written outside the database once ready and at shutdown")
                .containsPattern("event=\\d+ hash=[0-9a-f]{64}");
        try (ConfigurableApplicationContext app = start()) {
            assertThat(Files.readString(dataDir.resolve("audit.key")))
                    .as("the same key at the next start")
                    .isEqualTo(key);
            assertThat(Scope.everyPartnership(() -> app.getBean(AuditLog.class).verify()))
                    .as("the demo data's events, against the checkpoints")
                    .isEmpty();
            assertThat(count(app, "plan")).isEqualTo(plansBefore);
            assertThat(count(app, "app_user"))
                    .as("the first admin is created once")
                    .isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AssureApplication.class)
                .run(
                        "--assure.data-dir=" + dataDir,
                        "--assure.database.url=",
                        "--assure.audit.key=",
                        "--assure.audit.checkpoint-file=",
                        "--assure.admin.email=first@assure.local",
                        "--server.port=0");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static long count(ConfigurableApplicationContext app, String table) {
        return Scope.everyPartnership(() -> app.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM " + table)
                .query(Long.class)
                .single());
    }
}
