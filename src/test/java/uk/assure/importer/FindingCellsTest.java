package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingCellsTest {

    private final PlanDrafts drafts = new PlanDrafts(new Warnings(Blocks.FILE));

    private FindingCells cells(String... headings) {
        Block.TableRow header = Blocks.row(1, headings);
        HeaderMapping mapping = new HeaderMapping(List.of(header), new Warnings(Blocks.FILE));
        mapping.start(Columns.header(header), 0);
        return new FindingCells(drafts, mapping);
    }

    @Test
    void aFindingCarriesItsOwnLabelledRef() {
        assertThat(FindingCells.hasFindingRef("Recommendation 3: Review plans")).isTrue();
        assertThat(FindingCells.hasFindingRef("2.15")).as("a ref with no text").isFalse();
        assertThat(FindingCells.hasFindingRef(null)).isFalse();

        cells("Finding", "Action", "Lead").read("Recommendation 3: Review plans", null, Blocks.line(2));

        assertThat(drafts.findings).singleElement().satisfies(f -> {
            assertThat(f.ref).isEqualTo("Recommendation 3");
            assertThat(f.text).isEqualTo("Review plans");
        });
    }

    @Test
    void findingsWithNoRefAreCountedOnAndNumbersGoingBackAreAListRestarting() {
        FindingCells cells = cells("Finding", "Action", "Lead");
        cells.read("Plans are late", null, null);
        cells.read("Audits are rare", null, null);
        cells.read("1. Reviews are thin", null, null);

        assertThat(drafts.findings).extracting(f -> f.ref).containsExactly("1", "2", "3");
        assertThat(drafts.findings.get(2).text).isEqualTo("Reviews are thin");
    }

    @Test
    void aListOfRefsIsWhatTheActionsAnswerAndNoNewFinding() {
        cells("Finding", "Action", "Lead").read("Findings 2, 3 and 5", null, null);

        assertThat(drafts.findings).isEmpty();
        assertThat(drafts.finding.refs).containsExactly("2", "3", "5");
    }

    @Test
    void whenTheRefColumnNumbersFindingsACellWithNoRefContinuesTheOneAbove() {
        FindingCells cells = cells("Ref", "Finding", "Action");
        cells.read("Plans are late", "(1).", null);
        cells.read("in two districts", null, null);

        assertThat(drafts.findings).singleElement().satisfies(f -> {
            assertThat(f.ref).isEqualTo("1");
            assertThat(f.text).isEqualTo("Plans are late in two districts");
        });
    }

    @Test
    void excelsTwoPointOneAfterTwoPointNineIsTwoPointTen() {
        FindingCells cells = cells("Ref", "Finding", "Action");
        cells.read("First", "2.1", null);
        cells.read("Ninth", "2.9", null);
        cells.read("Tenth", "2.1", null);

        assertThat(drafts.findings).extracting(f -> f.ref).containsExactly("2.1", "2.9", "2.10");
        assertThat(FindingCells.nextRef("9")).isEqualTo("10");
        assertThat(FindingCells.nextRef("2.9")).isNull();
    }
}
