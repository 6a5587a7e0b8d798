package uk.assure.plan;

import java.time.Instant;

/**
 * What an action is now: derived from where it started and every update since, never typed over.
 * The action row keeps a copy of this, written in the same transaction as each update.
 */
public record ActionState(
        ActionStatus status,
        String statusWord,
        DueDate currentDue,
        Instant lastUpdateAt,
        Rag declaredRag,
        String declaredRagReason) {

    public static ActionState initial(ActionStatus status, String statusWord, DueDate originalDue) {
        return new ActionState(status, statusWord, originalDue, null, null, null);
    }

    /** The state after one more update. A declared RAG belongs to the update that declared it. */
    public ActionState apply(HistoryEntry entry) {
        return new ActionState(
                entry.statusAfter(),
                entry.statusWord(),
                entry.revisedDue() != null ? entry.revisedDue() : currentDue,
                entry.recordedAt(),
                entry.declaredRag(),
                entry.declaredRagReason());
    }

    public static ActionState replay(ActionState initial, Iterable<HistoryEntry> history) {
        ActionState state = initial;
        for (HistoryEntry entry : history) {
            state = state.apply(entry);
        }
        return state;
    }

    /** One stored update, as far as the state is concerned. */
    public record HistoryEntry(
            Instant recordedAt,
            ActionStatus statusAfter,
            String statusWord,
            DueDate revisedDue,
            Rag declaredRag,
            String declaredRagReason) {}
}
