package uk.assure.plan;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What RAG is worked out from.
 *
 * @param completion for a Completed action, whether it is only claimed or signed off; null otherwise
 * @param currentDue the due date in force (the original, or the last accepted revision), or null when there is none
 * @param originalDue the due date the plan first gave, or null
 * @param revisions how many revisions of the due date have been accepted
 * @param requestedDue a revision asked for and not yet accepted (it does not count), or null
 * @param offTrack the lead's own word that the action is behind, or null when they say it is on track
 * @param lastActivity the day of the last progress update, or the day the action was created if it has none
 */
public record RagInput(
        ActionStatus status,
        Completion completion,
        DueDate currentDue,
        DueDate originalDue,
        int revisions,
        DueDate requestedDue,
        LeadJudgement offTrack,
        LocalDate lastActivity) {

    public RagInput {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastActivity, "lastActivity");
        if (status == ActionStatus.COMPLETED && completion == null) {
            completion = Completion.CONFIRMED;
        }
        if (status != ActionStatus.COMPLETED) {
            completion = null;
        }
    }

    /** An action with no revisions, no request and no word from its lead: a completed one counts as confirmed. */
    public RagInput(ActionStatus status, DueDate currentDue, LocalDate lastActivity) {
        this(status, null, currentDue, currentDue, 0, null, null, lastActivity);
    }
}
