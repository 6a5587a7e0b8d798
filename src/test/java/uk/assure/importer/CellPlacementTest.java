package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellPlacementTest {

    private final Warnings warnings = new Warnings(Blocks.FILE);

    private static PrintedAction action(String ref, List<TextLine>... cells) {
        PrintedAction action = new PrintedAction(ref, Blocks.line(1));
        action.appendText("Action " + ref);
        action.cells.addAll(List.of(cells));
        return action;
    }

    @Test
    @SuppressWarnings("unchecked")
    void cellsGoInOrderToTheActionsPrintedTogetherBeforeThem() {
        PrintedAction first = action("1.1");
        PrintedAction second = action(
                "1.2",
                Blocks.lines("June 2026"),
                Blocks.lines("Head of Service"),
                Blocks.lines("Carers are found"),
                Blocks.lines("July 2026"),
                Blocks.lines("Quality Team"),
                Blocks.lines("Carers are helped"));

        new CellPlacement(List.of(first, second), false, warnings).placeAll();

        assertThat(first.due).isEqualTo("June 2026");
        assertThat(first.lead).isEqualTo("Head of Service");
        assertThat(first.success).isEqualTo("Carers are found");
        assertThat(second.due).isEqualTo("July 2026");
        assertThat(second.lead).isEqualTo("Quality Team");
        assertThat(second.success).isEqualTo("Carers are helped");
        assertThat(warnings.list()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFurtherSentenceIsProgressWhenThePlanHasAProgressColumn() {
        PrintedAction only =
                action("1.1", Blocks.lines("June 2026"), Blocks.lines("Carers are found"), Blocks.lines("Begun"));

        new CellPlacement(List.of(only), true, warnings).placeAll();

        assertThat(only.success).isEqualTo("Carers are found");
        assertThat(only.progress).isEqualTo("Begun");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRowOfCellsWithNoActionLeftGoesToALaterActionPrintedWithNone() {
        PrintedAction first = action("1.1", Blocks.lines("June 2026"), Blocks.lines("July 2026"));
        PrintedAction bare = action("1.2");
        PrintedAction parentless = action("2.1", Blocks.lines("and the rest"));

        new CellPlacement(List.of(first, bare, parentless), false, warnings).placeAll();

        assertThat(first.due).isEqualTo("June 2026");
        assertThat(bare.due).isEqualTo("July 2026");
        assertThat(Blocks.messages(warnings))
                .containsExactly("not imported (the end of a cell cut by a page break, with no cell above it to join): "
                        + "'and the rest'");
    }

    @Test
    void twoBodiesInOneLeadBlockSplitAfterAClosingBracket() {
        var item = new CellClassifier.Item(
                CellClassifier.Kind.LEAD, "", Blocks.lines("Voluntary Sector Forum (VSF)", "Family Hubs Team"));
        assertThat(CellPlacement.twoLeads(item)).isEqualTo(1);
        var one = new CellClassifier.Item(CellClassifier.Kind.LEAD, "", Blocks.lines("Head of", "Service"));
        assertThat(CellPlacement.twoLeads(one)).isNull();
    }
}
