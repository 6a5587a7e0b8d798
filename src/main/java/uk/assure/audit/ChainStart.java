package uk.assure.audit;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The row of {@code audit_chain} (V17): the chain's id, the first event hashed with the key, the hash that event
 * follows (the newest unkeyed event's, or {@link #genesis()} when there was none) and the key's check value.
 */
record ChainStart(UUID chain, long keyedFrom, String anchor, String keyCheck) {

    /** What a chain with no event before it starts from (V17 makes the same). */
    String genesis() {
        return ChainedEvent.unkeyedHash("assure audit chain " + chain);
    }

    static Optional<ChainStart> read(JdbcClient jdbc) {
        return jdbc.sql("SELECT chain_id, keyed_from, anchor, key_check FROM audit_chain")
                .query((rs, n) ->
                        new ChainStart(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional();
    }
}
