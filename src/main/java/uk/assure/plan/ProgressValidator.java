package uk.assure.plan;

import java.util.ArrayList;
import java.util.List;
import uk.assure.plan.InvalidProgressException.FieldError;
import uk.assure.system.Message;

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
            errors.add(FieldError.of("narrative", Message.of("progress.narrative.missing")));
        } else if (entry.narrative().length() > NARRATIVE_MAX) {
            errors.add(FieldError.of(
                    "narrative",
                    Message.of(
                            "progress.narrative.tooLong",
                            NARRATIVE_MAX,
                            entry.narrative().length())));
        }
        tooLong(
                errors,
                "statusReason",
                entry.statusReason(),
                Message.of("progress.statusReason.tooLong", SHORT_MAX, length(entry.statusReason())));
        tooLong(
                errors,
                "revisionReason",
                entry.revisionReason(),
                Message.of("progress.revisionReason.tooLong", SHORT_MAX, length(entry.revisionReason())));
        tooLong(
                errors,
                "declaredRagReason",
                entry.declaredRagReason(),
                Message.of("progress.declaredRagReason.tooLong", SHORT_MAX, length(entry.declaredRagReason())));
        tooLong(
                errors,
                "evidenceUrl",
                entry.evidenceUrl(),
                Message.of("progress.evidenceUrl.tooLong", SHORT_MAX, length(entry.evidenceUrl())));
        if (entry.statusAfter() == null) {
            errors.add(FieldError.of("status", Message.of("progress.status.missing")));
        } else {
            try {
                StatusTransitions.check(current, entry.statusAfter(), entry.statusReason());
            } catch (StatusTransitionException e) {
                String field = StatusTransitions.isAllowed(current, entry.statusAfter()) ? "statusReason" : "status";
                errors.add(FieldError.of(field, e.message()));
            }
        }
        if (entry.revisedDue() != null && isBlank(entry.revisionReason())) {
            errors.add(FieldError.of("revisionReason", Message.of("progress.revisionReason.missing")));
        }
        if (entry.declaredRag() != null && !isDeclarable(entry.declaredRag())) {
            errors.add(FieldError.of("declaredRag", Message.of("progress.declaredRag.invalid")));
        } else if (entry.declaredRag() != null && isBlank(entry.declaredRagReason())) {
            errors.add(FieldError.of("declaredRagReason", Message.of("progress.declaredRagReason.missing")));
        }
        if (entry.evidenceUrl() != null
                && !entry.evidenceUrl().isBlank()
                && !entry.evidenceUrl().strip().matches("(?i)https?://\\S+")) {
            errors.add(FieldError.of("evidenceUrl", Message.of("progress.evidenceUrl.invalid")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidProgressException(errors);
        }
    }

    private static void tooLong(List<FieldError> errors, String field, String value, Message refusal) {
        if (length(value) > SHORT_MAX) {
            errors.add(FieldError.of(field, refusal));
        }
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static boolean isDeclarable(Rag rag) {
        return rag == Rag.RED || rag == Rag.AMBER || rag == Rag.GREEN;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
