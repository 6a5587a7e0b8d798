package uk.assure.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import uk.assure.audit.AuditLog.Break;
import uk.assure.support.DatabaseTest;
import uk.assure.support.TestDatabase;

/**
 * The audit log is append-only and chained by HMAC under a key the database does not hold, and checked against
 * checkpoints written outside it: each way the table's owner could cut or rewrite it is named by {@code verify}.
 */
@DatabaseTest
class AuditLogIT {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerification verification;

    @Autowired
    AuditKey key;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${assure.database.url}")
    String url;

    @TempDir
    Path dir;

    JdbcClient owner;

    CheckpointFile checkpoints;

    /** Each test starts its own chain (TRUNCATE, as the database owner may; the app's role may not). */
    @BeforeEach
    void anEmptyLog() {
        owner = TestDatabase.asOwner(url);
        owner.sql("TRUNCATE audit_event").update();
        checkpoints = new CheckpointFile(dir.resolve("audit-checkpoints.log"));
    }

    @Test
    void anIntactChainVerifiesAndATamperedEventIsNamed() {
        List<Long> ids = write(4);
        assertThat(audit.verify()).isEmpty();

        asOwner("UPDATE audit_event SET actor = 'Someone else' WHERE id = " + ids.get(1));

        assertThat(audit.verify()).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo(ids.get(1));
            assertThat(b.reason()).contains("HMAC does not match");
        });
    }

    @Test
    void aRemovedEventBreaksTheChainAtTheNextOne() {
        List<Long> ids = write(3);

        asOwner("DELETE FROM audit_event WHERE id = " + ids.get(1));

        assertThat(audit.verify()).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo(ids.get(2));
            assertThat(b.reason()).contains("does not follow");
        });
    }

    @Test
    void theAppCannotChangeOrDeleteAnEventAndTheOwnerOnlyByTurningTheTriggerOff() {
        long id = write(1).get(0);

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'x' WHERE id = ?")
                        .param(id)
                        .update())
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?")
                        .param(id)
                        .update())
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> owner.sql("UPDATE audit_event SET actor = 'x' WHERE id = ?")
                        .param(id)
                        .update())
                .rootCause()
                .hasMessageContaining("append only");
        assertThatThrownBy(() -> owner.sql("DELETE FROM audit_event WHERE id = ?")
                        .param(id)
                        .update())
                .rootCause()
                .hasMessageContaining("append only");
    }

    // The cuts and rewrites of issue 11 that used to verify as intact, each made as the table's owner.

    @Test
    void deletingTheNewestEventsIsNamedByTheCheckpointThatSawThem() {
        List<Long> ids = write(5);
        Checkpoint seen = checkpoint();
        assertThat(seen.event()).isEqualTo(ids.get(4));
        assertThat(verify(null)).isEmpty();

        asOwner("DELETE FROM audit_event WHERE id >= " + ids.get(3));

        assertThat(verify(null)).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo(ids.get(4));
            assertThat(b.reason())
                    .contains("it is missing: the log ends at event " + ids.get(2))
                    .contains("line 3 of " + checkpoints.path())
                    .contains("newest events were removed");
        });
        assertThat(verification.verify(null, dir.resolve("none")).broken())
                .as("without a checkpoint the cut cannot be seen: what the checkpoints are for")
                .isEmpty();
    }

    @Test
    void theNewestHashSetToNullIsRefusedAndWithTheConstraintDroppedItIsNamed() {
        List<Long> ids = write(3);
        long newest = ids.get(2);

        assertThatThrownBy(() -> asOwner("UPDATE audit_event SET hash = NULL WHERE id = " + newest))
                .hasMessageContaining("ck_audit_event_hashed");
        assertThatThrownBy(() -> asOwner("UPDATE audit_event SET previous_hash = NULL WHERE id = " + newest))
                .hasMessageContaining("ck_audit_event_linked");

        String constraint = owner.sql(
                        "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ck_audit_event_hashed'")
                .query(String.class)
                .single();
        owner.sql("ALTER TABLE audit_event DROP CONSTRAINT ck_audit_event_hashed")
                .update();
        try {
            asOwner("UPDATE audit_event SET hash = NULL WHERE id = " + newest);

            assertThat(audit.verify()).hasValueSatisfying(b -> {
                assertThat(b.id()).isEqualTo(newest);
                assertThat(b.reason()).contains("it has no hash");
            });

            asOwner("UPDATE audit_event SET hash = NULL WHERE id = " + ids.get(0));
            assertThat(audit.verify())
                    .as("nor is a hash-less event in the middle taken as from before the chain")
                    .hasValueSatisfying(b -> assertThat(b.id()).isEqualTo(ids.get(0)));
        } finally {
            owner.sql("TRUNCATE audit_event").update();
            owner.sql("ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_hashed " + constraint)
                    .update();
        }
    }

    @Test
    void anEventChangedAndTheChainRecomputedForwardWithoutTheKeyIsNamed() {
        List<Long> ids = write(5);

        rewriteFrom(ids.get(1), "Someone else", ChainedEvent::unkeyedHash);

        assertThat(audit.verify()).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo(ids.get(1));
            assertThat(b.reason()).contains("HMAC does not match");
        });
    }

    @Test
    void anEventChangedAndTheChainRecomputedForwardWithAnotherKeyIsNamed() {
        List<Long> ids = write(5);
        AuditKey guessed = new AuditKey(randomBytes(), "a guess");

        rewriteFrom(ids.get(2), "Someone else", guessed::sign);

        assertThat(audit.verify()).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo(ids.get(2));
            assertThat(b.reason()).contains("HMAC does not match");
        });
    }

    @Test
    void evenWithTheKeyARewriteIsNamedByACheckpointAfterIt() {
        List<Long> ids = write(5);
        checkpoint();

        rewriteFrom(ids.get(1), "Someone else", key::sign);

        assertThat(verify(null)).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo(ids.get(4));
            assertThat(b.reason()).contains("its hash is not the one the checkpoint of");
        });
    }

    @Test
    void twoEventsSwappedAreNamed() {
        List<Long> ids = write(4);
        String columns = "partnership_id, occurred_at, actor_user_id, actor, event_type, object_type, object_id, "
                + "before_state, after_state, details, previous_hash, hash";
        String set = String.join(
                ", ",
                Arrays.stream(columns.split(", ")).map(c -> c + " = o." + c).toList());
        asOwner("UPDATE audit_event e SET " + set + " FROM audit_event o WHERE (e.id, o.id) IN ((" + ids.get(1) + ", "
                + ids.get(2) + "), (" + ids.get(2) + ", " + ids.get(1) + "))");

        assertThat(audit.verify()).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo(ids.get(1));
            assertThat(b.reason()).contains("does not follow the event before it");
        });
    }

    @Test
    void aCheckpointOfAnotherDatabaseIsNotTakenForThisOne() {
        write(2);
        checkpoints.append(new Checkpoint(Instant.now(), UUID.randomUUID(), 1, 2, "0".repeat(64)));

        assertThat(verify(null)).hasValueSatisfying(b -> {
            assertThat(b.id()).isZero();
            assertThat(b.reason()).contains("is a checkpoint of another audit log");
        });
    }

    @Test
    void verifyFromACheckpointNamesTheFirstEventAfterItThatDoesNotFit() {
        List<Long> ids = write(3);
        long seen = checkpoint().event();
        List<Long> more = write(3);

        AuditVerification.Report intact = verification.verify(seen, checkpoints.path());
        assertThat(intact.broken()).isEmpty();
        assertThat(intact.events()).isEqualTo(4);
        assertThat(intact.first()).isEqualTo(seen);
        assertThat(intact.checkpointsMatched()).isOne();

        asOwner("UPDATE audit_event SET details = 'rewritten' WHERE id = " + ids.get(0));
        asOwner("UPDATE audit_event SET details = 'rewritten' WHERE id = " + more.get(1));

        assertThat(verify(seen)).hasValueSatisfying(b -> assertThat(b.id()).isEqualTo(more.get(1)));
        assertThat(verify(null)).hasValueSatisfying(b -> assertThat(b.id()).isEqualTo(ids.get(0)));
    }

    @Test
    void aLineThatIsNotACheckpointLeavesNothingToConclude() throws Exception {
        write(1);
        Files.writeString(checkpoints.path(), "2026-01-01T00:00:00Z event=1 hash=abc\n");

        assertThatThrownBy(() -> verification.verify(null, checkpoints.path()))
                .isInstanceOf(AuditVerification.CannotVerify.class)
                .hasMessageContaining("line 1 of the checkpoint file " + checkpoints.path() + " is not a checkpoint");
    }

    @Test
    void anotherKeyIsRefusedBeforeAnythingIsWrittenWithIt() {
        write(1);
        AuditLog withAnotherKey = new AuditLog(
                jdbc, Clock.systemUTC(), new AuditKey(randomBytes(), "ASSURE_AUDIT_KEY"), verification, transactions);

        assertThatThrownBy(() -> withAnotherKey.record(event(9)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the one this audit log was written with");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event")
                        .query(Long.class)
                        .single())
                .isOne();
    }

    private Checkpoint checkpoint() {
        Checkpoint head = audit.head().orElseThrow();
        checkpoints.append(head);
        return head;
    }

    private Optional<Break> verify(Long since) {
        return verification.verify(since, checkpoints.path()).broken();
    }

    private List<Long> write(int n) {
        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event")
                .query(Long.class)
                .single();
        for (int i = 0; i < n; i++) {
            audit.record(event(i));
        }
        return jdbc.sql("SELECT id FROM audit_event WHERE id > ? ORDER BY id")
                .param(before)
                .query(Long.class)
                .list();
    }

    private static AuditLog.Event event(int i) {
        return new AuditLog.Event(
                null,
                null,
                "Tester",
                "TEST_EVENT",
                "thing",
                "t" + i,
                Map.of("n", i),
                Map.of("n", i + 1, "note", "child's \"name\" <b>"),
                "detail " + i);
    }

    /**
     * What an owner who knows how the chain is made would do: change an event's actor, then make its hash and every
     * later one again with {@code hashing}, each following the one before, so that every link holds.
     */
    private void rewriteFrom(long id, String actor, UnaryOperator<String> hashing) {
        asOwner("UPDATE audit_event SET actor = '" + actor + "' WHERE id = " + id);
        String previous = owner.sql("SELECT hash FROM audit_event WHERE id < ? ORDER BY id DESC LIMIT 1")
                .param(id)
                .query(String.class)
                .optional()
                .orElseGet(() -> owner.sql("SELECT anchor FROM audit_chain")
                        .query(String.class)
                        .single());
        List<ChainedEvent> events = owner.sql(
                        "SELECT " + ChainedEvent.COLUMNS + " FROM audit_event WHERE id >= ? ORDER BY id")
                .param(id)
                .query((rs, n) -> ChainedEvent.read(rs))
                .list();
        for (ChainedEvent e : events) {
            ChainedEvent linked = new ChainedEvent(
                    e.id(),
                    e.partnershipId(),
                    e.at(),
                    e.actorUserId(),
                    e.actor(),
                    e.type(),
                    e.objectType(),
                    e.objectId(),
                    e.before(),
                    e.after(),
                    e.details(),
                    previous,
                    null);
            String hash = hashing.apply(linked.content());
            asOwner("UPDATE audit_event SET previous_hash = '" + previous + "', hash = '" + hash + "' WHERE id = "
                    + e.id());
            previous = hash;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[AuditKey.MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Tampering as someone with the database owner's rights would: the app's own statements are refused. */
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
