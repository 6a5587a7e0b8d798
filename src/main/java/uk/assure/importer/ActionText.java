package uk.assure.importer;

import static uk.assure.importer.CellKinds.DATE_HEAD;
import static uk.assure.importer.CellKinds.DATE_TAIL;
import static uk.assure.importer.CellKinds.LEAD_WORDS;
import static uk.assure.importer.CellKinds.MONTH_ONLY;
import static uk.assure.importer.CellKinds.YEAR_ONLY;
import static uk.assure.importer.CellKinds.YEAR_TAIL;

import java.util.regex.Matcher;

/**
 * Row assembly of an action's own wrapped lines in PDF-column text: joins them, and takes out a timescale (or lead)
 * printed in among them — "March" then "2018", "June 2026 Head of", a date at the end of a line.
 */
final class ActionText {

    private final Warnings warnings;

    ActionText(Warnings warnings) {
        this.warnings = warnings;
    }

    /** A line of the action's own text, read at the given place. */
    void line(PrintedAction draft, String text, SourceLocation at) {
        if (MONTH_ONLY.matcher(text).matches() && draft.pendingMonth == null) {
            draft.pendingMonth = text.strip();
            draft.pendingAt = at;
            return;
        }
        if (draft.pendingMonth != null && YEAR_ONLY.matcher(text).matches()) {
            setDue(draft, draft.pendingMonth + " " + text.strip(), at);
            draft.pendingMonth = null;
            return;
        }
        if (draft.leadInText && LEAD_WORDS.matcher(text).find() && CellKinds.leadFragment(text)) {
            draft.lead = Text.joinSpaced(draft.lead, text.strip());
            return;
        }
        if (CellKinds.isDate(text)
                || draft.due == null && draft.pendingMonth == null && CellKinds.isOpenTimescale(text)) {
            setDue(draft, text, at);
            return;
        }
        Matcher head = DATE_HEAD.matcher(text);
        if (head.matches() && draft.due == null) {
            setDue(draft, head.group(1), at);
            draft.lead = Text.joinSpaced(draft.lead, head.group(2));
            draft.leadInText = true; // the lead column is printed in among the text from here on
            return;
        }
        if (draft.pendingMonth != null) {
            Matcher year = YEAR_TAIL.matcher(text);
            if (year.matches()) {
                setDue(draft, draft.pendingMonth + " " + year.group(2), at);
                draft.pendingMonth = null;
                text = year.group(1);
            }
        }
        Matcher tail = DATE_TAIL.matcher(text);
        if (tail.matches() && draft.due == null) {
            setDue(draft, tail.group(2), at);
            text = tail.group(1);
        }
        draft.appendText(text.strip());
    }

    private void setDue(PrintedAction draft, String due, SourceLocation at) {
        if (draft.due == null) {
            draft.due = HtmlText.oneLine(due);
        } else {
            warnings.notImported(at, "a second timescale in among the lines of action " + draft.ref, due);
        }
    }
}
