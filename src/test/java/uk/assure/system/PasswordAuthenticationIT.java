package uk.assure.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import uk.assure.AssureApplication;

/**
 * Production as the README documents it: a PostgreSQL server of its own, started apart from the tests' shared one,
 * where every connection must give its password (scram-sha-256 in pg_hba.conf, nothing trusted). The migrations
 * create the app's role; it must get the password the app connects with, and a password the server does not
 * accept must stop the start with a reason that names the setting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordAuthenticationIT {

    private static final String DBA_PASSWORD = "dba-password-for-the-test";
    private static final String OWNER_PASSWORD = "owner-password-for-the-test";

    private Path dataDir;

    private EmbeddedPostgres server;

    @BeforeAll
    void aServerThatAsksEveryoneForAPassword() throws IOException, SQLException {
        dataDir = Files.createTempDirectory("assure-password-auth");
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("pg"))
                .setCleanDataDirectory(true)
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("password_encryption", "scram-sha-256")
                .start();
        try (var dba = server.getPostgresDatabase().getConnection();
                var sql = dba.createStatement()) {
            sql.execute("ALTER ROLE postgres PASSWORD '" + DBA_PASSWORD + "'");
            sql.execute("CREATE ROLE pw_owner LOGIN CREATEROLE PASSWORD '" + OWNER_PASSWORD + "'");
            sql.execute("CREATE DATABASE pw_made OWNER pw_owner");
            sql.execute("CREATE DATABASE pw_mismatch OWNER pw_owner");
            // a role the database administrator made and keeps: the owner may not change its password
            sql.execute("CREATE ROLE pw_dba_app LOGIN PASSWORD 'the-dba-chose-this-one'");
        }
        Files.writeString(dataDir.resolve("pg").resolve("pg_hba.conf"), """
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                local all all scram-sha-256
                """);
        try (var dba = DriverManager.getConnection(url("postgres"), "postgres", DBA_PASSWORD);
                var sql = dba.createStatement()) {
            sql.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    void theRoleTheMigrationsMakeGetsTheAppsPasswordAndTheAppSignsInWithIt() throws SQLException {
        assertThatThrownBy(() -> DriverManager.getConnection(url("pw_made"), "pw_owner", "a wrong password")
                        .close())
                .as("the server asks for passwords")
                .isInstanceOf(SQLException.class);

        try (ConfigurableApplicationContext app = start("pw_made", "pw_made_app", "the-app-password-1")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
                    .isEqualTo("pw_made_app");
        }
        // the password the role was given is the one configured, and only that one
        DriverManager.getConnection(url("pw_made"), "pw_made_app", "the-app-password-1")
                .close();
        assertThatThrownBy(() -> DriverManager.getConnection(url("pw_made"), "pw_made_app", "")
                        .close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aPasswordTheServerRefusesStopsTheStartAndSaysWhichSetting() {
        assertThatThrownBy(() -> start("pw_mismatch", "pw_dba_app", "not-what-the-dba-chose")
                        .close())
                .rootCause()
                .hasMessageContaining("ASSURE_DATABASE_APP_PASSWORD does not match")
                .hasMessageContaining("pw_dba_app")
                .hasMessageNotContaining("not-what-the-dba-chose");
    }

    private ConfigurableApplicationContext start(String database, String appRole, String appPassword) {
        return new SpringApplicationBuilder(AssureApplication.class)
                .run(
                        "--assure.database.url=" + url(database),
                        "--assure.database.user=pw_owner",
                        "--assure.database.password=" + OWNER_PASSWORD,
                        "--assure.database.app-user=" + appRole,
                        "--assure.database.app-password=" + appPassword,
                        "--assure.demo-data=false",
                        "--assure.admin.password=password-auth-admin-password",
                        "--server.port=0");
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }
}
