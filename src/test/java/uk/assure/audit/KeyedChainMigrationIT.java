package uk.assure.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.assure.support.TestDatabase;

/**
 * V17 on a database whose events were hashed the old way (SHA-256, no key), some from before the chain began with
 * no hash at all: they stay verifiable as they are, the keyed chain starts after them anchored on the newest one's
 * hash, and rewriting the old part — which anyone could recompute — is named all the same.
 */
class KeyedChainMigrationIT {

    @TempDir
    Path dir;

    JdbcClient owner;
    AuditKey key;
    AuditVerification verification;
    AuditLog audit;
    List<Long> old;

    @BeforeEach
    void eventsOfTheUnkeyedChainThenTheMigration() {
        String url = TestDatabase.newDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
        owner = JdbcClient.create(dataSource);
        migrate(dataSource, "16");
        old = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < 5; i++) {
            // two written before V7 hashed anything, then three chained by SHA-256
            String hash = i < 2
                    ? null
                    : ChainedEvent.unkeyedHash(event(0, i, previous).content());
            old.add(owner.sql("""
                    INSERT INTO audit_event (occurred_at, actor, event_type, object_id, details, previous_hash, hash)
                    VALUES (?, 'Before', 'OLD_EVENT', ?, ?, ?, ?) RETURNING id""")
                    .params(Timestamp.from(at(i)), "o" + i, "old " + i, previous, hash)
                    .query(Long.class)
                    .single());
            previous = hash;
        }
        migrate(dataSource, "latest");
        byte[] bytes = new byte[AuditKey.MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        key = new AuditKey(bytes, "ASSURE_AUDIT_KEY");
        verification = new AuditVerification(owner, key, dir.resolve("audit-checkpoints.log"));
        audit = new AuditLog(owner, Clock.systemUTC(), key, verification, new DataSourceTransactionManager(dataSource));
    }

    @Test
    void theOldEventsStayVerifiableAndTheKeyedChainStartsFromTheNewestOfThem() {
        String newestOld = hashOf(old.get(4));
        assertThat(owner.sql("SELECT keyed_from, anchor FROM audit_chain")
                        .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2))
                        .single())
                .isEqualTo((old.get(4) + 1) + " " + newestOld);

        audit.record(new AuditLog.Event(null, null, "After", "NEW_EVENT", "thing", "n1", null, Map.of("n", 1), null));
        audit.record(new AuditLog.Event(null, null, "After", "NEW_EVENT", "thing", "n2", null, null, "second"));

        AuditVerification.Report report = verification.verify(null, null);
        assertThat(report.broken()).isEmpty();
        assertThat(report.events()).isEqualTo(7);
        assertThat(report.keyedFrom()).isEqualTo(old.get(4) + 1);
        assertThat(owner.sql("SELECT previous_hash FROM audit_event WHERE id > ? ORDER BY id LIMIT 1")
                        .param(old.get(4))
                        .query(String.class)
                        .single())
                .as("the first keyed event follows the newest unkeyed one")
                .isEqualTo(newestOld);
    }

    @Test
    void anOldEventRewrittenWithItsUnkeyedChainRecomputedIsNamedWhereItMeetsTheKeyedChain() {
        audit.record(new AuditLog.Event(null, null, "After", "NEW_EVENT", "thing", "n1", null, null, null));

        rewriteOldChainFrom(3);

        assertThat(verification.verify(null, null).broken()).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo(old.get(4));
            assertThat(b.reason()).contains("no longer end in the hash the keyed chain was anchored on");
        });
    }

    @Test
    void beforeAnyKeyedEventTheConstraintAndACheckpointHoldTheOldPart() {
        assertThatThrownBy(() -> asOwner("UPDATE audit_event SET hash = NULL WHERE id = " + old.get(3)))
                .hasMessageContaining("ck_audit_event_hashed");
        CheckpointFile checkpoints = new CheckpointFile(dir.resolve("audit-checkpoints.log"));
        checkpoints.append(audit.head().orElseThrow());

        rewriteOldChainFrom(3);

        assertThat(verification.verify(null, null).broken()).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo(old.get(4));
            assertThat(b.reason()).contains("its hash is not the one the checkpoint of");
        });
    }

    /** Changes old event {@code i} and makes its SHA-256 and those of the old events after it again. */
    private void rewriteOldChainFrom(int i) {
        String previous = hashOf(old.get(i - 1));
        for (int j = i; j < old.size(); j++) {
            ChainedEvent e = event(old.get(j), j, previous);
            if (j == i) {
                e = new ChainedEvent(
                        e.id(),
                        null,
                        e.at(),
                        null,
                        e.actor(),
                        e.type(),
                        null,
                        e.objectId(),
                        null,
                        null,
                        "rewritten",
                        previous,
                        null);
                asOwner("UPDATE audit_event SET details = 'rewritten' WHERE id = " + e.id());
            }
            String hash = ChainedEvent.unkeyedHash(e.content());
            asOwner("UPDATE audit_event SET previous_hash = '" + previous + "', hash = '" + hash + "' WHERE id = "
                    + e.id());
            previous = hash;
        }
    }

    private static ChainedEvent event(long id, int i, String previous) {
        return new ChainedEvent(
                id, null, at(i), null, "Before", "OLD_EVENT", null, "o" + i, null, null, "old " + i, previous, null);
    }

    private static Instant at(int i) {
        return Instant.parse("2025-06-01T09:00:00.123456Z").plus(i, ChronoUnit.MINUTES);
    }

    private String hashOf(long id) {
        return owner.sql("SELECT hash FROM audit_event WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
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

    private static void migrate(DriverManagerDataSource dataSource, String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .placeholders(Map.of("appRole", "assure_app"))
                .target(target)
                .load()
                .migrate();
    }
}
