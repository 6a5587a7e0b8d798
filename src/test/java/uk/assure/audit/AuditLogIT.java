package uk.assure.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.assure.support.DatabaseTest;
import uk.assure.support.TestDatabase;

/** The audit log is append-only and hash-chained: a changed, removed or reordered event is found and named. */
@DatabaseTest
class AuditLogIT {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Value("${assure.database.url}")
    String url;

    JdbcClient owner;

    /** Each test starts its own chain (TRUNCATE, as the database owner may; the app's role may not). */
    @BeforeEach
    void anEmptyLog() {
        owner = TestDatabase.asOwner(url);
        owner.sql("TRUNCATE audit_event").update();
    }

    @Test
    void anIntactChainVerifiesAndATamperedEventIsNamed() {
        List<Long> ids = write(4);
        assertThat(audit.verify()).isEmpty();

        asOwner("UPDATE audit_event SET actor = 'Someone else' WHERE id = " + ids.get(1));

        assertThat(audit.verify()).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo(ids.get(1));
            assertThat(b.reason()).contains("content was changed");
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

    private List<Long> write(int n) {
        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event")
                .query(Long.class)
                .single();
        for (int i = 0; i < n; i++) {
            audit.record(new AuditLog.Event(
                    null,
                    null,
                    "Tester",
                    "TEST_EVENT",
                    "thing",
                    "t" + i,
                    Map.of("n", i),
                    Map.of("n", i + 1, "note", "child's \"name\" <b>"),
                    "detail " + i));
        }
        return jdbc.sql("SELECT id FROM audit_event WHERE id > ? ORDER BY id")
                .param(before)
                .query(Long.class)
                .list();
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
