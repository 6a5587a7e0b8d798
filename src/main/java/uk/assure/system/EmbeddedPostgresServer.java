package uk.assure.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * A real PostgreSQL server run by the app itself from binaries shipped in the jar, so that the first run needs no
 * set-up. Its data lives under {@code <data dir>/postgres} and survives restarts, crashes and power cuts:
 *
 * <ul>
 *   <li>durable: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on, given on the server's
 *       command line (which outranks its configuration files) and checked once it runs — it is refused otherwise;
 *   <li>one at a time: the data directory is locked for the app's lifetime ({@link DataDirectoryLock}), so a second
 *       Assure on the same data is refused instead of starting a second server on it;
 *   <li>after a crash: a server an earlier run left behind is stopped first, and a stale {@code postmaster.pid} from
 *       before a reboot is no obstacle ({@link LeftoverServer});
 *   <li>with the app: should the app be killed, the server is stopped behind it ({@link ServerWatchdog}).
 * </ul>
 *
 * <p>docs/operations.md tells the operator the same; docs/adr/0008 says why.
 */
public final class EmbeddedPostgresServer implements Closeable {

    static final String DATABASE = "assure";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STOPPED = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path pgData;
    private final DataDirectoryLock lock;
    private final ServerWatchdog watchdog;

    private EmbeddedPostgresServer(
            EmbeddedPostgres postgres, Path pgData, DataDirectoryLock lock, ServerWatchdog watchdog) {
        this.postgres = postgres;
        this.pgData = pgData;
        this.lock = lock;
        this.watchdog = watchdog;
    }

    /**
     * How much the server may take. PostgreSQL's own defaults (128 MB of shared buffers, 100 connections) are sized
     * for a database server; the embedded one shares a small machine with the app, so it starts smaller. A large
     * partnership raises the buffers (docs/operations.md).
     *
     * @param sharedBuffers PostgreSQL's {@code shared_buffers}
     * @param poolSize the app's connection pool: the server allows that many and room for backups and the command line
     */
    public record Sizing(DataSize sharedBuffers, int poolSize) {

        /** For the command line's own short runs (backup, restore): the app's default sizes. */
        public static final Sizing DEFAULT = new Sizing(DataSize.ofMegabytes(32), 10);

        String sharedBuffersSetting() {
            return Math.max(1, sharedBuffers.toMegabytes()) + "MB";
        }

        String maxConnectionsSetting() {
            return String.valueOf(Math.max(20, poolSize + 10));
        }
    }

    public static EmbeddedPostgresServer start(Path dataDir) {
        return start(dataDir, Sizing.DEFAULT);
    }

    public static EmbeddedPostgresServer start(Path dataDir, Sizing sizing) {
        Path pgData = dataDir.toAbsolutePath().resolve("postgres");
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir.toAbsolutePath());
        EmbeddedPostgres postgres = null;
        try {
            Files.createDirectories(pgData);
            LeftoverServer.clear(pgData);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // stopped by close(), in the app's own order, and by the watchdog when the app is killed
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("listen_addresses", "localhost")
                    // the library starts the server with -F (fsync off) and synchronous_commit off, made for tests:
                    // a -c given after -F wins, and the check below proves it
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("shared_buffers", sizing.sharedBuffersSetting())
                    .setServerConfig("max_connections", sizing.maxConnectionsSetting())
                    .start();
            refuseUnlessDurable(postgres);
            createDatabaseIfMissing(postgres);
            ServerWatchdog watchdog = PostmasterPid.read(pgData)
                    .filter(pid -> !pid.namesNoProcess())
                    .flatMap(pid -> ServerWatchdog.watch(pid.pid(), pgData))
                    .orElse(null);
            log.info(
                    "Embedded PostgreSQL ready on port {} with data in {} (durable: fsync, synchronous_commit and "
                            + "full_page_writes on; data directory locked by process {})",
                    postgres.getPort(),
                    pgData,
                    ProcessHandle.current().pid());
            return new EmbeddedPostgresServer(postgres, pgData, lock, watchdog);
        } catch (IOException | RuntimeException e) {
            stopQuietly(postgres, pgData, lock);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, io);
            }
            throw (RuntimeException) e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String user() {
        return "postgres";
    }

    /** The server's durability settings as it runs them, read from {@code pg_settings}. */
    private static void refuseUnlessDurable(EmbeddedPostgres postgres) {
        List<String> problems =
                Durability.problems(Durability.settings(JdbcClient.create(postgres.getPostgresDatabase())));
        if (!problems.isEmpty()) {
            throw new StartRefused(
                    "The embedded PostgreSQL started with " + String.join(", ", problems)
                            + ": it could lose updates answered as saved, so the app will not use it.",
                    "Report this as a bug: Assure starts it with fsync, synchronous_commit and full_page_writes on.");
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                var check = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            check.setString(1, DATABASE);
            if (!check.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    /** For tests: as if the JVM had been killed, the watchdog's pipe closes. */
    Optional<ServerWatchdog> watchdog() {
        return Optional.ofNullable(watchdog);
    }

    /** Stops the server (fast shutdown), waits until it has, then lets the next Assure in. */
    @Override
    public void close() throws IOException {
        if (watchdog != null) {
            watchdog.close();
        }
        stopQuietly(postgres, pgData, lock);
        log.info("Embedded PostgreSQL in {} stopped; the data directory is free for the next start", pgData);
    }

    private static void stopQuietly(EmbeddedPostgres postgres, Path pgData, DataDirectoryLock lock) {
        try {
            if (postgres != null) {
                postgres.close(); // pg_ctl stop -m fast, waiting a few seconds
                awaitStopped(pgData);
            } else if (Files.isDirectory(pgData)) {
                LeftoverServer.stop(pgData); // a start that failed half-way may have left a server running
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL in {} cleanly: {}", pgData, e.toString());
        } finally {
            try {
                lock.close();
            } catch (IOException e) {
                log.warn("Could not release the lock on the data directory: {}", e.toString());
            }
        }
    }

    /** pg_ctl gives up waiting after a few seconds; a shutdown checkpoint on a slow disk can take longer. */
    private static void awaitStopped(Path pgData) throws IOException {
        Path ours = pgData.toRealPath();
        Instant deadline = Instant.now().plus(STOPPED);
        while (!LeftoverServer.serverProcessesOn(ours).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                log.warn("The embedded PostgreSQL in {} is still stopping; the next start waits for it", pgData);
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
