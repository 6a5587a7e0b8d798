package uk.assure.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.assure.system.AssureProperties;
import uk.assure.system.DatabaseOwner;
import uk.assure.system.EmbeddedPostgresServer;
import uk.assure.system.RunningEmbeddedServer;

/**
 * The database a backup reads or a restore fills, as the app's settings name it. On the embedded default a backup
 * connects to the server the app is running, and starts one on the data folder (and stops it after) only when
 * none runs, so there is never a second server on the same data; a restore goes only into an empty data folder.
 * On a server named by {@code ASSURE_DATABASE_URL} it is that database, as the owner of the tables.
 */
final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final DatabaseOwner owner;
    private final String description;
    private final EmbeddedPostgresServer started;
    private final Path madeFolder;
    private final Path dataDir;
    private boolean stopped;

    private Database(
            DatabaseOwner owner, String description, EmbeddedPostgresServer started, Path madeFolder, Path dataDir) {
        this.dataDir = dataDir == null ? null : dataDir.toAbsolutePath().normalize();
        this.owner = owner;
        this.description = description;
        this.started = started;
        this.madeFolder = madeFolder;
    }

    static Database toBackUp(AssureProperties properties) {
        AssureProperties.Database db = properties.database();
        if (external(properties)) {
            DatabaseOwner owner = DatabaseOwner.external(db);
            return new Database(owner, "the database at " + owner.whereForPeople(), null, null, null);
        }
        Path dataDir = Path.of(properties.dataDir());
        Path pgData = RunningEmbeddedServer.pgData(dataDir);
        var running = RunningEmbeddedServer.find(dataDir);
        if (running.isPresent()) {
            RunningEmbeddedServer server = running.get();
            return new Database(
                    DatabaseOwner.embedded(server.jdbcUrl(), server.user(), db),
                    "the embedded server running on " + pgData + " (process " + server.pid() + ", port " + server.port()
                            + ")",
                    null,
                    null,
                    dataDir);
        }
        if (!Files.exists(pgData.resolve("PG_VERSION"))) {
            throw new BackupRefused(
                    "no Assure database in " + pgData + " (ASSURE_DATA_DIR is " + dataDir + "): nothing to back up");
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
        return new Database(
                DatabaseOwner.embedded(server.jdbcUrl(), server.user(), db),
                "the embedded data in " + pgData + " (the app was not running: its server was started for the "
                        + "backup and stopped after)",
                server,
                null,
                dataDir);
    }

    static Database toRestoreInto(AssureProperties properties) throws SQLException {
        AssureProperties.Database db = properties.database();
        if (external(properties)) {
            DatabaseOwner owner = DatabaseOwner.external(db);
            refuseUnlessEmpty(owner);
            return new Database(owner, "the database at " + owner.whereForPeople(), null, null, null);
        }
        Path dataDir = Path.of(properties.dataDir());
        Path pgData = RunningEmbeddedServer.pgData(dataDir);
        var running = RunningEmbeddedServer.find(dataDir);
        if (running.isPresent()) {
            throw new BackupRefused("a server is running on " + pgData + " (process "
                    + running.get().pid()
                    + "): the app is using that data folder. A restore goes only into an empty data folder: stop "
                    + "the app and set ASSURE_DATA_DIR to a new folder");
        }
        if (!isEmptyOrMissing(pgData)) {
            throw new BackupRefused(pgData + " already holds a database. A restore goes only into an empty data "
                    + "folder: move it aside, or set ASSURE_DATA_DIR to a new folder");
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
        return new Database(
                DatabaseOwner.embedded(server.jdbcUrl(), server.user(), db),
                "the embedded data folder " + pgData,
                server,
                pgData,
                dataDir);
    }

    DatabaseOwner owner() {
        return owner;
    }

    /** The embedded default's data folder ({@code ASSURE_DATA_DIR}); null on an external server. */
    Path dataDir() {
        return dataDir;
    }

    String description() {
        return description;
    }

    /**
     * A restore failed: the data folder it filled is emptied again, so that the next try finds it as it was.
     *
     * @return what state the target is left in, for the operator
     */
    String failed() {
        if (madeFolder == null) {
            return "the database at " + owner.whereForPeople() + " may now hold part of the schema: drop it, create "
                    + "it empty again, and restore again";
        }
        stopServer();
        try (Stream<Path> paths = Files.walk(madeFolder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(madeFolder)) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            log.warn("The restore failed, and {} could not be emptied", madeFolder, e);
            return madeFolder + " could not be emptied: empty it before trying again";
        }
        return madeFolder + " is empty again";
    }

    @Override
    public void close() {
        stopServer();
    }

    private void stopServer() {
        if (started != null && !stopped) {
            stopped = true;
            try {
                started.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
            }
        }
    }

    private static boolean external(AssureProperties properties) {
        String url = properties.database().url();
        return url != null && !url.isBlank();
    }

    private static boolean isEmptyOrMissing(Path folder) {
        if (!Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + folder, e);
        }
    }

    /** A restore never mixes with data already there: any table in the database refuses it. */
    private static void refuseUnlessEmpty(DatabaseOwner owner) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = owner.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                          AND n.nspname NOT LIKE 'pg_toast%'
                        ORDER BY c.relname""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (!tables.isEmpty()) {
            throw new BackupRefused("the database at " + owner.whereForPeople() + " is not empty: it holds "
                    + tables.size() + " tables (" + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                    + (tables.size() > 5 ? ", …" : "") + "). A restore goes only into an empty database: create "
                    + "a new one (createdb) and point ASSURE_DATABASE_URL at it");
        }
    }
}
