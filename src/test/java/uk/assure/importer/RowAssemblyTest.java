package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowAssemblyTest {

    private final Warnings warnings = new Warnings(Blocks.FILE);
    private final PlanDrafts drafts = new PlanDrafts(warnings);

    private void assemble(Block... blocks) {
        List<Block> list = List.of(blocks);
        RowAssembly rows = new RowAssembly(
                list, new RunningHeaders(list), new StatusKey(), drafts, new HeaderMapping(list, warnings), warnings);
        for (int i = 0; i < list.size(); i++) {
            rows.read(i);
        }
    }

    @Test
    void aRowSplitByAPageBreakJoinsTheActionAboveAndARepeatedHeaderIsDropped() {
        assemble(
                Blocks.row(1, "Ref", "Action", "Lead", "Timescale"),
                Blocks.row(2, "1.1", "Train the front", "Head of Service", "June 2026"),
                Blocks.row(3, "Ref", "Action", "Lead", "Timescale"),
                Blocks.row(4, "", "door staff", "", ""),
                Blocks.row(5, "1.2", "Audit cases", "Quality Team", "July 2026"));

        assertThat(drafts.actions).extracting(a -> a.ref).containsExactly("1.1", "1.2");
        assertThat(drafts.actions.get(0).text).isEqualTo("Train the front door staff");
        assertThat(warnings.list()).isEmpty();
    }

    @Test
    void aFindingIsCarriedDownOverTheActionsBelowIt() {
        assemble(
                Blocks.row(1, "Finding", "Action", "Lead"),
                Blocks.row(2, "Plans are late", "Review plans", "Head of Service"),
                Blocks.row(3, "", "Audit plans", "Quality Team"),
                Blocks.row(4, "Audits are rare", "Audit monthly", "Quality Team"));

        assertThat(drafts.findings).extracting(f -> f.ref).containsExactly("1", "2");
        assertThat(drafts.actions)
                .extracting(a -> a.findingRefs)
                .containsExactly(List.of("1"), List.of("1"), List.of("2"));
    }

    @Test
    void aFullWidthRowStartsASectionAndTextOutsideTheTableIsReported() {
        assemble(
                Blocks.row(1, "Ref", "Action", "Lead", "Timescale"),
                Blocks.row(2, "Early Help", "", "", ""),
                Blocks.row(3, "1.1", "Review plans", "Head of Service", "June 2026"),
                Blocks.paragraph(4, "we will report on this to the board every quarter"),
                Blocks.paragraph(5, "Front Door"),
                Blocks.row(6, "2.1", "Audit contacts", "Quality Team", "July 2026"));

        assertThat(drafts.sections).containsExactly("Early Help", "Front Door");
        assertThat(drafts.actions).extracting(a -> a.section).containsExactly("Early Help", "Front Door");
        assertThat(Blocks.messages(warnings))
                .containsExactly("not imported (text outside the table of actions): "
                        + "'we will report on this to the board every quarter'");
    }

    @Test
    void aRefWithNoActionAndCellsWithNoActionAreReported() {
        assemble(
                Blocks.row(1, "Ref", "Action", "Lead", "Timescale"),
                Blocks.row(2, "1.1", "", "", "June 2026"),
                Blocks.row(3, "", "", "Head of Service", ""));

        assertThat(drafts.actions).isEmpty();
        assertThat(Blocks.messages(warnings))
                .containsExactly(
                        "not imported (a reference with no action beside it): '1.1'",
                        "not imported (lead with no action on its row or above): 'Head of Service'");
    }

    @Test
    void aFindingColumnHeadedWithAThemeIsTheSection() {
        assemble(Blocks.row(1, "Early Help Findings", "Action", "Lead"), Blocks.row(2, "Plans", "Review", "Team"));

        assertThat(drafts.sections).containsExactly("Early Help Findings");
        assertThat(drafts.actions)
                .singleElement()
                .satisfies(a -> assertThat(a.section).isEqualTo("Early Help Findings"));
    }
}
