package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;

/** Row assembly's draft of a finding: its ref, section and text so far, and the refs the actions below it answer. */
final class FindingDraft {

    final String ref;
    final String section;
    String text;
    final SourceLocation at;
    /** What the actions under this finding answer: its own ref, or a list ("Findings 2, 3 and 5"). */
    final List<String> refs = new ArrayList<>();

    FindingDraft(String ref, String section, String text, SourceLocation at) {
        this.ref = ref;
        this.section = section;
        this.text = text;
        this.at = at;
        if (ref != null) {
            refs.add(ref);
        }
    }

    /** More of the finding's text, after a page break or in a row below. */
    void append(String more) {
        text = Text.join(text, more);
    }

    ParsedPlan.Finding parse() {
        return new ParsedPlan.Finding(
                ref, section, HtmlText.collapse(text == null ? "" : text), at == null ? null : at.describe());
    }
}
