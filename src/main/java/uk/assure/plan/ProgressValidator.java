package uk.assure.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.assure.plan.InvalidProgressException.FieldError;

/** The rules an update must meet before it joins the history; every refusal names its field. */
final class ProgressValidator {

    /** Room for several pages of narrative; a ceiling against mistakes (a whole document pasted), not a style rule. */
    static final int NARRATIVE_MAX = 20_000;
    /** A reason, or a web address. */
    static final int SHORT_MAX = 2_000;

    private ProgressValidator() {}

    static void check(ActionStatus current, ProgressEntry entry) {
        List<FieldError> errors = new ArrayList<>();
        if (isBlank(entry.narrative())) {
            errors.add(new FieldError("narrative", "Enter what has happened since the last update"));
        } else if (entry.narrative().length() > NARRATIVE_MAX) {
            errors.add(new FieldError(
                    "narrative",
                    "The update must be " + count(NARRATIVE_MAX)
                            + " characters or fewer: it has "
                            + count(entry.narrative().length())
                            + ". Attach a longer report as an evidence file"));
        }
        tooLong(errors, "statusReason", "The reason", entry.statusReason());
        tooLong(errors, "revisionReason", "The reason for the new due date", entry.revisionReason());
        tooLong(errors, "declaredRagReason", "The reason", entry.declaredRagReason());
        tooLong(errors, "evidenceUrl", "The web address", entry.evidenceUrl());
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
        if (entry.evidenceUrl() != null
                && !entry.evidenceUrl().isBlank()
                && !entry.evidenceUrl().strip().matches("(?i)https?://\\S+")) {
            errors.add(new FieldError("evidenceUrl", "Enter a web address that starts with https://"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidProgressException(errors);
        }
    }

    private static void tooLong(List<FieldError> errors, String field, String what, String value) {
        if (value != null && value.length() > SHORT_MAX) {
            errors.add(new FieldError(field, what + " must be " + count(SHORT_MAX) + " characters or fewer"));
        }
    }

    private static String count(int n) {
        return String.format(Locale.UK, "%,d", n);
    }

    private static boolean isDeclarable(Rag rag) {
        return rag == Rag.RED || rag == Rag.AMBER || rag == Rag.GREEN;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
