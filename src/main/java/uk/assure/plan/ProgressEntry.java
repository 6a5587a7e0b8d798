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
        String evidenceUrl,
        Boolean offTrack) {

    /** An entry that leaves the lead's judgement to the plan's word: "Behind schedule", "Delayed", "At risk". */
    public ProgressEntry(
            String narrative,
            ActionStatus statusAfter,
            String statusWord,
            String statusReason,
            DueDate revisedDue,
            String revisionReason,
            Rag declaredRag,
            String declaredRagReason,
            String evidenceUrl) {
        this(
                narrative,
                statusAfter,
                statusWord,
                statusReason,
                revisedDue,
                revisionReason,
                declaredRag,
                declaredRagReason,
                evidenceUrl,
                null);
    }

    public static ProgressEntry note(String narrative, ActionStatus statusAfter) {
        return new ProgressEntry(narrative, statusAfter, null, null, null, null, null, null, null);
    }

    /** The lead says whether the action is on track (false) or behind (true); null leaves it to the plan's word. */
    public ProgressEntry withOffTrack(Boolean behind) {
        return new ProgressEntry(
                narrative,
                statusAfter,
                statusWord,
                statusReason,
                revisedDue,
                revisionReason,
                declaredRag,
                declaredRagReason,
                evidenceUrl,
                behind);
    }

    /** Off track by the lead's answer, else by the plan's word or a Red or Amber they declared; never once done. */
    boolean behind() {
        if (statusAfter == null || statusAfter.isDone()) {
            return false;
        }
        if (offTrack != null) {
            return offTrack;
        }
        return StatusVocabulary.isOffTrack(statusWord) || declaredRag == Rag.RED || declaredRag == Rag.AMBER;
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
                evidenceUrl,
                offTrack);
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
                evidenceUrl,
                offTrack);
    }

    public ProgressEntry withDeclaredRag(Rag rag, String reason) {
        return new ProgressEntry(
                narrative,
                statusAfter,
                statusWord,
                statusReason,
                revisedDue,
                revisionReason,
                rag,
                reason,
                evidenceUrl,
                offTrack);
    }
}
