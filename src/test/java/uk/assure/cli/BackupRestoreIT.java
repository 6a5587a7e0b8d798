package uk.assure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.assure.AssureApplication;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.EvidenceFile;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;
import uk.assure.support.Browserless;
import uk.assure.system.EmbeddedPostgresServer;
import uk.assure.system.RunningEmbeddedServer;
import uk.assure.system.Scope;

/**
 * The restore drill of docs/backup.md, on the embedded default as an operator runs it: the app runs with a plan and
 * its history, updates are recorded, {@code assure backup} copies it while the app runs, more updates follow; then
 * {@code assure restore} into a new data folder, the app starts on it, and every row up to the backup is there byte
 * for byte, nothing after it is, and {@code assure audit verify} passes.
 */
class BackupRestoreIT {

    /** Text COPY must escape: tab, newline, carriage return, backslashes, \N, quotes, and more than one plane. */
    private static final String AWKWARD =
            "Tab\there; line\nbreak\r\nand \\ backslash, a \\N, 'quotes' \"too\", " + "ü, ✓ and 😀";

    @TempDir
    Path folder;

    @AfterEach
    void forgetSettings() {
        System.clearProperty("assure.data-dir");
        System.clearProperty("assure.database.url");
        System.clearProperty("assure.audit.key");
    }

    @Test
    void everyUpdateUpToTheBackupComesBackByteForByteAndNoneAfterIt() throws IOException {
        Path live = folder.resolve("live");
        Path restored = folder.resolve("restored");
        Path backup = folder.resolve("assure-nightly.zip");
        Map<String, List<String>> atBackup;
        List<String> before;
        List<String> after;
        try (ConfigurableApplicationContext app = start(live)) {
            Updates updates = new Updates(app);
            before = updates.record(4, "before the backup");
            atBackup = everyRow(owner(live));
            assertThat(atBackup.get("evidence_file")).isNotEmpty();

            useEmbedded(live);
            Result made = Result.run("backup", backup.toString());

            assertThat(made.exit()).as(made.err()).isZero();
            int port = RunningEmbeddedServer.find(live).orElseThrow().port();
            assertThat(made.out())
                    .as("it used the app's own server rather than starting a second on the same data")
                    .contains("the embedded server running on")
                    .contains("port " + port + ")");
            after = updates.record(3, "after the backup");
        }

        useEmbedded(restored);
        Result restore = Result.run("restore", backup.toString());

        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored " + backup);
        assertThat(Files.readAllBytes(restored.resolve("audit.key")))
                .as("the audit key the live chain was written with came back with it")
                .isEqualTo(Files.readAllBytes(live.resolve("audit.key")));
        try (ConfigurableApplicationContext app = start(restored)) {
            assertThat(new Browserless(port(app)).get("/actuator/health").body())
                    .contains("\"status\":\"UP\"");
            Map<String, List<String>> back = everyRow(owner(restored));
            assertThat(back.keySet()).isEqualTo(atBackup.keySet());
            atBackup.forEach((table, rows) ->
                    assertThat(back.get(table)).as("the rows of " + table).isEqualTo(rows));
            Set<String> narratives = new HashSet<>(owner(restored)
                    .sql("SELECT narrative FROM progress_update")
                    .query(String.class)
                    .list());
            assertThat(narratives).containsAll(before).doesNotContainAnyElementsOf(after);
        }
        Result verify = Result.run("audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("The audit log is intact");
    }

    @Test
    void aBackupTakenDuringABurstOfUpdatesHoldsOneMomentWhole() throws Exception {
        Path live = folder.resolve("busy");
        Path restored = folder.resolve("restored");
        Path backup = folder.resolve("assure-busy.zip");
        AtomicInteger recorded = new AtomicInteger();
        int recordedBeforeBackup;
        Map<String, Long> versionsLessUpdates;
        try (ConfigurableApplicationContext app = start(live)) {
            Updates updates = new Updates(app);
            versionsLessUpdates = versionsLessUpdates(owner(live));
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
                while (!stop.get()) {
                    updates.record(1, "burst " + recorded.incrementAndGet());
                }
            });
            while (recorded.get() < 5) {
                Thread.onSpinWait();
            }
            recordedBeforeBackup = recorded.get() - 1;
            useEmbedded(live);
            Result made = Result.run("backup", backup.toString());
            stop.set(true);
            burst.get();
            assertThat(made.exit()).as(made.err()).isZero();
        }

        useEmbedded(restored);
        assertThat(Result.run("restore", backup.toString()).exit()).isZero();
        Result verify = Result.run("audit", "verify");

