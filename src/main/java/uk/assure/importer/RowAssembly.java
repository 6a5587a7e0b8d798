package uk.assure.importer;

import java.util.List;
import java.util.Map;
import uk.assure.importer.Columns.Field;
import uk.assure.importer.Columns.Header;

/**
 * The row assembly stage, from the first table on: each row becomes a finding, an action or both; a row split by a
 * page break is joined to the action above; a finding is carried down over the actions below it; repeated headers, RAG
 * keys and running headers are dropped; full-width rows and headings between tables become sections.
 */
final class RowAssembly {

    private final List<Block> blocks;
    private final RunningHeaders runningHeaders;
    private final StatusKey statusKey;
    private final PlanDrafts drafts;
    private final HeaderMapping mapping;
    private final FindingCells findingCells;
    private final Warnings warnings;

    RowAssembly(
            List<Block> blocks,
            RunningHeaders runningHeaders,
            StatusKey statusKey,
            PlanDrafts drafts,
            HeaderMapping mapping,
            Warnings warnings) {
        this.blocks = blocks;
        this.runningHeaders = runningHeaders;
        this.statusKey = statusKey;
        this.drafts = drafts;
        this.mapping = mapping;
        this.findingCells = new FindingCells(drafts, mapping);
        this.warnings = warnings;
    }

    /** The block at index, a paragraph or a row. */
    void read(int index) {
        Block block = blocks.get(index);
        if (block instanceof Block.TableRow row) {
            row(row, index);
        } else if (block instanceof Block.Paragraph p) {
            paragraph(p);
        }
    }

    private void paragraph(Block.Paragraph p) {
        String text = PlanHeading.clean(p.text());
        if (text.isEmpty() || runningHeaders.isRepeated(p.text()) || Text.isRule(text)) {
            return; // a running page header or footer, repeated on every page
        }
        if (drafts.labelledFinding(text, p.at())) {
            return;
        }
        if (Text.looksLikeSectionHeading(text)) {
            drafts.pending(text, p.at());
            return;
        }
        warnings.notImported(p.at(), "text outside the table of actions", text);
    }

    private void row(Block.TableRow row, int index) {
        List<String> present = Text.nonEmpty(row);
        if (present.isEmpty() || Text.isRule(present)) {
            return;
        }
        Header candidate = Columns.header(row);
        if (candidate != null) {
            startTable(candidate, index);
            return;
        }
        Header header = mapping.header();
        if (header == null) {
            return;
        }
        if (row.cells().size() < header.width() && statusKey.isRagKey(present)) {
            return;
        }
        if (present.size() == 1 && isSectionRow(row, index)) {
            String text = present.get(0);
            if (!text.equals(drafts.section)) {
                drafts.pending(text, row.at());
            }
            return;
        }
        dataRow(mapping.values(row, index), row.at());
    }

    /** A header row; a finding column headed with a theme rather than "Findings" names the section. */
    private void startTable(Header next, int index) {
        boolean repeat = mapping.start(next, index);
        if (drafts.hasPendingSection()) {
            return;
        }
        String title = mapping.findingColumnTitle();
        if (title != null
                && (drafts.section == null || drafts.sectionFromHeader)
                && !title.equals(drafts.section)
                && !repeat) {
            drafts.pending(title, blocks.get(index).at());
            drafts.sectionFromHeader = true;
        }
    }

    private void dataRow(Map<Field, String> values, SourceLocation at) {
        String findingCell = values.get(Field.FINDING);
        String actionCell = values.get(Field.ACTION);
        String refCell = values.get(Field.REF);
        boolean findingLower = Text.startsLower(findingCell);
        boolean actionLower = Text.startsLower(actionCell);
        ActionDraft last = drafts.last;

        if (last != null && refCell == null && !FindingCells.hasFindingRef(findingCell)) {
            boolean continuation;
            if (actionCell == null) {
                continuation = findingCell == null || findingLower;
            } else if (actionLower) {
                continuation = true;
            } else {
                continuation = findingLower
                        && !Text.endsSentence(last.text)
                        && !(Text.startsUpper(values.get(Field.LEAD)) && Text.readableDue(values.get(Field.DUE)));
            }
            if (continuation) {
                if (findingCell != null && drafts.finding != null) {
                    drafts.finding.append(findingCell);
                }
                if (actionCell == null && findingCell != null && values.size() == 1) {
                    return;
                }
                last.append(values);
                return;
            }
            if (findingLower && drafts.finding != null) {
                // The area's text runs on from the page before, but the action beside it is a new one.
                drafts.finding.append(findingCell);
                findingCell = null;
            }
        }

        Header header = mapping.header();
        // A finding that carries its own number ("Recommendation 1: …") leaves the Ref column to number actions.
        boolean refNumbersActions = refCell != null
                && findingCell != null
                && (FindingCells.hasFindingRef(findingCell) || mapping.refsNumberActions());
        if (findingCell != null) {
            findingCells.read(findingCell, refNumbersActions ? null : refCell, at);
        } else if (refCell != null && !header.has(Field.FINDING) && actionCell == null) {
            warnings.notImported(at, "a reference with no action beside it", refCell);
            return;
        }
        if (actionCell == null) {
            if (findingCell == null) {
                reportLoose(values, at);
            }
            return;
        }
        drafts.flushSection();
        ActionDraft action = new ActionDraft(at);
        action.section = drafts.section;
        if (refCell != null && (!header.has(Field.FINDING) || findingCell == null || refNumbersActions)) {
            action.ref = refCell.replaceAll("[().]+$", "").replaceAll("^\\(", "");
        }
        FindingDraft finding = drafts.finding;
        if (finding != null
                && (header.has(Field.FINDING) || finding.section == null || finding.section.equals(drafts.section))) {
            action.findingRefs.addAll(finding.refs);
        }
        action.fill(values);
        drafts.addAction(action);
    }

    private void reportLoose(Map<Field, String> values, SourceLocation at) {
        for (Map.Entry<Field, String> value : values.entrySet()) {
            warnings.notImported(at, value.getKey().label + " with no action on its row or above", value.getValue());
        }
    }

    /** A full-width grouping row inside a table ("Actions for Cleveland Police"), or a title row over a table. */
    private boolean isSectionRow(Block.TableRow row, int index) {
        int column = -1;
        String text = null;
        for (int c = 0; c < row.cells().size(); c++) {
            if (!row.cells().get(c).text().isBlank()) {
                column = c;
                text = row.cells().get(c).text();
            }
        }
        if (text == null || !Text.looksLikeSectionHeading(text)) {
            return false;
        }
        if (column == 0 && row.cells().size() >= 3 && mapping.header().width() >= 3) {
            return true;
        }
        for (int j = index + 1; j < blocks.size(); j++) {
            if (blocks.get(j) instanceof Block.TableRow next) {
                return !next.isBlank() && Columns.header(next) != null || next.isBlank() && j < index + 3;
            }
        }
        return false;
    }
}
