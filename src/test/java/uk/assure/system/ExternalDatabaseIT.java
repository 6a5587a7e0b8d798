package uk.assure.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.assure.AssureApplication;
import uk.assure.support.TestDatabase;

/** ASSURE_DATABASE_URL with its own user and password: the app connects as that user and starts no server. */
class ExternalDatabaseIT {

    @Test
    void theAppConnectsAsTheConfiguredUserAndStartsNoEmbeddedServer() throws Exception {
        String url = TestDatabase.newDatabase();
        String database = url.substring(url.lastIndexOf('/') + 1, url.contains("?") ? url.indexOf('?') : url.length());
        try (var admin = DriverManager.getConnection(url);
                var statement = admin.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'assure_external') "
                    + "THEN CREATE ROLE assure_external LOGIN PASSWORD 'external-password-1'; END IF; END $$");
            statement.execute(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'assure_external_app') "
                            + "THEN CREATE ROLE assure_external_app LOGIN PASSWORD 'external-app-password-1'; END IF; END $$");
            statement.execute("ALTER DATABASE " + database + " OWNER TO assure_external");
            statement.execute("ALTER SCHEMA public OWNER TO assure_external");
        }
        String urlWithoutUser = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AssureApplication.class)
                .run(
                        "--assure.database.url=" + urlWithoutUser,
                        "--assure.database.user=assure_external",
                        "--assure.database.password=external-password-1",
                        "--assure.database.app-user=assure_external_app",
                        "--assure.database.app-password=external-app-password-1",
                        "--assure.demo-data=false",
                        "--assure.admin.password=external-admin-password",
                        "--server.port=0")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            // the app connects as the role that owns nothing; the owner ran the migrations and owns the tables
            assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
                    .isEqualTo("assure_external_app");
            assertThat(jdbc.sql(
                                    "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class WHERE relname IN ('plan', 'action')")
                            .query(String.class)
                            .list())
                    .containsExactly("assure_external");
            assertThat(app.getBeanProvider(EmbeddedPostgresServer.class).getIfAvailable())
                    .isNull();
            assertThat(TestDatabase.asOwner(url)
                            .sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                            .query(Long.class)
                            .single())
                    .isPositive();
        }
    }

    @Test
    void theAppRefusesToStartWhenItsRoleCouldGetRoundRowLevelSecurity() {
        String url = TestDatabase.newDatabase();
        String urlWithoutUser = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        Assertions.assertThatThrownBy(() -> new SpringApplicationBuilder(AssureApplication.class)
                        .run(
                                "--assure.database.url=" + url,
                                "--assure.database.app-user=postgres",
                                "--assure.demo-data=false",
                                "--server.port=0")
                        .close())
                .rootCause()
                .hasMessageContaining("postgres is a superuser")
                .hasMessageContaining("ASSURE_DATABASE_APP_USER");
    }

    @Test
    void theAppRefusesToStartWithoutAnAuditKey() {
        String url = TestDatabase.newDatabase();
        Assertions.assertThatThrownBy(() -> new SpringApplicationBuilder(AssureApplication.class)
                        .run(
                                "--assure.database.url=" + url,
                                "--assure.audit.key=",
                                "--assure.demo-data=false",
                                "--server.port=0")
                        .close())
                .rootCause()
                .hasMessageContaining("ASSURE_AUDIT_KEY is not set")
                .hasMessageContaining("openssl rand -base64 32");
    }
}
