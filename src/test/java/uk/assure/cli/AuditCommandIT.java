package uk.assure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.assure.AssureApplication;
import uk.assure.audit.AuditLog;
import uk.assure.support.TestDatabase;

/**
 * {@code assure audit verify} as whoever runs the server uses it: the app has run and written its checkpoints to the
 * file beside it; the table's owner then cuts or rewrites the log; the command names the event, and says so by its
 * exit code (0 intact, 1 an event fails, 2 nothing can be concluded).
 */
class AuditCommandIT {

    private static final Map<String, String> SETTINGS = Map.of(
            "assure.demo-data", "false",
            "assure.admin.email", "audit-admin@assure.local",
            "assure.admin.password", "an audit admin's password",
            "logging.level.root", "warn");

    @TempDir
    Path dir;

    String url;
    Path checkpoints;
    JdbcClient owner;

    /** The app runs once on a fresh database, events are written, and it stops: its checkpoint at shutdown. */
    @BeforeEach
    void theAppHasRunAndWrittenItsCheckpoints() {
        url = TestDatabase.newDatabase();
        checkpoints = dir.resolve("audit-checkpoints.log");
        System.setProperty("assure.database.url", url);
        System.setProperty("assure.audit.checkpoint-file", checkpoints.toString());
        SETTINGS.forEach(System::setProperty);
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(AssureApplication.class).run("--server.port=0")) {
            AuditLog audit = app.getBean(AuditLog.class);
            for (int i = 0; i < 3; i++) {
                audit.record(
                        new AuditLog.Event(null, null, "Tester", "TEST_EVENT", "thing", "t" + i, null, null, null));
            }
        }
        owner = TestDatabase.asOwner(url);
    }

    @AfterEach
    void forgetIt() {
        System.clearProperty("assure.database.url");
        System.clearProperty("assure.audit.checkpoint-file");
        System.clearProperty("assure.audit.key");
        SETTINGS.keySet().forEach(System::clearProperty);
    }

    @Test
    void anIntactLogIsSaidSoWithTheCheckpointsItHolds() throws Exception {
        long newest = newestEvent();
        assertThat(Files.readString(checkpoints)).contains("event=" + newest + " hash=");

        Result result = Result.run("audit", "verify");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("The audit log is intact: ")
                .contains("each chained to the one before")
                .contains("It matches the 1 checkpoint in " + checkpoints)
                .contains("the newest saw event " + newest);
    }

    @Test
    void theNewestEventsDeletedAreNamedByTheCheckpoint() {
        long newest = newestEvent();
        long first =
                owner.sql("SELECT min(id) FROM audit_event").query(Long.class).single();
        asOwner("DELETE FROM audit_event WHERE id > " + first);

        Result result = Result.run("audit", "verify");

        assertThat(result.exit()).isEqualTo(AuditCommand.FAILS);
        assertThat(result.err().strip())
                .startsWith("assure audit verify: audit event " + newest + " fails: it is missing: the log ends at "
                        + "event " + first)
                .contains(checkpoints.toString())
                .contains("newest events were removed");
    }

    @Test
    void anEventChangedAndRecomputedIsNamedAndVerifySinceStartsAfterIt() {
        List<Long> ids = owner.sql("SELECT id FROM audit_event ORDER BY id")
                .query(Long.class)
                .list();
        long changed = ids.get(0);
        asOwner("UPDATE audit_event SET actor = 'Someone else' WHERE id = " + changed);

        Result whole = Result.run("audit", "verify");
        Result since = Result.run("audit", "verify", "--since", String.valueOf(ids.get(1)));

        assertThat(whole.exit()).isEqualTo(AuditCommand.FAILS);
        assertThat(whole.err().strip())
                .isEqualTo("assure audit verify: audit event " + changed + " fails: its HMAC does not match: it was "
                        + "changed after it was written, or its hash was made without the audit key");
        assertThat(since.exit()).as(since.err()).isZero();
        assertThat(since.out()).startsWith("The audit log is intact from event " + ids.get(1) + ": ");
    }

    @Test
    void anotherKeyCannotProveTheLog() {
        System.setProperty("assure.audit.key", "bm90IHRoZSBrZXkgdGhlIGxvZyB3YXMgd3JpdHRlbiB3aXRoIQ==");

        Result result = Result.run("audit", "verify");

        assertThat(result.exit()).isEqualTo(AuditCommand.FAILS);
        assertThat(result.err())
                .contains("its HMAC does not match")
                .contains("the key given, from ASSURE_AUDIT_KEY, is not the one this log was written with");
    }

    @Test
    void nothingCanBeConcludedWithoutAKeyOrFromAFileThatIsNotCheckpoints() throws Exception {
        Path other = Files.writeString(dir.resolve("other.log"), "not a checkpoint\n");

        Result unreadable = Result.run("audit", "verify", "--checkpoints", other.toString());

        assertThat(unreadable.exit()).isEqualTo(AuditCommand.CANNOT_VERIFY);
        assertThat(unreadable.err().strip())
                .isEqualTo("assure audit verify: cannot verify: line 1 of the checkpoint file " + other
                        + " is not a checkpoint");

        System.setProperty("assure.audit.key", "");
        Result keyless = Result.run("audit", "verify");

        assertThat(keyless.exit()).isEqualTo(AuditCommand.CANNOT_VERIFY);
        assertThat(keyless.err()).startsWith("assure audit verify: cannot verify: ASSURE_AUDIT_KEY is not set");
    }

    @Test
    void withNoCheckpointFileTheLogVerifiesButSaysWhatIsNotProved() {
        Result result = Result.run(
                "audit", "verify", "--checkpoints", dir.resolve("elsewhere.log").toString());

        assertThat(result.exit()).isZero();
        Matcher warning = Pattern.compile("Warning: no checkpoint file at (\\S+), so the newest events could have "
                        + "been removed unseen")
                .matcher(result.out());
        assertThat(warning.find()).as(result.out()).isTrue();
    }

    private long newestEvent() {
        return owner.sql("SELECT max(id) FROM audit_event").query(Long.class).single();
    }

    private void asOwner(String statement) {
        owner.sql("ALTER TABLE audit_event DISABLE TRIGGER trg_audit_event_append_only")
                .update();
        try {
            owner.sql(statement).update();
        } finally {
            owner.sql("ALTER TABLE audit_event ENABLE TRIGGER trg_audit_event_append_only")
                    .update();
        }
    }
}
