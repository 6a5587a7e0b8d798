package uk.assure.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.system.Message;
import uk.assure.web.FormError;

/**
 * The action page's forms as they are sent, each field with its ceiling (Bean Validation, the message key beside it),
 * and the GOV.UK date input read into a due date.
 */
final class ActionForms {

    private ActionForms() {}

    /** The edit form: an admin changes the action's wording and fields; its history is untouched. */
    record EditForm(
            String version,

            @Size(max = ActionChanges.REF_MAX, message = "{edit.ref.tooLong}") String ref,

            @NotBlank(message = "{edit.text.missing}") @Size(max = ActionChanges.TEXT_MAX, message = "{edit.text.tooLong}") String text,

            @Size(max = ActionChanges.SHORT_MAX, message = "{edit.leadRaw.tooLong}") String leadRaw,

            @Size(max = ActionChanges.SHORT_MAX, message = "{edit.oversightRaw.tooLong}") String oversightRaw,

            @Size(max = ActionChanges.TEXT_MAX, message = "{edit.expectedImpact.tooLong}") String expectedImpact,

            @Size(max = ActionChanges.TEXT_MAX, message = "{edit.evidenceOfImpact.tooLong}") String evidenceOfImpact) {

        static EditForm of(ActionPage action) {
            return new EditForm(
                    String.valueOf(action.version()),
                    action.ref(),
                    action.text(),
                    action.lead(),
                    action.oversight(),
                    action.expectedImpact(),
                    action.evidenceOfImpact());
        }

        /** The same, as of another version of the action. */
        EditForm at(int version) {
            return new EditForm(
                    String.valueOf(version), ref, text, leadRaw, oversightRaw, expectedImpact, evidenceOfImpact);
        }
    }

    /** A board member's comment. */
    record CommentForm(
            @Size(max = Comments.MAX_LENGTH, message = "{comment.tooLong}") String comment) {}

    /**
     * What the update form holds, as typed. The service's own rules ({@link ProgressValidator}) hold for every field
     * too, for the page and the API alike; the ceilings here refuse what is far too long before anything else.
     */
    record UpdateForm(
            String version,

            @Size(max = ProgressValidator.NARRATIVE_MAX, message = "{progress.narrative.tooLong}") String narrative,

            @Size(max = STATUS_MAX, message = "{progress.status.missing}") String status,

            @Size(max = ProgressValidator.SHORT_MAX, message = "{progress.statusReason.tooLong}") String statusReason,

            @Size(max = DATE_PART_MAX, message = "{update.dueDate.invalid}") String dueDay,

            @Size(max = DATE_PART_MAX, message = "{update.dueDate.invalid}") String dueMonth,

            @Size(max = DATE_PART_MAX, message = "{update.dueDate.invalid}") String dueYear,

            @Size(max = ProgressValidator.SHORT_MAX, message = "{progress.revisionReason.tooLong}") String revisionReason,

            @Size(max = ProgressValidator.SHORT_MAX, message = "{progress.evidenceUrl.tooLong}") String evidenceUrl,

            /** "yes" or "no", the answer to "Is the action on track?"; longer is no answer. */
            @Size(max = STATUS_MAX, message = "{progress.onTrack.invalid}") String onTrack) {

        /** Room for any status's name; a longer one is no status. */
        static final int STATUS_MAX = 20;
        /** Room for a part of a date with spaces around it; a longer one is no date. */
        static final int DATE_PART_MAX = 10;

        static UpdateForm blank(ActionPage action) {
            return new UpdateForm(
                    String.valueOf(action.version()),
                    "",
                    action.status().name(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    action.signOff().offTrack() == null ? "yes" : "no");
        }

        /** The same, as of another version of the action. */
        UpdateForm at(int version) {
            return new UpdateForm(
                    String.valueOf(version),
                    narrative,
                    status,
                    statusReason,
                    dueDay,
                    dueMonth,
                    dueYear,
                    revisionReason,
                    evidenceUrl,
                    onTrack);
        }

        /** The lead's answer to "Is the action on track?": behind (true), on track (false), or not given. */
        Boolean offTrack() {
            return "no".equals(onTrack) ? Boolean.TRUE : "yes".equals(onTrack) ? Boolean.FALSE : null;
        }
    }

    /** The GOV.UK date input: all empty means the date stands; otherwise a real date, every part given. */
    static DueDate revisedDue(UpdateForm form, List<FormError> errors) {
        String day = trim(form.dueDay());
        String month = trim(form.dueMonth());
        String year = trim(form.dueYear());
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return null;
        }
        String first = day.isEmpty() ? "dueDate-day" : month.isEmpty() ? "dueDate-month" : "dueDate-year";
        Message missing = missing(day.isEmpty(), month.isEmpty(), year.isEmpty());
        if (missing != null) {
            errors.add(FormError.of(first, missing));
            return null;
        }
        if (!day.matches("\\d{1,2}") || !month.matches("\\d{1,2}") || !year.matches("\\d{4}")) {
            errors.add(FormError.of("dueDate-day", Message.of("update.dueDate.invalid")));
            return null;
        }
        try {
            return DueDate.exact(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            errors.add(FormError.of("dueDate-day", Message.of("update.dueDate.invalid")));
            return null;
        }
    }

    /** "The new due date must include a day and a month": which parts are missing, or null when none is. */
    private static Message missing(boolean day, boolean month, boolean year) {
        if (day) {
            return month
                    ? Message.of("update.dueDate.missing.dayMonth")
                    : year ? Message.of("update.dueDate.missing.dayYear") : Message.of("update.dueDate.missing.day");
        }
        if (month) {
            return year ? Message.of("update.dueDate.missing.monthYear") : Message.of("update.dueDate.missing.month");
        }
        return year ? Message.of("update.dueDate.missing.year") : null;
    }

    /** The date input's parts are named dueDay, dueMonth, dueYear; on the page their ids are dueDate-day... */
    static String onPage(String field) {
        return switch (field) {
            case "dueDay" -> "dueDate-day";
            case "dueMonth" -> "dueDate-month";
            case "dueYear" -> "dueDate-year";
            default -> field;
        };
    }

    /** The version the form was opened at; -1, which no action has, when it sent none that can be read. */
    static int version(String s) {
        Integer version = number(s);
        return version == null ? -1 : version;
    }

    /** A whole number as the form sent it (a version), or null. */
    static Integer number(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
