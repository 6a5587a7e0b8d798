package uk.assure.system;

import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whose rows the database shows this thread: one partnership's, or — for the few tasks that are about no single
 * partnership (signing in by email, the first run, the command line) — every partnership's. The data source tells
 * PostgreSQL the scope each time it hands out a connection, and row-level security on every partnership table
 * (V10) hides every row outside it. With no scope, a partnership table shows nothing at all.
 *
 * <p>This is the backstop behind the queries, which each say {@code WHERE partnership_id = ?} themselves: a query
 * that forgets returns nothing of another partnership's, rather than everything.
 */
public final class Scope {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    private static final Scope NONE = new Scope(null, false);

    private final Long partnershipId;
    private final boolean everyPartnership;

    private Scope(Long partnershipId, boolean everyPartnership) {
        this.partnershipId = partnershipId;
        this.everyPartnership = everyPartnership;
    }

    /** The scope this thread is in now (none when nothing opened one). */
    public static Scope current() {
        Scope scope = CURRENT.get();
        return scope == null ? NONE : scope;
    }

    /** Until closed, this thread sees only the partnership's rows. */
    public static Opened partnership(long partnershipId) {
        return open(new Scope(partnershipId, false));
    }

    /** Until closed, this thread sees every partnership's rows: only for work that is about no one partnership. */
    public static Opened everyPartnership() {
        return open(new Scope(null, true));
    }

    public static <T> T everyPartnership(Supplier<T> work) {
        try (Opened ignored = everyPartnership()) {
            return work.get();
        }
    }

    public static void everyPartnership(Runnable work) {
        try (Opened ignored = everyPartnership()) {
            work.run();
        }
    }

    public static <T> T partnership(long partnershipId, Supplier<T> work) {
        try (Opened ignored = partnership(partnershipId)) {
            return work.get();
        }
    }

    private static Opened open(Scope next) {
        Scope previous = CURRENT.get();
        if (!next.sameAs(previous) && TransactionSynchronizationManager.isActualTransactionActive()) {
            // the transaction's connection was told the scope when it was handed out; a change now would not reach it
            throw new IllegalStateException("The database scope cannot change inside a transaction");
        }
        CURRENT.set(next);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    private boolean sameAs(Scope other) {
        Scope that = other == null ? NONE : other;
        return everyPartnership == that.everyPartnership && Objects.equals(partnershipId, that.partnershipId);
    }

    /** The value of the {@code assure.partnership} setting: the partnership's id, or empty. */
    String partnershipSetting() {
        return partnershipId == null ? "" : partnershipId.toString();
    }

    /** The value of the {@code assure.every_partnership} setting. */
    String everyPartnershipSetting() {
        return everyPartnership ? "on" : "off";
    }

    @Override
    public String toString() {
        return everyPartnership
                ? "every partnership"
                : partnershipId == null ? "no partnership" : "partnership " + partnershipId;
    }

    /** Closing restores the scope that was open before. */
    public interface Opened extends AutoCloseable {
        @Override
        void close();
    }
}
