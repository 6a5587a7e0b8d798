package uk.assure.plan;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What RAG is worked out from.
 *
 * @param currentDue the due date now in force, or null when there is none
 * @param lastActivity the day of the last progress update, or the day the action was created if it has none
 */
public record RagInput(ActionStatus status, DueDate currentDue, LocalDate lastActivity) {

    public RagInput {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastActivity, "lastActivity");
    }
}
