package uk.assure.system;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a page works out from a whole partnership's plans (the dashboard's counts, an agency's actions), kept until
 * the partnership's plans change or the day does, and checked in one index probe. The database notes each
 * transaction that writes a table the lists read (V24, {@code partnership_change}); a value is made under a
 * snapshot ({@code pg_current_snapshot()}) taken before it is read, and it holds while every noted transaction of its
 * partnership is one that snapshot already sees. A transaction still running when the value was made, and committed
 * since, is one it does not see: so nothing committed is ever missed, whichever app node wrote it.
 *
 * <p>A value is made on the day given and only served on that day, as the lists' RAG follows the date. Values must
 * be immutable: several requests share one.
 */
@Component
public class PartnershipCache {

    /** How many values are kept, least recently used dropped first: a few partnerships' dashboards and agencies. */
    static final int MOST = 256;

    private record Key(long partnershipId, Object what) {}

    private record Entry(LocalDate day, String snapshot, Object value) {}

    private final JdbcClient jdbc;
    private final LongAdder made = new LongAdder();

    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > MOST;
        }
    };

    PartnershipCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The value kept for this partnership and {@code what} on this day if nothing has changed since it was made;
     * otherwise {@code make}'s, kept. Call in the partnership's scope.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(long partnershipId, Object what, LocalDate day, Supplier<T> make) {
        Key key = new Key(partnershipId, what);
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry != null && entry.day().equals(day) && !changedSince(partnershipId, entry.snapshot())) {
            return (T) entry.value();
        }
        // taken before anything is read, so that whatever the value reads is at least as new as the snapshot says
        String snapshot = jdbc.sql("SELECT CAST(pg_current_snapshot() AS text)")
                .query(String.class)
                .single();
        T value = make.get();
        made.increment();
        synchronized (entries) {
            entries.put(key, new Entry(day, snapshot, value));
        }
        return value;
    }

    /** How many values have been made (not served from the cache) since the start: for tests and benchmarks. */
    public long made() {
        return made.sum();
    }

    private boolean changedSince(long partnershipId, String snapshot) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM partnership_change c
                        WHERE c.partnership_id = :partnership
                          AND c.xid >= pg_snapshot_xmin(CAST(:snapshot AS pg_snapshot))
                          AND NOT pg_visible_in_snapshot(c.xid, CAST(:snapshot AS pg_snapshot)))""")
                .param("partnership", partnershipId)
                .param("snapshot", snapshot)
                .query(Boolean.class)
                .single();
    }
}