        assertThat(verify.exit()).as(verify.err()).isZero();
        try (var server = EmbeddedPostgresServer.start(restored)) {
            JdbcClient db = JdbcClient.create(new DriverManagerDataSource(server.jdbcUrl(), server.user(), ""));
            List<String> updates = db.sql("SELECT external_id FROM progress_update WHERE narrative LIKE 'burst %'")
                    .query(String.class)
                    .list();
            List<String> audited = db.sql("""
                            SELECT substring(details FROM 8) FROM audit_event
                            WHERE event_type = 'PROGRESS_RECORDED' AND details LIKE 'update %'
                              AND object_id IN (SELECT a.external_id FROM action a)""").query(String.class).list();
            assertThat(updates.size()).isBetween(recordedBeforeBackup, recorded.get());
            assertThat(audited)
                    .as("each update in the backup has its audit event, and no event names an update it lacks")
                    .containsAll(updates);
            // a sign-off step moves the version without an update row, so compare with before the burst
            assertThat(versionsLessUpdates(db))
                    .as("every action's version counts the updates the backup holds")
                    .isEqualTo(versionsLessUpdates);
        }
    }

    /** Records updates through the app's own service, each audited, one with a file of every byte value. */
    private static final class Updates {
        private final ProgressService progress;
        private final JdbcClient jdbc;
        private final Random random = new Random(11);

        Updates(ConfigurableApplicationContext app) {
            this.progress = app.getBean(ProgressService.class);
            this.jdbc = app.getBean(JdbcClient.class);
        }

        List<String> record(int count, String when) {
            List<String> narratives = new ArrayList<>();
            try (var scope = Scope.everyPartnership()) {
                var open = jdbc.sql("""
                                SELECT partnership_id, external_id, version FROM action
                                WHERE status IN ('NOT_STARTED', 'IN_PROGRESS') ORDER BY id LIMIT ?""")
                        .param(count)
                        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3)})
                        .list();
                for (Object[] action : open) {
                    String narrative = when + " #" + narratives.size() + ": " + AWKWARD;
                    byte[] bytes = new byte[4096];
                    random.nextBytes(bytes);
                    for (int b = 0; b < 256; b++) {
                        bytes[b] = (byte) b;
                    }
                    progress.record(
                            (Long) action[0],
                            (String) action[1],
                            (Integer) action[2],
                            ProgressEntry.note(narrative, ActionStatus.IN_PROGRESS),
                            new ProgressService.Author(null, "Drill"),
                            narratives.isEmpty() ? new EvidenceFile("scan.png", "image/png", bytes) : null);
                    narratives.add(narrative);
                }
            }
            return narratives;
        }
    }

    private void useEmbedded(Path dataDir) {
        System.setProperty("assure.data-dir", dataDir.toString());
        System.setProperty("assure.database.url", "");
        System.setProperty("assure.audit.key", ""); // the default: the key file the app makes in the data folder
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(AssureApplication.class)
                .run(
                        "--assure.data-dir=" + dataDir,
                        "--assure.database.url=",
                        "--assure.audit.key=",
                        "--assure.admin.email=drill@assure.local",
                        "--server.port=0",
                        "--logging.level.root=warn");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** The running embedded server, as the owner of the tables: past row-level security. */
    private static JdbcClient owner(Path dataDir) {
        RunningEmbeddedServer server = RunningEmbeddedServer.find(dataDir).orElseThrow();
        return JdbcClient.create(new DriverManagerDataSource(server.jdbcUrl(), server.user(), ""));
    }

    /** Each update adds one to its action's version: the difference stays put while updates are recorded. */
    private static Map<String, Long> versionsLessUpdates(JdbcClient db) {
        Map<String, Long> differences = new TreeMap<>();
        db.sql("""
                        SELECT a.external_id,
                               a.version - (SELECT count(*) FROM progress_update u WHERE u.action_id = a.id)
                        FROM action a""")
                .query((rs, n) -> differences.put(rs.getString(1), rs.getLong(2)))
                .list();
        return differences;
    }

    /** Every row of every table a backup holds, each in PostgreSQL's own text form, sorted. */
    static Map<String, List<String>> everyRow(JdbcClient db) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : db.sql("""
                        SELECT tablename FROM pg_tables WHERE schemaname = 'public'
                          AND tablename NOT IN ('flyway_schema_history', 'spring_session', 'spring_session_attributes',
                                                'partnership_change')""").query(String.class).list()) {
            rows.put(
                    table,
                    db.sql("SELECT r::text FROM public.\"" + table + "\" r ORDER BY 1")
                            .query(String.class)
                            .list());
        }
        return rows;
    }
}
