package uk.assure.plan;

import java.util.ArrayList;
import java.util.List;
import uk.assure.plan.InvalidProgressException.FieldError;

/** The rules an update must meet before it joins the history; every refusal names its field. */
final class ProgressValidator {

    private ProgressValidator() {}

    static void check(ActionStatus current, ProgressEntry entry) {
        List<FieldError> errors = new ArrayList<>();
        if (isBlank(entry.narrative())) {
            errors.add(new FieldError("narrative", "Enter what has happened since the last update"));
        }
        if (entry.statusAfter() == null) {
            errors.add(new FieldError("status", "Select a status"));
        } else {
            try {
                StatusTransitions.check(current, entry.statusAfter(), entry.statusReason());
            } catch (StatusTransitionException e) {
                String field = StatusTransitions.isAllowed(current, entry.statusAfter()) ? "statusReason" : "status";
                errors.add(new FieldError(field, e.getMessage()));
            }
        }
        if (entry.revisedDue() != null && isBlank(entry.revisionReason())) {
            errors.add(new FieldError("revisionReason", "Give a reason for the new due date"));
        }
        if (entry.declaredRag() != null && !isDeclarable(entry.declaredRag())) {
            errors.add(new FieldError("declaredRag", "Select red, amber or green"));
        } else if (entry.declaredRag() != null && isBlank(entry.declaredRagReason())) {
            errors.add(new FieldError("declaredRagReason", "Give a reason for the RAG rating you declare"));
        }
        if (entry.evidenceUrl() != null && !entry.evidenceUrl().isBlank()
                && !entry.evidenceUrl().strip().matches("(?i)https?://\\S+")) {
            errors.add(new FieldError("evidenceUrl", "Enter a web address that starts with https://"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidProgressException(errors);
        }
    }

    private static boolean isDeclarable(Rag rag) {
        return rag == Rag.RED || rag == Rag.AMBER || rag == Rag.GREEN;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
