package uk.assure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.assure.support.TestDatabase;

/**
 * {@code assure restore} on a server named by {@code ASSURE_DATABASE_URL}: a good backup goes into a new empty
 * database whole; a database or data folder that holds anything, and a backup that was changed, damaged or cut
 * short, are refused with what is wrong, before anything is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreRefusalsIT {

    private static final Map<String, String> SETTINGS = Map.of(
            "assure.demo-data", "false",
            "assure.admin.email", "refusals@assure.local",
            "assure.admin.password", "a password for the refusals",
            "logging.level.root", "warn");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    String source;
    Path backup;

    @BeforeAll
    void aDatabaseWithADirectoryAndItsBackup() {
        source = TestDatabase.newDatabase();
        use(source);
        assertThat(Result.run("audit", "verify").exit()).isZero(); // the first run: migrations and the first admin
        JdbcClient owner = TestDatabase.asOwner(source);
        long partnership =
                owner.sql("SELECT id FROM partnership").query(Long.class).single();
        owner.sql(
                        "INSERT INTO agency (partnership_id, external_id, name, short_name) VALUES (?, 'agency-restore-1', ?, 'BSA')")
                .params(partnership, "Borsetshire Safeguarding Agency \t with a tab and \\ a backslash")
                .update();
        backup = folder.resolve("source.zip");
        Result made = Result.run("backup", backup.toString());
        assertThat(made.exit()).as(made.err()).isZero();
    }

    @AfterEach
    void backToTheSource() {
        use(source);
    }

    @AfterAll
    void forgetSettings() {
        System.clearProperty("assure.database.url");
        System.clearProperty("assure.data-dir");
        SETTINGS.keySet().forEach(System::clearProperty);
    }

    @Test
    void aGoodBackupChecksAndGoesIntoANewEmptyDatabaseWhole() {
        Result checked = Result.run("restore", "--check", backup.toString());
        assertThat(checked.exit()).as(checked.err()).isZero();
        assertThat(checked.out()).contains("is a whole backup").contains("every checksum and count matches");

        String target = TestDatabase.newDatabase();
        use(target);
        Result restored = Result.run("restore", backup.toString());

        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(BackupRestoreIT.everyRow(TestDatabase.asOwner(target)))
                .isEqualTo(BackupRestoreIT.everyRow(TestDatabase.asOwner(source)));
        Result verify = Result.run("audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
    }

    @Test
    void aDatabaseThatHoldsTablesIsRefusedAndLeftAsItWas() {
        var before = BackupRestoreIT.everyRow(TestDatabase.asOwner(source));

        Result refused = Result.run("restore", backup.toString());

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err())
                .startsWith("assure restore: the database at ")
                .contains("is not empty: it holds")
                .contains("A restore goes only into an empty database");
        assertThat(BackupRestoreIT.everyRow(TestDatabase.asOwner(source))).isEqualTo(before);
    }

    @Test
    void aDataFolderThatHoldsADatabaseIsRefusedUntouched() throws IOException {
        Path dataDir = folder.resolve("data");
        Files.createDirectories(dataDir.resolve("postgres"));
        Files.writeString(dataDir.resolve("postgres/PG_VERSION"), "17\n");
        System.setProperty("assure.database.url", "");
        System.setProperty("assure.data-dir", dataDir.toString());

        Result refused = Result.run("restore", backup.toString());

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("already holds a database. A restore goes only into an empty data folder");
        try (var files = Files.list(dataDir.resolve("postgres"))) {
            assertThat(files.toList()).containsExactly(dataDir.resolve("postgres/PG_VERSION"));
        }
    }

    @Test
    void aChangedRowIsRefusedNamingItsTableAndNothingIsWritten() throws IOException {
        Path changed = rewritten("changed.zip", Map.of("data.sql", sql -> sql.replace("Borsetshire", "Borchester")));
        String target = emptyTarget();

        Result refused = Result.run("restore", changed.toString());

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err())
                .contains("the rows of table agency in data.sql do not match the manifest")
                .contains("the backup was changed or damaged");
        assertThat(tables(target)).isZero();
    }

    @Test
    void aChangedManifestIsRefused() throws IOException {
        Path changed = rewritten(
                "manifest.zip", Map.of("manifest.json", json -> json.replace("\"rows\" : 1,", "\"rows\" : 2,")));
        String target = emptyTarget();

        Result refused = Result.run("restore", changed.toString());

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("manifest.json does not match its SHA-256 in SHA256SUMS");
        assertThat(tables(target)).isZero();
    }

    @Test
    void aFileCutShortOrNotABackupIsRefused() throws IOException {
        byte[] whole = Files.readAllBytes(backup);
        Path truncated = folder.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(whole, whole.length * 2 / 3));
        Path notABackup = folder.resolve("notes.zip");
        Files.writeString(notABackup, "not a backup at all");
        String target = emptyTarget();

        for (Path bad : new Path[] {truncated, notABackup}) {
            Result refused = Result.run("restore", bad.toString());

            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err())
                    .isEqualToIgnoringNewLines(
                            "assure restore: " + bad + ": not a whole Assure backup: the file is cut "
                                    + "short (truncated) or is not a backup at all (it is not a complete zip archive)");
        }
        assertThat(tables(target)).isZero();
    }

    @Test
    void aBackupFromANewerSchemaIsRefusedNamingTheVersions() throws IOException {
        Path newer = rewritten(
                "newer.zip",
                Map.of(
                        "manifest.json",
                        json -> json.replaceFirst("\"schemaVersion\" : \"\\d+\"", "\"schemaVersion\" : \"999\"")));
        rehash(newer);
        emptyTarget();

        Result refused = Result.run("restore", newer.toString());

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("was made by a newer Assure (schema version 999");
    }

    @Test
    void aRestoreThatFailsPartWayLeavesTheDataFolderEmptyAgain() throws IOException {
        // forged by someone who knew the format: every checksum fits, but the agency names no partnership there is
        Path forged = forged(
                "forged.zip", "agency", row -> row.replace("\t1\tagency-restore-1\t", "\t999\tagency-restore-1\t"));
        Path dataDir = folder.resolve("empty-data");
        System.setProperty("assure.database.url", "");
        System.setProperty("assure.data-dir", dataDir.toString());
        assertThat(Result.run("restore", "--check", forged.toString()).exit()).isZero();

        Result failed = Result.run("restore", forged.toString());

        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err())
                .contains("the restore failed")
                .contains("fk_agency_partnership")
                .contains(dataDir.resolve("postgres").toAbsolutePath() + " is empty again");
        try (var files = Files.list(dataDir.resolve("postgres"))) {
            assertThat(files.toList()).isEmpty();
        }
    }

    private String emptyTarget() {
        String target = TestDatabase.newDatabase();
        use(target);
        return target;
    }

    private static long tables(String url) {
        return TestDatabase.asOwner(url)
                .sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
                .query(Long.class)
                .single();
    }

    private static void use(String url) {
        System.setProperty("assure.database.url", url);
        System.clearProperty("assure.data-dir");
        SETTINGS.forEach(System::setProperty);
    }

    /** A copy of the backup with some of its parts changed, the rest (SHA256SUMS too) as they were. */
    private Path rewritten(String name, Map<String, UnaryOperator<String>> changes) throws IOException {
        Map<String, String> parts = parts(backup);
        changes.forEach((part, change) -> {
            String after = change.apply(parts.get(part));
            assertThat(after).as("the change to " + part + " changes something").isNotEqualTo(parts.get(part));
            parts.put(part, after);
        });
        Path copy = folder.resolve(name);
        write(copy, parts);
        return copy;
    }

    /** A copy of the backup with rows of one table changed and every checksum and size made to fit again. */
    private Path forged(String name, String table, UnaryOperator<String> change) throws IOException {
        Map<String, String> parts = parts(backup);
        String sql = parts.get("data.sql");
        String copy = "COPY public.\"" + table + "\" (";
        int start = sql.indexOf('\n', sql.indexOf(copy)) + 1;
        int end = sql.indexOf("\\.\n", start);
        String rows = change.apply(sql.substring(start, end));
        assertThat(rows).isNotEqualTo(sql.substring(start, end));
        sql = sql.substring(0, start) + rows + sql.substring(end);
        ObjectNode manifest = (ObjectNode) JSON.readTree(parts.get("manifest.json"));
        for (JsonNode t : manifest.get("tables")) {
            if (t.get("name").asText().equals(table)) {
                ((ObjectNode) t).put("sha256", sha256(rows));
            }
        }
        ((ObjectNode) manifest.get("data")).put("sha256", sha256(sql));
        ((ObjectNode) manifest.get("data")).put("bytes", sql.getBytes(StandardCharsets.UTF_8).length);
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        parts.put("data.sql", sql);
        parts.put("manifest.json", json);
        parts.put("SHA256SUMS", sha256(sql) + "  data.sql\n" + sha256(json) + "  manifest.json\n");
        Path file = folder.resolve(name);
        write(file, parts);
        return file;
    }

    /** Makes SHA256SUMS fit the manifest again: a change made by someone who knew the format. */
    private static void rehash(Path file) throws IOException {
        Map<String, String> parts = parts(file);
        parts.put(
                "SHA256SUMS",
                parts.get("SHA256SUMS")
                        .replaceFirst("\\w+  manifest.json", sha256(parts.get("manifest.json")) + "  manifest.json"));
        write(file, parts);
    }

    private static Map<String, String> parts(Path file) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                parts.put(
                        entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    private static void write(Path file, Map<String, String> parts) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
