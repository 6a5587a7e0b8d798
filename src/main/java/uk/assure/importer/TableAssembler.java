package uk.assure.importer;

import java.util.List;

/**
 * Plans kept as tables — tab-separated text, Word, Excel, CSV, HTML — whatever the column headings are called. It
 * reads the cover and the acronym glossary before the first table; takes sections from headings between tables,
 * full-width rows inside them or the finding column's own heading; drops headers and RAG keys repeated on every
 * page; joins rows split by a page break; carries a finding down over the actions below it; and reports every piece
 * of text that went into no field.
 *
 * <p>The orchestrator of the table stages: {@link CoverBlock} before the first table, then {@link HeaderMapping} and
 * {@link RowAssembly} for each row, then {@link TablePlan} through the field parsers into the plan.
 */
final class TableAssembler implements PlanAssembler {

    @Override
    public boolean accepts(List<Block> blocks) {
        return firstHeaderIndex(blocks) < blocks.size();
    }

    @Override
    public ParsedPlan assemble(String fileName, String format, List<Block> blocks) {
        Warnings warnings = new Warnings(fileName);
        RunningHeaders runningHeaders = new RunningHeaders(blocks);
        PlanHeading heading = new PlanHeading();
        for (Block block : blocks) {
            if (block instanceof Block.Paragraph p && runningHeaders.isRepeated(p.text())) {
                heading.runningHeader(p.text());
            }
        }
        StatusKey statusKey = new StatusKey();
        PlanDrafts drafts = new PlanDrafts(warnings);
        int first = firstHeaderIndex(blocks);
        CoverBlock cover = new CoverBlock(blocks, runningHeaders, statusKey, drafts, warnings);
        for (Block unused : heading.read(cover.read(first))) {
            warnings.notImported(unused.at(), "text before the table of actions", Text.blockText(unused));
        }
        HeaderMapping mapping = new HeaderMapping(blocks, warnings);
        RowAssembly rows = new RowAssembly(blocks, runningHeaders, statusKey, drafts, mapping, warnings);
        for (int i = first; i < blocks.size(); i++) {
            rows.read(i);
        }
        drafts.finish();
        return TablePlan.build(fileName, format, heading, cover, mapping, drafts, statusKey, warnings);
    }

    /** The index of the first header row; the number of blocks when there is none. */
    private static int firstHeaderIndex(List<Block> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Block.TableRow row && Columns.header(row) != null) {
                return i;
            }
        }
        return blocks.size();
    }
}
