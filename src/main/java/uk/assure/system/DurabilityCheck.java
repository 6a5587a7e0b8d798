package uk.assure.system;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At start, reads the durability settings ({@link Durability}) as the app's own connections see them. On the embedded
 * server they are the app's own configuration, so a server that could lose committed updates is refused: the app
 * does not start. On a server named by {@code ASSURE_DATABASE_URL} they are its operator's: the app says plainly, as
 * a WARNING in the log, what an update answered as saved may not survive, and starts.
 */
final class DurabilityCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DurabilityCheck.class);

    private final JdbcClient jdbc;
    private final boolean embedded;

    DurabilityCheck(DataSource dataSource, boolean embedded) {
        this.jdbc = JdbcClient.create(dataSource);
        this.embedded = embedded;
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, String> settings = Durability.settings(jdbc);
        List<String> problems = Durability.problems(settings);
        if (problems.isEmpty()) {
            log.info("The database is durable: {}", settings);
            return;
        }
        if (embedded) {
            throw new StartRefused(
                    "The embedded PostgreSQL runs with " + String.join(", ", problems)
                            + ": an update answered as saved "
                            + "could be lost in a crash or a power cut, so the app will not start.",
                    "Something has changed the settings Assure gives it, for its role or database (ALTER ROLE or "
                            + "ALTER DATABASE ... SET): reset them (docs/operations.md).");
        }
        log.warn(
                "WARNING: the PostgreSQL server (ASSURE_DATABASE_URL) runs with {}: an update the app answers as saved "
                        + "can be lost in a crash or a power cut. Ask its operator to set fsync, synchronous_commit "
                        + "and full_page_writes back on (docs/operations.md).",
                String.join(", ", problems));
    }
}
