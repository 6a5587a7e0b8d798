package uk.assure.importer;

import static uk.assure.importer.CellKinds.DATE_HEAD;
import static uk.assure.importer.CellKinds.SENTENCE_WORDS;
import static uk.assure.importer.CellKinds.YEAR_ONLY;
import static uk.assure.importer.LineKinds.ACTION_REF;
import static uk.assure.importer.LineKinds.FINDING;
import static uk.assure.importer.LineKinds.OBJECTIVE;
import static uk.assure.importer.LineKinds.PAGE_NUMBER;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * First pass of row assembly for PDF-column text: actions from their hierarchical refs (1.2 and 1.2.1 are separate
 * actions) with their own text; objectives and "Recommendation N:" as sections; headings and page numbers repeated
 * on every page dropped; and the blocks of lines (between blank lines) printed after each action kept as its cells.
 */
final class ActionLines {

    private final List<TextLine> lines;
    private final String title;
    private final Objectives objectives;
    private final ActionText actionText;
    private final Warnings warnings;
    private final List<PrintedAction> drafts = new ArrayList<>();
    private boolean progressColumn;

    ActionLines(List<TextLine> lines, String title, Objectives objectives, Warnings warnings) {
        this.lines = lines;
        this.title = title;
        this.objectives = objectives;
        this.actionText = new ActionText(warnings);
        this.warnings = warnings;
    }

    /** The actions, in print order. */
    List<PrintedAction> drafts() {
        return drafts;
    }

    /** A column heading named progress, status or RAG was printed. */
    boolean progressColumn() {
        return progressColumn;
    }

    /** Reads the lines from start on. */
    void read(int start) {
        PrintedAction current = null;
        boolean inText = false;
        List<TextLine> block = new ArrayList<>();
        int i = start;
        while (i < lines.size()) {
            TextLine line = lines.get(i);
            String text = line.text().strip();
            Matcher ref = ACTION_REF.matcher(text);
            if (LineKinds.isActionStart(ref)) {
                close(block, current);
                PrintedAction next = new PrintedAction(ref.group(1), line.at());
                if (current != null
                        && next.ref.startsWith(current.ref + ".")
                        && current.text.strip().endsWith(":")
                        && current.due == null
                        && current.pendingMonth == null
                        && current.lead == null) {
                    // a parent with no timescale of its own ("… in assessments by:") sits in a narrow column
                    // beside its children, whose cells follow it: those are its first child's
                    next.cells.addAll(current.cells);
                    current.cells.clear();
                    current.parent = true;
                }
                current = next;
                drafts.add(current);
                actionText.line(current, ref.group(2), line.at());
                inText = true;
                i++;
                continue;
            }
            Matcher finding = FINDING.matcher(text);
            if (finding.matches()) {
                close(block, current);
                inText = false;
                i = objectives.findingSection(i, finding);
                continue;
            }
            Matcher objective = OBJECTIVE.matcher(text);
            if (objective.matches()
                    && Character.isUpperCase(objective.group(2).codePointAt(0))
                    && !objectives.has(Integer.parseInt(objective.group(1)))
                    && block.stream().noneMatch(l -> OBJECTIVE.matcher(l.text()).matches())) {
                // (a "2." under a "1." in the same block is a numbered list in a cell, not the next objective)
                close(block, current);
                inText = false;
                i = objectives.objective(i, Integer.parseInt(objective.group(1)), objective.group(2));
                continue;
            }
            if (LineKinds.isHeading(text) || PAGE_NUMBER.matcher(text).matches() || text.equals(title)) {
                // a column heading, the headings, title or page number repeated on each page: not content
                progressColumn |= LineKinds.isHeading(text) && text.matches("(?i).*\\b(progress|status|rag)\\b.*");
                close(block, current);
                i++;
                continue;
            }
            if (line.blank()) {
                inText = false;
                close(block, current);
            } else if (current == null) {
                warnings.notImported(line.at(), "text before the first action", text);
            } else if (inText) {
                actionText.line(current, text, line.at());
            } else {
                block.add(line);
            }
            i++;
        }
        close(block, current);
    }

    /** A block of lines printed after an action, kept as its cells for the second pass. */
    private void close(List<TextLine> block, PrintedAction draft) {
        if (block.isEmpty()) {
            return;
        }
        List<TextLine> cell = objectives.takeTail(new ArrayList<>(block));
        block.clear();
        if (cell.isEmpty()) {
            return;
        }
        if (draft == null) {
            cell.forEach(l -> warnings.notImported(l.at(), "text before the first action", l.text()));
            return;
        }
        if (draft.pendingMonth != null
                && draft.due == null
                && YEAR_ONLY.matcher(cell.get(0).text()).matches()) {
            // "March" ended the action's lines, "2018" starts the next block
            draft.due = draft.pendingMonth + " " + cell.get(0).text().strip();
            draft.pendingMonth = null;
            cell.remove(0);
        }
        if (!cell.isEmpty()) {
            draft.cells.addAll(split(cell));
        }
    }

    /**
     * A block holding more than one cell: the lowercase tail of a cell cut by a page break ("full by the group") before
     * the next cell; a timescale starting a line part-way down ("August 2026 Quality"), which begins the next row's
     * timescale and lead.
     */
    static List<List<TextLine>> split(List<TextLine> cell) {
        List<List<TextLine>> parts = new ArrayList<>();
        int from = 0;
        if (Text.startsLower(cell.get(0).text())) {
            int to = 1;
            while (to < cell.size() && Text.startsLower(cell.get(to).text())) {
                to++;
            }
            parts.add(new ArrayList<>(cell.subList(0, to)));
            from = to;
        }
        for (int k = from + 1; k < cell.size(); k++) {
            Matcher head = DATE_HEAD.matcher(cell.get(k).text().strip());
            if (head.matches()
                    && head.group(2).split("\\s+").length <= 4
                    && !SENTENCE_WORDS.matcher(head.group(2)).find()) {
                parts.add(new ArrayList<>(cell.subList(from, k)));
                from = k;
            }
        }
        if (from < cell.size()) {
            parts.add(new ArrayList<>(cell.subList(from, cell.size())));
        }
        return parts;
    }
}
