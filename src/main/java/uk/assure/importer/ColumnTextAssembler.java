package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans copied out of a PDF, where the table's columns came out one after another as short lines rather than as
 * rows: "2.1.1). Add a household" / "members section" / "July 2026" / "Children's" / "Services (NC)".
 *
 * <p>Read in two passes. The first reads actions from their hierarchical refs (1.2 and 1.2.1 are separate actions),
 * joins the wrapped lines of each action's text and takes out a timescale (or lead) printed in among them; takes
 * objectives ("1. The Partnership will know … (Finding 1)") as sections and "Finding N:" paragraphs as findings;
 * and keeps the blocks of lines (between blank lines) printed after each action as its cells. The second classifies each cell by
 * what it looks like (a date, a role or body, a sentence, the lowercase tail of a cell cut by a page break) and hands
 * them, in order, to the actions printed together before them that still lack that field. A parent ending "… by:"
 * with no timescale of its own sits beside its children, so its cells are its first child's; a row of cells printed
 * with no action beside it goes to a later action printed with none. Field readings are best efforts from print
 * order, and the preview says so.
 *
 * <p>The orchestrator of the PDF-column stages: {@link TextLine} reads the lines, {@link PrintedCover} the cover,
 * {@link ActionLines} the first pass, {@link CellPlacement} the second, and {@link ColumnTextPlan} takes the actions
 * through the field parsers into the plan.
 */
final class ColumnTextAssembler implements PlanAssembler {

    @Override
    public boolean accepts(List<Block> blocks) {
        int refs = 0;
        int lines = 0;
        for (Block block : blocks) {
            if (block instanceof Block.TableRow row && LineKinds.isHeaderRow(row)) {
                return false; // a real table: the table assembler's
            }
            if (block instanceof Block.Paragraph p) {
                lines++;
                if (LineKinds.isActionStart(p.text())) {
                    refs++;
                }
            }
        }
        return refs >= 3 && lines >= 10;
    }

    @Override
    public ParsedPlan assemble(String fileName, String format, List<Block> blocks) {
        List<TextLine> lines = TextLine.of(blocks);
        Warnings warnings = new Warnings(fileName);
        List<ParsedPlan.Finding> findings = new ArrayList<>();
        PrintedCover cover = new PrintedCover(lines, findings, warnings);
        int start = cover.read();
        Objectives objectives = new Objectives(lines, findings);
        ActionLines actionLines = new ActionLines(lines, cover.title(), objectives, warnings);
        actionLines.read(start);
        new CellPlacement(actionLines.drafts(), actionLines.progressColumn(), warnings).placeAll();
        return ColumnTextPlan.build(fileName, format, cover, objectives, actionLines, findings, warnings);
    }
}
