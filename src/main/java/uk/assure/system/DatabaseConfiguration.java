package uk.assure.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One PostgreSQL, two ways: a server named by {@code ASSURE_DATABASE_URL}, or, when none is named, the embedded
 * server under the data folder. Two roles on it: the owner of the tables runs the migrations, and the app connects
 * as a role that owns nothing ({@code ASSURE_DATABASE_APP_USER}), so row-level security holds for every query it
 * makes. {@link DatabaseRoleCheck} refuses to start if that role could get round it, and {@link DurabilityCheck} if
 * the embedded server could lose a committed update (an external one gets a warning).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssureProperties.class)
class DatabaseConfiguration {

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${assure.database.url:}'.isBlank()")
    EmbeddedPostgresServer embeddedPostgresServer(AssureProperties properties) {
        AssureProperties.Database db = properties.database();
        return EmbeddedPostgresServer.start(
                Path.of(properties.dataDir()),
                new EmbeddedPostgresServer.Sizing(db.embeddedSharedBuffers(), db.poolSize()));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource pool(AssureProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        AssureProperties.Database db = properties.database();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(withoutCredentials(url(db, embedded.getIfAvailable())));
        config.setUsername(appRole(db));
        if (db.appPassword() != null && !db.appPassword().isBlank()) {
            config.setPassword(db.appPassword());
        }
        config.setMaximumPoolSize(db.poolSize());
        config.setPoolName("assure");
        // the app's role may not exist until the owner's migrations have created it: connect when first asked
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** The one data source the app uses: the pool, each connection told this thread's {@link Scope}. */
    @Bean
    @Primary
    DataSource dataSource(HikariDataSource pool) {
        return new ScopedDataSource(pool);
    }

    /** Migrations run as the owner of the tables, on a connection of their own, and name the app's role. */
    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(
            AssureProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        return configuration -> {
            AssureProperties.Database db = properties.database();
            EmbeddedPostgresServer server = embedded.getIfAvailable();
            DriverManagerDataSource owner = new DriverManagerDataSource(url(db, server));
            if (server != null) {
                owner.setUsername(server.user());
            } else {
                if (db.user() != null && !db.user().isBlank()) {
                    owner.setUsername(db.user());
                }
                if (db.password() != null && !db.password().isBlank()) {
                    owner.setPassword(db.password());
                }
            }
            configuration
                    .dataSource(owner)
                    .placeholders(Map.of("appRole", appRole(db)))
                    .callbacks(new AppRolePassword(withoutCredentials(url(db, server)), appRole(db), db.appPassword()));
        };
    }

    @Bean
    @DependsOn("flywayInitializer")
    DatabaseRoleCheck databaseRoleCheck(DataSource dataSource) {
        return new DatabaseRoleCheck(dataSource);
    }

    /** Refuses a non-durable embedded server; warns of a non-durable external one (docs/operations.md). */
    @Bean
    @DependsOn("flywayInitializer")
    DurabilityCheck durabilityCheck(DataSource dataSource, ObjectProvider<EmbeddedPostgresServer> embedded) {
        return new DurabilityCheck(dataSource, embedded.getIfAvailable() != null);
    }

    private static String url(AssureProperties.Database db, EmbeddedPostgresServer server) {
        return server != null ? server.jdbcUrl() : db.url();
    }

    static String appRole(AssureProperties.Database db) {
        String role = db.appUser() == null ? "" : db.appUser().strip();
        if (!ROLE_NAME.matcher(role).matches()) {
            throw new IllegalStateException("ASSURE_DATABASE_APP_USER must be a plain PostgreSQL role name "
                    + "(lower-case letters, digits and _), not '" + role + "'");
        }
        return role;
    }

    /** A JDBC URL's user and password parameters would win over the app role's: the app's pool drops them. */
    static String withoutCredentials(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String kept = Arrays.stream(url.substring(query + 1).split("&"))
                .filter(p -> !p.startsWith("user=") && !p.startsWith("password="))
                .collect(Collectors.joining("&"));
        return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }
}
