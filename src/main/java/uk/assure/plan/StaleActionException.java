package uk.assure.plan;

import java.time.Instant;
import uk.assure.system.Message;
import uk.assure.system.MessageException;

/**
 * Someone else changed the action after this person opened it. Their write is refused, not merged: the page
 * shows both versions and nothing is lost.
 */
public class StaleActionException extends MessageException {

    private final String lastUpdatedBy;
    private final Instant lastUpdatedAt;

    public StaleActionException(String lastUpdatedBy, Instant lastUpdatedAt) {
        super(Message.of("update.stale.refused", lastUpdatedBy));
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
