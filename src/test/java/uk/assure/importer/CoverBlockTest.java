package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoverBlockTest {

    private final Warnings warnings = new Warnings(Blocks.FILE);
    private final PlanDrafts drafts = new PlanDrafts(warnings);
    private final StatusKey statusKey = new StatusKey();

    private CoverBlock cover(List<Block> blocks) {
        return new CoverBlock(blocks, new RunningHeaders(blocks), statusKey, drafts, warnings);
    }

    @Test
    void sortsTheCoverIntoLinesGlossarySuccessCriteriaAndAKey() {
        List<Block> blocks = List.of(
                Blocks.paragraph(1, "Eastvale Improvement Plan"),
                Blocks.paragraph(2, "Version 2"),
                Blocks.row(3, "Success criteria", "Measures"),
                Blocks.row(4, "Children are safer", "Fewer repeat referrals"),
                Blocks.row(5, "Red", "Green"),
                Blocks.paragraph(6, "Acronyms"),
                Blocks.row(7, "LSCP", "Local Safeguarding Children Partnership"),
                Blocks.row(8, "Action", "Lead"));
        CoverBlock cover = cover(blocks);

        List<Block> lines = cover.read(7);

        assertThat(lines).containsExactly(blocks.get(0), blocks.get(1));
        assertThat(cover.glossary())
                .containsExactly(new ParsedPlan.GlossaryTerm("LSCP", "Local Safeguarding Children Partnership"));
        assertThat(cover.planSuccess()).isEqualTo("Children are safer");
        assertThat(cover.planMeasures()).isEqualTo("Fewer repeat referrals");
        assertThat(statusKey.vocabulary()).containsExactly("Red", "Green");
        assertThat(warnings.list()).isEmpty();
    }

    @Test
    void aHeadingJustBeforeTheTableWaitsToBeASectionAndAnotherTableIsReported() {
        List<Block> blocks = List.of(
                Blocks.paragraph(1, "Eastvale Improvement Plan"),
                Blocks.row(2, "Budget", "£10,000", "Agreed"),
                Blocks.paragraph(3, "Recommendation 1: Review plans"),
                Blocks.paragraph(4, "Early Help"),
                Blocks.row(5, "Action", "Lead"),
                Blocks.row(6, "Review plans", "Head of Service"));

        cover(blocks).read(4);
        drafts.flushSection();

        assertThat(drafts.section).isEqualTo("Early Help");
        assertThat(drafts.findings).extracting(f -> f.ref).containsExactly("Recommendation 1");
        assertThat(Blocks.messages(warnings))
                .containsExactly(
                        "not imported (a table before the table of actions): 'Budget'",
                        "not imported (a table before the table of actions): '£10,000'",
                        "not imported (a table before the table of actions): 'Agreed'");
    }
}
