package uk.assure.plan;

/**
 * A progress update as someone submits it. {@code revisedDue} is null when the date stands; {@code statusWord}
 * is the plan's own word for the status, when the plan has one.
 */
public record ProgressEntry(
        String narrative,
        ActionStatus statusAfter,
        String statusWord,
        String statusReason,
        DueDate revisedDue,
        String revisionReason,
        Rag declaredRag,
        String declaredRagReason,
        String evidenceUrl) {

    public static ProgressEntry note(String narrative, ActionStatus statusAfter) {
        return new ProgressEntry(narrative, statusAfter, null, null, null, null, null, null, null);
    }

    public ProgressEntry withRevisedDue(DueDate due, String reason) {
        return new ProgressEntry(
                narrative,
                statusAfter,
                statusWord,
                statusReason,
                due,
                reason,
                declaredRag,
                declaredRagReason,
                evidenceUrl);
    }

    public ProgressEntry withStatusReason(String reason) {
        return new ProgressEntry(
                narrative,
                statusAfter,
                statusWord,
                reason,
                revisedDue,
                revisionReason,
                declaredRag,
                declaredRagReason,
                evidenceUrl);
    }

    public ProgressEntry withDeclaredRag(Rag rag, String reason) {
        return new ProgressEntry(
                narrative, statusAfter, statusWord, statusReason, revisedDue, revisionReason, rag, reason, evidenceUrl);
    }
}
