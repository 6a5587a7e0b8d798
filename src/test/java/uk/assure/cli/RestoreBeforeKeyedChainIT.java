package uk.assure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.assure.support.TestDatabase;

/**
 * A database whose audit log began before the keyed chain (V17): events from before V7 with no hash, events hashed
 * by plain SHA-256, then the keyed chain. V17 built its constraints from the events there when it ran (those before
 * the chain are exempt), so a restore that only ran the migrations on an empty database would refuse those events.
 * Backed up, restored into a new data folder, it is the same database: the same rows, the same constraints, and
 * {@code audit verify} finds the log intact.
 */
class RestoreBeforeKeyedChainIT {

    private static final Map<String, String> SETTINGS = Map.of(
            "assure.demo-data", "false",
            "assure.admin.email", "before-the-key@assure.local",
            "assure.admin.password", "a password from before the key",
            "logging.level.root", "warn");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @AfterEach
    void forgetSettings() {
        System.clearProperty("assure.database.url");
        System.clearProperty("assure.data-dir");
        SETTINGS.keySet().forEach(System::clearProperty);
    }

    @Test
    void aDatabaseWithEventsFromBeforeTheKeyedChainRestoresWholeAndVerifies() throws IOException {
        String source = TestDatabase.newDatabase();
        JdbcClient owner = TestDatabase.asOwner(source);
        eventsOfTheUnkeyedChain(source, owner);
        useDatabase(source);
        Result first = Result.run("audit", "verify"); // the first run of this version: V17 and on, the first admin
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(owner.sql("SELECT count(*) FROM audit_event WHERE hash IS NULL")
                        .query(Long.class)
                        .single())
                .as("events from before the chain, with no hash")
                .isEqualTo(2);
        Map<String, String> checks = checks(owner);
        assertThat(checks.get("ck_audit_event_hashed")).contains("id < 3");
        Path backup = folder.resolve("before-the-key.zip");
        Result made = Result.run("backup", backup.toString());
        assertThat(made.exit()).as(made.err()).isZero();

        Path dataDir = folder.resolve("restored");
        useDataFolder(dataDir);
        Result restored = Result.run("restore", backup.toString());

        assertThat(restored.exit()).as(restored.err()).isZero();
        Result verify = Result.run("audit", "verify");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("The audit log is intact");
        Path again = folder.resolve("restored-again.zip");
        Result backedUpAgain = Result.run("backup", again.toString());
        assertThat(backedUpAgain.exit()).as(backedUpAgain.err()).isZero();
        assertThat(part(again, "data.sql"))
                .as("every row of every table, in primary-key order, as the source had it")
                .isEqualTo(part(backup, "data.sql"));
        assertThat(part(again, "manifest.json"))
                .as("the restored database's audit constraints are the source's")
                .contains("ck_audit_event_hashed")
                .contains("id < 3");
    }

    @Test
    void aBackupWhoseManifestDoesNotRecordTheConstraintsGetsTheBoundsV17WouldHaveGivenItsEvents() throws IOException {
        String source = TestDatabase.newDatabase();
        JdbcClient owner = TestDatabase.asOwner(source);
        eventsOfTheUnkeyedChain(source, owner);
        useDatabase(source);
        assertThat(Result.run("audit", "verify").exit()).isZero();
        Path backup = folder.resolve("recorded.zip");
        assertThat(Result.run("backup", backup.toString()).exit()).isZero();
        // as a backup made before manifests recorded them: no auditChecks, SHA256SUMS made to fit
        Path older = withoutAuditChecks(backup, folder.resolve("older.zip"));

        String target = TestDatabase.newDatabase();
        useDatabase(target);
        Result restored = Result.run("restore", older.toString());

        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(BackupRestoreIT.everyRow(TestDatabase.asOwner(target))).isEqualTo(BackupRestoreIT.everyRow(owner));
        assertThat(checks(TestDatabase.asOwner(target))).isEqualTo(checks(owner));
        Result verify = Result.run("audit", "verify");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    }

    private static Path withoutAuditChecks(Path backup, Path copy) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                parts.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        ObjectNode manifest = (ObjectNode) JSON.readTree(parts.get("manifest.json"));
        assertThat(manifest.remove("auditChecks")).isNotNull();
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        String sums = new String(parts.get("SHA256SUMS"), StandardCharsets.UTF_8)
                .replaceFirst("\\w+  manifest.json", sha256(json) + "  manifest.json");
        parts.put("manifest.json", json);
        parts.put("SHA256SUMS", sums.getBytes(StandardCharsets.UTF_8));
        try (OutputStream out = Files.newOutputStream(copy);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return copy;
    }

    /** Migrations up to V16, then five events: two from before V7 (no hash), three chained by plain SHA-256. */
    private static void eventsOfTheUnkeyedChain(String url, JdbcClient owner) {
        Flyway.configure()
                .dataSource(new DriverManagerDataSource(url))
                .placeholders(Map.of("appRole", "assure_app"))
                .target("16")
                .load()
                .migrate();
        String previous = null;
        for (int i = 0; i < 5; i++) {
            Instant at = Instant.parse("2025-06-01T09:00:00.123456Z").plus(i, ChronoUnit.MINUTES);
            String hash = i < 2 ? null : sha256(unkeyedContent(previous, at, "o" + i, "old " + i));
            owner.sql("""
                            INSERT INTO audit_event (occurred_at, actor, event_type, object_id, details,
                                                     previous_hash, hash)
                            VALUES (?, 'Before', 'OLD_EVENT', ?, ?, ?, ?)""")
                    .params(Timestamp.from(at), "o" + i, "old " + i, previous, hash)
                    .update();
            previous = hash;
        }
    }

    /** What an event's unkeyed hash covered (uk.assure.audit.ChainedEvent#content), for an event with no user. */
    private static String unkeyedContent(String previous, Instant at, String objectId, String details) {
        return String.join(
                "\u001f",
                String.valueOf(previous),
                "null",
                at.getEpochSecond() + "." + at.getNano() / 1000,
                "null",
                "Before",
                "OLD_EVENT",
                "null",
                objectId,
                "null",
                "null",
                details);
    }

    private static Map<String, String> checks(JdbcClient db) {
        return db.sql("""
                        SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE conrelid = 'public.audit_event'::regclass AND contype = 'c'""").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String part(Path backup, String name) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void useDatabase(String url) {
        System.setProperty("assure.database.url", url);
        System.clearProperty("assure.data-dir");
        SETTINGS.forEach(System::setProperty);
    }

    private static void useDataFolder(Path dataDir) {
        System.setProperty("assure.database.url", "");
        System.setProperty("assure.data-dir", dataDir.toString());
        SETTINGS.forEach(System::setProperty);
    }
}
