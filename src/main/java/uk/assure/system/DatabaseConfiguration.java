package uk.assure.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One PostgreSQL, two ways: a server named by {@code ASSURE_DATABASE_URL}, or, when none is named, the embedded
 * server under the data folder.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssureProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${assure.database.url:}'.isBlank()")
    EmbeddedPostgresServer embeddedPostgresServer(AssureProperties properties) {
        return EmbeddedPostgresServer.start(Path.of(properties.dataDir()));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(AssureProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        HikariConfig config = new HikariConfig();
        AssureProperties.Database db = properties.database();
        EmbeddedPostgresServer server = embedded.getIfAvailable();
        if (server != null) {
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.user());
        } else {
            config.setJdbcUrl(db.url());
            if (db.user() != null && !db.user().isBlank()) {
                config.setUsername(db.user());
            }
            if (db.password() != null && !db.password().isBlank()) {
                config.setPassword(db.password());
            }
        }
        config.setMaximumPoolSize(db.poolSize());
        config.setPoolName("assure");
        return new HikariDataSource(config);
    }
}
