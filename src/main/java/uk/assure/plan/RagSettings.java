package uk.assure.plan;

/**
 * @param warningDays how many days ahead a not-started action's due date turns it Amber
 * @param staleDays how many days without an update an action may go before it turns Amber
 */
public record RagSettings(int warningDays, int staleDays) {

    public RagSettings {
        if (warningDays < 0 || staleDays < 0) {
            throw new IllegalArgumentException(
                    "RAG windows cannot be negative: warning " + warningDays + ", stale " + staleDays);
        }
    }

    public static RagSettings defaults() {
        return new RagSettings(30, 60);
    }
}
