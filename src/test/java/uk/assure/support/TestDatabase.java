package uk.assure.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The real PostgreSQL the tests run against: the server named by ASSURE_TEST_DATABASE_URL (a JDBC URL with a user
 * who may create databases), or else one embedded server for the whole test run. Each Spring context gets a
 * database of its own.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Server server;
    private static volatile EmbeddedPostgres embedded;

    private TestDatabase() {}

    /**
     * The database as its owner sees it — past row-level security and the app role's grants — for tests that play
     * someone with the owner's rights (tampering with the audit log). {@code url} is the one the context was given.
     */
    public static JdbcClient asOwner(String url) {
        return JdbcClient.create(new DriverManagerDataSource(url));
    }

    /** A new, empty database, as a JDBC URL carrying its credentials. */
    public static String newDatabase() {
        Server s = server();
        String name = "assure_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.adminUrl());
                var statement = c.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return s.urlFor(name);
    }

    /**
     * Stops the embedded server, if this JVM started one: for a program that runs past its databases (a benchmark
     * under exec:java, in Maven's own JVM), so that no PostgreSQL is left running when it ends.
     */
    public static synchronized void stop() {
        EmbeddedPostgres running = embedded;
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
            }
            embedded = null;
            server = null;
        }
    }

    private static Server server() {
        if (server == null) {
            synchronized (TestDatabase.class) {
                if (server == null) {
                    server = start();
                }
            }
        }
        return server;
    }

    private static Server start() {
        String external = System.getenv("ASSURE_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return new Server(external);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            embedded = postgres;
            return new Server(postgres.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
    }

    /** adminUrl names a maintenance database; other databases on the same server share its host and query. */
    private record Server(String adminUrl) {
        String urlFor(String database) {
            int query = adminUrl.indexOf('?');
            String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String params = query < 0 ? "" : adminUrl.substring(query);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
        }
    }
}
