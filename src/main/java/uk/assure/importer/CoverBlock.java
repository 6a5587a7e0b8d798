package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import uk.assure.importer.Columns.Field;

/**
 * Row assembly before the first table of actions: sorts the cover's blocks into lines for {@link PlanHeading}, the
 * acronym glossary, the plan's own success criteria and measures, a RAG key, findings ("Recommendation 2: …") and
 * section headings; reports a table that is none of these.
 */
final class CoverBlock {

    private static final Pattern GLOSSARY_LABEL =
            Pattern.compile("(?i)^(acronyms?|glossary|abbreviations?|glossary of terms|key to abbreviations)\\s*:?$");

    private final List<Block> blocks;
    private final RunningHeaders runningHeaders;
    private final StatusKey statusKey;
    private final PlanDrafts drafts;
    private final Warnings warnings;
    private final List<ParsedPlan.GlossaryTerm> glossary = new ArrayList<>();
    private String planSuccess;
    private String planMeasures;

    CoverBlock(
            List<Block> blocks,
            RunningHeaders runningHeaders,
            StatusKey statusKey,
            PlanDrafts drafts,
            Warnings warnings) {
        this.blocks = blocks;
        this.runningHeaders = runningHeaders;
        this.statusKey = statusKey;
        this.drafts = drafts;
        this.warnings = warnings;
    }

    List<ParsedPlan.GlossaryTerm> glossary() {
        return List.copyOf(glossary);
    }

    /** Success criteria for the whole plan, from a "Success criteria" table over one row; null when none. */
    String planSuccess() {
        return planSuccess;
    }

    /** The measures beside the plan's success criteria; null when none. */
    String planMeasures() {
        return planMeasures;
    }

    /** Reads the blocks before index end; returns those for the cover reader, in order. */
    List<Block> read(int end) {
        List<Block> cover = new ArrayList<>();
        boolean inGlossary = false;
        for (int i = 0; i < end; i++) {
            Block block = blocks.get(i);
            if (block instanceof Block.Paragraph p) {
                String text = PlanHeading.clean(p.text());
                if (GLOSSARY_LABEL.matcher(text).matches()) {
                    inGlossary = true;
                    continue;
                }
                inGlossary = false;
                if (runningHeaders.isRepeated(p.text()) || drafts.labelledFinding(text, p.at())) {
                    continue; // a running page header, or a finding
                }
                if (PlanHeading.isCoverLine(text)) {
                    cover.add(block);
                    continue;
                }
                if (i > 0 && Text.looksLikeSectionHeading(text) && nextIsTable(i, end)
                        || isSectionHeadingBefore(i, end)) {
                    drafts.pending(text, p.at());
                    continue;
                }
                cover.add(block);
                continue;
            }
            Block.TableRow row = (Block.TableRow) block;
            List<String> cells = Text.nonEmpty(row);
            if (cells.isEmpty() || Text.isRule(cells) || statusKey.isRagKey(cells)) {
                continue;
            }
            if (cells.size() == 2 && (inGlossary || isGlossaryEntry(cells) && glossaryRun(i, end))) {
                glossary.add(new ParsedPlan.GlossaryTerm(cells.get(0), HtmlText.oneLine(cells.get(1))));
                continue;
            }
            inGlossary = false;
            if (cells.size() <= 2
                    && cells.stream().allMatch(c -> Columns.classify(c) == Field.SUCCESS)
                    && i + 1 < end
                    && blocks.get(i + 1) instanceof Block.TableRow next) {
                List<String> values = Text.nonEmpty(next);
                planSuccess = values.isEmpty() ? null : values.get(0);
                planMeasures = values.size() > 1 ? values.get(1) : null;
                i++;
                continue;
            }
            if (cells.size() == 1) {
                if (i + 1 == end || i + 2 == end && blocks.get(i + 1) instanceof Block.Paragraph) {
                    drafts.pending(cells.get(0), row.at());
                } else {
                    cover.add(block);
                }
                continue;
            }
            for (Block.Cell cell : row.cells()) {
                if (!cell.text().isBlank()) {
                    warnings.notImported(cell.at(), "a table before the table of actions", cell.text());
                }
            }
        }
        return cover;
    }

    /** A heading paragraph whose next non-paragraph block is the table, e.g. "1. AREA FOR PRIORITY ACTION". */
    private boolean isSectionHeadingBefore(int i, int end) {
        if (!(blocks.get(i) instanceof Block.Paragraph p)
                || !Text.looksLikeSectionHeading(PlanHeading.clean(p.text()))) {
            return false;
        }
        String text = PlanHeading.clean(p.text());
        return text.matches("^\\d{1,2}[.)]?\\s+.*") && i + 3 >= end;
    }

    private boolean nextIsTable(int i, int end) {
        for (int j = i + 1; j <= end && j < blocks.size(); j++) {
            if (blocks.get(j) instanceof Block.TableRow row) {
                return Columns.header(row) != null;
            }
            if (blocks.get(j) instanceof Block.Paragraph p && !Text.looksLikeIntroSentence(p.text())) {
                return false;
            }
        }
        return false;
    }

    /** Three or more glossary entries in a row from i. */
    private boolean glossaryRun(int i, int end) {
        int run = 0;
        for (int j = i; j < end && blocks.get(j) instanceof Block.TableRow row; j++) {
            List<String> cells = Text.nonEmpty(row);
            if (cells.size() == 2 && isGlossaryEntry(cells)) {
                run++;
            } else {
                break;
            }
        }
        return run >= 3;
    }

    /** "LSCP | Local Safeguarding Children Partnership": a short term in capitals and its longer meaning. */
    private static boolean isGlossaryEntry(List<String> cells) {
        String term = cells.get(0);
        return term.length() <= 12
                && !term.contains(" ")
                && term.chars().filter(Character::isUpperCase).count() >= 2
                && cells.get(1).length() > term.length();
    }
}
