package uk.assure.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import uk.assure.system.DatabaseOwner;

/**
 * Writes a backup: every table's rows from one snapshot of the database (a repeatable-read, read-only
 * transaction, as pg_dump takes), so a backup made while the app runs is one moment of it, whole. The file is a zip
 * of {@code data.sql}, {@code manifest.json} and {@code SHA256SUMS}; it is written beside FILE and renamed to it
 * only when complete, so FILE is never half a backup.
 */
final class BackupWriter {

    static final String SUMS = "SHA256SUMS";

    /** Tables a backup leaves out on purpose; the manifest names them with these reasons. */
    static final List<Manifest.LeftOut> LEFT_OUT = List.of(
            new Manifest.LeftOut(
                    "flyway_schema_history",
                    "the migrations' own record: a restore runs the same migrations up to schemaVersion"),
            new Manifest.LeftOut(
                    "spring_session",
                    "signed-in sessions: nobody is signed in on a restored server, and a backup "
                            + "holds no one's session"),
            new Manifest.LeftOut("spring_session_attributes", "the contents of those sessions"),
            new Manifest.LeftOut(
                    "partnership_change",
                    "which transactions lately changed each partnership, for a running server's caches: "
                            + "transaction ids mean nothing on another server, and the restore notes itself"));

    private BackupWriter() {}

    static Set<String> leftOutNames() {
        Set<String> names = new HashSet<>();
        LEFT_OUT.forEach(l -> names.add(l.name()));
        return names;
    }

    static Manifest write(DatabaseOwner owner, String source, Path file, Path auditKey)
            throws IOException, SQLException {
        Path partial =
                Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".", ".partial");
        try (Connection c = owner.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            Manifest manifest;
            try (OutputStream out = Files.newOutputStream(partial)) {
                manifest = write(c, source, out, auditKey == null ? null : Files.readAllBytes(auditKey));
            }
            c.rollback(); // read only: nothing to keep
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true); // on the disk before it takes FILE's name
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static Manifest write(Connection c, String source, OutputStream file, byte[] auditKey)
            throws IOException, SQLException {
        String schemaVersion;
        String createdAt;
        String postgresVersion;
        try (Statement s = c.createStatement()) {
            // as pg_dump: a table whose policies would hide rows from this role fails the backup rather than
            // leaving them out (the owner and the embedded superuser see every row)
            s.execute("SET LOCAL row_security = off");
            schemaVersion = schemaVersion(s);
            try (ResultSet rs = s.executeQuery("SELECT now(), current_setting('server_version')")) {
                rs.next();
                createdAt = rs.getObject(1, OffsetDateTime.class)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toString();
                postgresVersion = rs.getString(2);
            }
        }
        Catalog catalog = Catalog.read(c, leftOutNames());
        lock(c, catalog.tables());
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        List<Manifest.Table> tables = new ArrayList<>();
        List<Manifest.Sequence> sequences = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16));
        zip.putNextEntry(new ZipEntry(DataSql.NAME));
        Sha256.Counting data = new Sha256.Counting(zip);
        data.write(DataSql.preamble(schemaVersion).getBytes(StandardCharsets.UTF_8));
        for (String table : catalog.tables()) {
            List<String> columns = catalog.columns().get(table);
            data.write(DataSql.copyLine(table, columns).getBytes(StandardCharsets.UTF_8));
            Sha256.Counting rows = new Sha256.Counting(data);
            copy.copyOut(catalog.copyOut(table), rows);
            data.write(DataSql.END_OF_DATA);
            data.write("\n\n".getBytes(StandardCharsets.UTF_8));
            tables.add(new Manifest.Table(table, columns, rows.lines(), rows.hex()));
        }
        try (Statement s = c.createStatement()) {
            for (String sequence : catalog.sequences()) {
                try (ResultSet rs =
                        s.executeQuery("SELECT last_value, is_called FROM public." + DataSql.quote(sequence))) {
                    rs.next();
                    Manifest.Sequence state = new Manifest.Sequence(sequence, rs.getLong(1), rs.getBoolean(2));
                    sequences.add(state);
                    data.write(DataSql.setval(sequence, state.lastValue(), state.isCalled())
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        zip.closeEntry();
        Manifest manifest = new Manifest(
                Manifest.FORMAT,
                Manifest.FORMAT_VERSION,
                createdAt,
                Backups.appVersion(),
                schemaVersion,
                postgresVersion,
                source,
                new Manifest.DataFile(DataSql.NAME, data.bytes(), data.hex()),
                tables,
                sequences,
                LEFT_OUT,
                lastAuditEvent(c, catalog),
                auditKey == null ? null : Backups.AUDIT_KEY,
                AuditChecks.read(c));
        byte[] json = manifest.toJson();
        zip.putNextEntry(new ZipEntry(Manifest.NAME));
        zip.write(json);
        zip.closeEntry();
        // the layout of sha256sum: `unzip FILE && sha256sum -c SHA256SUMS` checks a backup without Assure
        String sums =
                manifest.data().sha256() + "  " + DataSql.NAME + "\n" + Sha256.hex(json) + "  " + Manifest.NAME + "\n";
        if (auditKey != null) {
            zip.putNextEntry(new ZipEntry(Backups.AUDIT_KEY));
            zip.write(auditKey);
            zip.closeEntry();
            sums += Sha256.hex(auditKey) + "  " + Backups.AUDIT_KEY + "\n";
        }
        zip.putNextEntry(new ZipEntry(SUMS));
        zip.write(sums.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
        return manifest;
    }

    private static String schemaVersion(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT to_regclass('public.flyway_schema_history') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new BackupRefused(
                        "the database holds no Assure data (it has no flyway_schema_history): " + "nothing to back up");
            }
        }
        try (ResultSet rs = s.executeQuery("""
                SELECT version FROM public.flyway_schema_history
                WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1""")) {
            if (!rs.next()) {
                throw new BackupRefused("the database's migrations have not run yet: nothing to back up");
            }
            return rs.getString(1);
        }
    }

    /** As pg_dump: no migration may change or drop a table while the snapshot is read. */
    private static void lock(Connection c, List<String> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        tables.forEach(t -> names.add("public." + DataSql.quote(t)));
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE " + String.join(", ", names) + " IN ACCESS SHARE MODE");
        }
    }

    private static Long lastAuditEvent(Connection c, Catalog catalog) throws SQLException {
        if (!catalog.tables().contains("audit_event")) {
            return null;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT max(id) FROM public.audit_event")) {
            rs.next();
            long id = rs.getLong(1);
            return rs.wasNull() ? null : id;
        }
    }
}
