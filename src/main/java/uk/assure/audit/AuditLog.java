package uk.assure.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way events are written to the audit log: who, when, what, and the state before and after, each event
 * chained to the one before it by SHA-256. Writers take a transaction-scoped advisory lock so that the chain has
 * one order even with several app nodes; the table itself refuses updates and deletes.
 */
@Service
public class AuditLog {

    private static final long CHAIN_LOCK = 0x4155444954L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(CHAIN_LOCK)
                .query(Object.class)
                .single();
        // the newest event of any partnership, read by a function that runs as the owner of the table
        String previous = jdbc.sql("SELECT audit_chain_head()")
                .query(String.class)
                .optional()
                .orElse(null);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String before = json(event.before());
        String after = json(event.after());
        String hash = hash(
                previous,
                event.partnershipId(),
                at,
                event.actorUserId(),
                event.actor(),
                event.type(),
                event.objectType(),
                event.objectId(),
                before,
                after,
                event.details());
        jdbc.sql("""
                INSERT INTO audit_event (partnership_id, occurred_at, actor_user_id, actor, event_type, object_type,
                    object_id, before_state, after_state, details, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)""")
                .params(
                        event.partnershipId(),
                        Timestamp.from(at),
                        event.actorUserId(),
                        event.actor(),
                        event.type(),
                        event.objectType(),
                        event.objectId(),
                        before,
                        after,
                        event.details(),
                        previous,
                        hash)
                .update();
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

    /** The first event whose chain does not hold, if any: its id and why. */
    public record Break(long id, String reason) {}

    @Transactional(readOnly = true)
    public Optional<Break> verify() {
        String[] previous = {null};
        Break[] broken = {null};
        jdbc.sql("""
                SELECT id, partnership_id, occurred_at, actor_user_id, actor, event_type, object_type, object_id,
                       before_state::text, after_state::text, details, previous_hash, hash
                FROM audit_event ORDER BY id""").query(rs -> {
            if (broken[0] != null) {
                return;
            }
            long id = rs.getLong("id");
            String stored = rs.getString("hash");
            if (stored == null) {
                previous[0] = null; // events written before the chain began
                return;
            }
            if (!Objects.equals(previous[0], rs.getString("previous_hash"))) {
                broken[0] = new Break(id, "it does not follow the event before it (one was removed or reordered)");
                return;
            }
            String expected = hash(
                    rs.getString("previous_hash"),
                    (Long) rs.getObject("partnership_id"),
                    rs.getTimestamp("occurred_at").toInstant(),
                    (Long) rs.getObject("actor_user_id"),
                    rs.getString("actor"),
                    rs.getString("event_type"),
                    rs.getString("object_type"),
                    rs.getString("object_id"),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString("details"));
            if (!expected.equals(stored)) {
                broken[0] = new Break(id, "its content was changed after it was written");
                return;
            }
            previous[0] = stored;
        });
        return Optional.ofNullable(broken[0]);
    }

    static String hash(
            String previous,
            Long partnershipId,
            Instant at,
            Long actorUserId,
            String actor,
            String type,
            String objectType,
            String objectId,
            String before,
            String after,
            String details) {
        String content = String.join(
                "\u001f",
                String.valueOf(previous),
                String.valueOf(partnershipId),
                at.getEpochSecond() + "." + at.truncatedTo(ChronoUnit.MICROS).getNano() / 1000,
                String.valueOf(actorUserId),
                String.valueOf(actor),
                String.valueOf(type),
                String.valueOf(objectType),
                String.valueOf(objectId),
                String.valueOf(before),
                String.valueOf(after),
                String.valueOf(details));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
