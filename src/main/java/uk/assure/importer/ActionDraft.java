package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.assure.importer.Columns.Field;

/**
 * An action as row assembly found it, its cells as written, before the field parsers ({@link ActionFields}) read
 * its ref, due date, status and leads. Both assemblers fill these; the PDF-column one through {@link PrintedAction}.
 */
class ActionDraft {

    final SourceLocation at;
    String ref;
    String section;
    final List<String> findingRefs = new ArrayList<>();
    String text;
    String lead;
    String due;
    String status;
    String success;
    String oversight;
    String evidence;
    String progress;
    String next;

    ActionDraft(SourceLocation at) {
        this.at = at;
    }

    /** The action's row, by field. */
    void fill(Map<Field, String> values) {
        text = values.get(Field.ACTION);
        lead = values.get(Field.LEAD);
        due = values.get(Field.DUE);
        status = values.get(Field.STATUS);
        success = values.get(Field.SUCCESS);
        oversight = values.get(Field.OVERSIGHT);
        evidence = values.get(Field.EVIDENCE);
        progress = values.get(Field.PROGRESS);
        next = values.get(Field.NEXT);
    }

    /** The rest of this action's row, after a page break. */
    void append(Map<Field, String> values) {
        text = Text.join(text, values.get(Field.ACTION));
        lead = Text.joinInline(lead, values.get(Field.LEAD));
        due = Text.joinInline(due, values.get(Field.DUE));
        status = Text.joinInline(status, values.get(Field.STATUS));
        success = Text.join(success, values.get(Field.SUCCESS));
        oversight = Text.join(oversight, values.get(Field.OVERSIGHT));
        evidence = Text.join(evidence, values.get(Field.EVIDENCE));
        progress = Text.join(progress, values.get(Field.PROGRESS));
        next = Text.join(next, values.get(Field.NEXT));
    }

    /** Through the field parsers: next steps go under the progress as "Next: …"; what cannot be read, to warnings. */
    ParsedPlan.Action parse(Warnings warnings) {
        String progressText = progress;
        if (next != null) {
            progressText = (progressText == null ? "" : progressText + "\n") + "Next: " + next;
        }
        return ActionFields.build(
                new ActionFields.Raw(
                        ref,
                        section,
                        List.copyOf(findingRefs),
                        text,
                        lead,
                        due,
                        status,
                        success,
                        oversight,
                        evidence,
                        progressText,
                        at),
                warnings.list());
    }
}
