package uk.assure.importer;

import static uk.assure.importer.LineKinds.ACTION_REF;
import static uk.assure.importer.LineKinds.FINDING;
import static uk.assure.importer.LineKinds.OBJECTIVE;
import static uk.assure.importer.LineKinds.PLAN_SUCCESS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The cover block of PDF-column text, up to the first objective or action: the title, "Finding N:" paragraphs and
 * the plan's own success criteria; each other paragraph is reported once, at its first line.
 */
final class PrintedCover {

    private final List<TextLine> lines;
    private final List<ParsedPlan.Finding> findings;
    private final Warnings warnings;
    private final StringBuilder planSuccess = new StringBuilder();
    private String title;

    /** @param findings the plan's findings, which "Finding N:" paragraphs are added to */
    PrintedCover(List<TextLine> lines, List<ParsedPlan.Finding> findings, Warnings warnings) {
        this.lines = lines;
        this.findings = findings;
        this.warnings = warnings;
    }

    /** The first line; null when there is none before the actions. */
    String title() {
        return title;
    }

    /** The success criteria for the whole plan, one a line; null when none. */
    String planSuccess() {
        return planSuccess.isEmpty() ? null : planSuccess.toString();
    }

    /** Reads the cover; returns the index of the first line after it. */
    int read() {
        int i = 0;
        StringBuilder finding = null;
        String findingRef = null;
        SourceLocation findingAt = null;
        boolean success = false;
        boolean gap = false;
        List<TextLine> note = null;
        for (; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            String text = line.text().strip();
            if (text.isEmpty()) {
                gap = true;
                continue;
            }
            boolean afterGap = gap;
            gap = false;
            Matcher ref = ACTION_REF.matcher(text);
            boolean actionStart = ref.matches()
                    && !ref.group(2).isBlank()
                    && Character.isLetter(ref.group(2).codePointAt(0));
            if (actionStart
                    || OBJECTIVE.matcher(text).matches() && i > 0
                    || LineKinds.isHeading(text) && title != null) {
                break;
            }
            if (title == null) {
                title = text;
                continue;
            }
            Matcher f = FINDING.matcher(text);
            if (f.matches()) {
                addFinding(findingRef, finding, findingAt);
                findingRef = LineKinds.findingRef(f.group(1), f.group(2));
                finding = new StringBuilder(f.group(3));
                findingAt = line.at();
                success = false;
                continue;
            }
            if (PLAN_SUCCESS.matcher(text).matches()) {
                addFinding(findingRef, finding, findingAt);
                finding = null;
                success = true;
                continue;
            }
            if (success && !text.toLowerCase(Locale.ROOT).startsWith("please note")) {
                // one criterion per paragraph; a line straight after another is its wrapped continuation
                planSuccess
                        .append(planSuccess.isEmpty() ? "" : afterGap ? "\n" : " ")
                        .append(text);
                continue;
            }
            success = false;
            if (finding != null && !text.toLowerCase(Locale.ROOT).startsWith("please note")) {
                finding.append(' ').append(text);
                continue;
            }
            addFinding(findingRef, finding, findingAt);
            finding = null;
            if (note != null && !afterGap) {
                note.add(line); // the paragraph goes on
            } else {
                noteNotImported(note);
                note = new ArrayList<>(List.of(line));
            }
        }
        addFinding(findingRef, finding, findingAt);
        noteNotImported(note);
        return i;
    }

    /** A paragraph that is none of title, finding or success criteria: one warning at its first line. */
    private void noteNotImported(List<TextLine> paragraph) {
        if (paragraph != null) {
            warnings.notImported(
                    paragraph.get(0).at(),
                    "text before the table of actions"
                            + (paragraph.size() > 1 ? ", " + paragraph.size() + " lines" : ""),
                    TextLine.joined(paragraph));
        }
    }

    private void addFinding(String ref, StringBuilder text, SourceLocation at) {
        if (ref != null && text != null) {
            findings.add(new ParsedPlan.Finding(
                    ref, null, HtmlText.oneLine(text.toString()), at == null ? null : at.describe()));
        }
    }
}
