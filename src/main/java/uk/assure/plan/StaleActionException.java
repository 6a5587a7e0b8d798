package uk.assure.plan;

import java.time.Instant;

/**
 * Someone else changed the action after this person opened it. Their write is refused, not merged: the page
 * shows both versions and nothing is lost.
 */
public class StaleActionException extends RuntimeException {

    private final String lastUpdatedBy;
    private final Instant lastUpdatedAt;

    public StaleActionException(String lastUpdatedBy, Instant lastUpdatedAt) {
        super("This action was updated by " + lastUpdatedBy + " after you opened it. Your update has not been saved.");
        this.lastUpdatedBy = lastUpdatedBy;
        this.lastUpdatedAt = lastUpdatedAt;
    }

    public String lastUpdatedBy() {
        return lastUpdatedBy;
    }

    public Instant lastUpdatedAt() {
        return lastUpdatedAt;
    }
}
