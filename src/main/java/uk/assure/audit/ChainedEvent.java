package uk.assure.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One audit event as the chain sees it: everything its hash covers, the hash it follows and its own. Events of the
 * keyed chain hash {@link #content()} with HMAC-SHA256 ({@link AuditKey#sign}); those written before it (V7 to V16)
 * with plain SHA-256 ({@link #unkeyedHash}), which anyone could recompute, and which is why the key came.
 */
record ChainedEvent(
        long id,
        Long partnershipId,
        Instant at,
        Long actorUserId,
        String actor,
        String type,
        String objectType,
        String objectId,
        String before,
        String after,
        String details,
        String previousHash,
        String hash) {

    static final String COLUMNS = """
            id, partnership_id, occurred_at, actor_user_id, actor, event_type, object_type, object_id,
            before_state::text, after_state::text, details, previous_hash, hash""";

    static ChainedEvent read(ResultSet rs) throws SQLException {
        return new ChainedEvent(
                rs.getLong(1),
                (Long) rs.getObject(2),
                rs.getTimestamp(3).toInstant(),
                (Long) rs.getObject(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13));
    }

    /** What the hash covers: every field but the id, the hash it follows first, separated by a unit separator. */
    String content() {
        return String.join(
                "\u001f",
                String.valueOf(previousHash),
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
    }

    /** The same event with its hash: keyed, as every event is written now. */
    ChainedEvent signedWith(AuditKey key) {
        return withHash(key.sign(content()));
    }

    ChainedEvent withHash(String newHash) {
        return new ChainedEvent(
                id,
                partnershipId,
                at,
                actorUserId,
                actor,
                type,
                objectType,
                objectId,
                before,
                after,
                details,
                previousHash,
                newHash);
    }

    /** SHA-256 with no key: how events before the keyed chain were hashed. */
    static String unkeyedHash(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
