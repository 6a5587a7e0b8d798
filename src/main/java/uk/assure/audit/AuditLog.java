package uk.assure.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way events are written to the audit log: who, when, what, and the state before and after, each event
 * chained to the one before it by an HMAC-SHA256 under a key the database does not hold ({@link AuditKey}). Writers
 * take a transaction-scoped advisory lock so that the chain has one order even with several app nodes; the table
 * itself refuses updates and deletes, and a constraint refuses an event without its hashes (V17).
 */
@Service
public class AuditLog {

    private static final long CHAIN_LOCK = 0x4155444954L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditKey key;
    private final AuditVerification verification;
    private final TransactionTemplate ownTransaction;
    private volatile boolean keyChecked;
    private final AtomicLong recorded = new AtomicLong();

    AuditLog(
            JdbcClient jdbc,
            Clock clock,
            AuditKey key,
            AuditVerification verification,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = key;
        this.verification = verification;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One thing that happened. {@code partnershipId} is null for events outside any partnership (a failed sign-in). */
    public record Event(
            Long partnershipId,
            Long actorUserId,
            String actor,
            String type,
            String objectType,
            String objectId,
            Object before,
            Object after,
            String details) {}

    /** Writes the event in the caller's transaction, or in its own when there is none. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Event event) {
        checkKey();
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(CHAIN_LOCK)
                .query(Object.class)
                .single();
        // the newest keyed event of any partnership (or the anchor), read by a function that runs as the table's owner
        String previous = jdbc.sql("SELECT audit_chain_head()")
                .query(String.class)
                .optional()
                .orElse(null);
        ChainedEvent chained = new ChainedEvent(
                        0,
                        event.partnershipId(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS),
                        event.actorUserId(),
                        event.actor(),
                        event.type(),
                        event.objectType(),
                        event.objectId(),
                        json(event.before()),
                        json(event.after()),
                        event.details(),
                        previous,
                        null)
                .signedWith(key);
        jdbc.sql("""
                INSERT INTO audit_event (partnership_id, occurred_at, actor_user_id, actor, event_type, object_type,
                    object_id, before_state, after_state, details, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)""")
                .params(
                        chained.partnershipId(),
                        Timestamp.from(chained.at()),
                        chained.actorUserId(),
                        chained.actor(),
                        chained.type(),
                        chained.objectType(),
                        chained.objectId(),
                        chained.before(),
                        chained.after(),
                        chained.details(),
                        chained.previousHash(),
                        chained.hash())
                .update();
        recorded.incrementAndGet();
    }

    /** How many events this process has written (some may have been rolled back): tells a checkpoint is due. */
    long recorded() {
        return recorded.get();
    }

    /** One event as the audit page shows it. */
    public record Row(
            long id,
            Instant occurredAt,
            String actor,
            String type,
            String objectType,
            String objectId,
            String before,
            String after,
            String details) {}

    /** What the audit page filters by; any part may be null. {@code to} is inclusive. */
    public record Filter(String type, String actor, LocalDate from, LocalDate to) {}

    public record Page(List<Row> rows, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** A partnership's events, newest first, filtered, a page at a time. */
    @Transactional(readOnly = true)
    public Page list(long partnershipId, Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE partnership_id = :p");
        Map<String, Object> params = new HashMap<>();
        params.put("p", partnershipId);
        if (filter.type() != null) {
            where.append(" AND event_type = :type");
            params.put("type", filter.type());
        }
        if (filter.actor() != null) {
            where.append(" AND actor ILIKE :actor ESCAPE '\\'");
            params.put(
                    "actor",
                    "%"
                            + filter.actor()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        ZoneId zone = clock.getZone();
        if (filter.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < :to");
            params.put(
                    "to",
                    Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Row> rows = jdbc.sql("""
                SELECT id, occurred_at, actor, event_type, object_type, object_id, before_state::text, after_state::text, details
                FROM audit_event""" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) Math.max(0, page - 1) * size)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
        return new Page(rows, total, Math.max(1, page), size);
    }

    /** The kinds of event a partnership has, for the filter. */
    @Transactional(readOnly = true)
    public List<String> types(long partnershipId) {
        return jdbc.sql("SELECT DISTINCT event_type FROM audit_event WHERE partnership_id = ? ORDER BY 1")
                .param(partnershipId)
                .query(String.class)
                .list();
    }

    /**
     * The first event whose chain does not hold, if any: its id and why. An id of 0 names no one event (the chain's
     * record is missing, or a checkpoint is of another database's chain).
     */
    public record Break(long id, String reason) {

        /** One line for a person: "audit event 12 fails: it does not follow the event before it". */
        public String describe() {
            return id > 0 ? "audit event " + id + " fails: " + reason : "the audit log fails: " + reason;
        }
    }

    /** The whole chain, against the checkpoints the app writes (ASSURE_AUDIT_CHECKPOINT_FILE). */
    public Optional<Break> verify() {
        return verification.verify(null, null).broken();
    }

    /**
     * The chain's newest event and its hash now, as a checkpoint; while the log is empty, event 0 and the anchor, so
     * that the checkpoint file names its chain from the first start. Empty only when the newest event has no hash.
     */
    @Transactional(readOnly = true)
    public Optional<Checkpoint> head() {
        ChainStart start = ChainStart.read(jdbc)
                .orElseThrow(() -> new IllegalStateException("The audit chain's record (audit_chain) is missing"));
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Checkpoint head = jdbc.sql("SELECT id, hash FROM audit_chain_newest() WHERE id IS NOT NULL")
                .query((rs, n) -> new Checkpoint(at, start.chain(), start.keyedFrom(), rs.getLong(1), rs.getString(2)))
                .optional()
                .orElseGet(() -> new Checkpoint(at, start.chain(), start.keyedFrom(), 0, start.anchor()));
        return head.hash() == null ? Optional.empty() : Optional.of(head);
    }

    /**
     * Refuses a key other than the one the chain was written with, before anything is written with it; the first
     * start of the keyed chain records the key's check value (its own transaction, so a caller's rollback keeps it).
     */
    void checkKey() {
        if (keyChecked) {
            return;
        }
        String stored = ownTransaction.execute(status -> {
            jdbc.sql("SELECT audit_chain_set_key_check(?)")
                    .param(key.check())
                    .query(Object.class)
                    .optional();
            return jdbc.sql("SELECT key_check FROM audit_chain")
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> new IllegalStateException(
                            "The audit chain's record (audit_chain) is missing: run `assure audit verify`"));
        });
        if (!key.check().equals(stored)) {
            throw new IllegalStateException("The audit key (" + key.source() + ") is not the one this audit log was "
                    + "written with: no event can be written or verified with it. Start with the key the log was "
                    + "written with (ASSURE_AUDIT_KEY; on the embedded database, the file audit.key in the data "
                    + "folder).");
        }
        keyChecked = true;
    }

    /** JSON as PostgreSQL's jsonb gives it back, so that the hash of what was written can be checked later. */
    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            String raw = JSON.writeValueAsString(value);
            return jdbc.sql("SELECT ?::jsonb::text")
                    .param(raw)
                    .query(String.class)
                    .single();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
