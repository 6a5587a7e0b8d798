package uk.assure.backup;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import uk.assure.system.DatabaseOwner;

/**
 * Loads a checked backup into an empty database: the app's own migrations up to the backup's schema version make
 * the tables, then each table's rows go in by COPY, in the backup's order, and the sequences are set, all in one
 * transaction. Only COPY blocks are read from the file, into tables and columns the schema has; nothing in it runs
 * as SQL. The constraints whose bounds the source's own events set when V17 ran are given the source's bounds
 * ({@link AuditChecks}) before the rows go in.
 */
final class Restorer {

    private Restorer() {}

    static void restore(DatabaseOwner owner, BackupFile backup) throws SQLException, IOException {
        Manifest manifest = backup.manifest();
        owner.migrationsUpTo(manifest.schemaVersion()).migrate();
        try (Connection c = owner.connect()) {
            c.setAutoCommit(false);
            Catalog schema = Catalog.read(c, BackupWriter.leftOutNames());
            matches(schema, manifest);
            emptyTables(c, schema.tables());
            // the source's audit constraints, whose bounds V17 took from its events, before its events go in
            Set<String> derived = AuditChecks.beforeLoad(c, manifest.auditChecks());
            load(c, backup, manifest);
            AuditChecks.afterLoad(c, derived);
            setSequences(c, schema, manifest);
            c.commit();
        }
    }

    /** The backup's tables and columns are exactly those of the schema at its version. */
    private static void matches(Catalog schema, Manifest manifest) {
        Map<String, List<String>> inBackup = new HashMap<>();
        manifest.tables().forEach(t -> inBackup.put(t.name(), t.columns()));
        for (String table : schema.tables()) {
            if (!inBackup.containsKey(table)) {
                throw new BackupRefused("the backup has no table " + table + ", which schema version "
                        + manifest.schemaVersion() + " has: it is not a whole backup of an Assure database");
            }
            if (!new HashSet<>(inBackup.get(table))
                    .equals(new HashSet<>(schema.columns().get(table)))) {
                throw new BackupRefused("the columns of table " + table + " in the backup are not those of schema "
                        + "version " + manifest.schemaVersion() + ": the backup was not made by Assure");
            }
        }
        for (String table : inBackup.keySet()) {
            if (!schema.columns().containsKey(table)) {
                throw new BackupRefused("the backup has a table " + table + " that schema version "
                        + manifest.schemaVersion() + " does not: it was not made by Assure");
            }
        }
    }

    /** Migrations make empty tables; should one ever put a row in, the backup's rows are the ones kept. */
    private static void emptyTables(Connection c, List<String> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        tables.forEach(t -> names.add("public." + DataSql.quote(t)));
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + String.join(", ", names));
        }
    }

    private static void load(Connection c, BackupFile backup, Manifest manifest) throws IOException, SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        Map<String, Long> expected = new HashMap<>();
        manifest.tables().forEach(t -> expected.put(t.name(), t.rows()));
        try (InputStream in = backup.data()) {
            DataSql.read(in, new DataSql.Reader() {
                private PGCopyOutputStream copy;
                private long rows;

                @Override
                public void table(String name, List<String> columns) throws IOException {
                    try {
                        copy = new PGCopyOutputStream(pg, Catalog.copyIn(name, columns), 1 << 16);
                    } catch (SQLException e) {
                        throw new IOException("COPY into " + name + " failed: " + e.getMessage(), e);
                    }
                    rows = 0;
                }

                @Override
                public void row(byte[] line, int length) throws IOException {
                    copy.write(line, 0, length);
                    rows++;
                }

                @Override
                public void end(String table) throws IOException {
                    long loaded;
                    try {
                        loaded = copy.endCopy();
                    } catch (SQLException e) {
                        throw new IOException("COPY into " + table + " failed: " + e.getMessage(), e);
                    }
                    if (loaded != expected.get(table) || rows != loaded) {
                        throw new IOException(
                                "table " + table + " took " + loaded + " rows; the backup has " + expected.get(table));
                    }
                }
            });
        }
    }

    private static void setSequences(Connection c, Catalog schema, Manifest manifest) throws SQLException {
        for (Manifest.Sequence sequence : manifest.sequences()) {
            if (!schema.sequences().contains(sequence.name())) {
                throw new BackupRefused("the backup has a sequence " + sequence.name() + " that schema version "
                        + manifest.schemaVersion() + " does not: it was not made by Assure");
            }
            try (PreparedStatement set =
                    c.prepareStatement("SELECT pg_catalog.setval(format('public.%I', ?::text)::regclass, ?, ?)")) {
                set.setString(1, sequence.name());
                set.setLong(2, sequence.lastValue());
                set.setBoolean(3, sequence.isCalled());
                set.execute();
            }
        }
    }
}
