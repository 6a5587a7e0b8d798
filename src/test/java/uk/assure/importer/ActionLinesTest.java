package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionLinesTest {

    private final Warnings warnings = new Warnings(Blocks.FILE);

    private ActionLines read(List<TextLine> lines) {
        ActionLines actionLines =
                new ActionLines(lines, "Riverside Plan", new Objectives(lines, new ArrayList<>()), warnings);
        actionLines.read(0);
        return actionLines;
    }

    @Test
    void readsActionsTheirTextAndTheBlocksPrintedAfterThemDroppingRepeatedHeadings() {
        ActionLines actionLines = read(Blocks.lines(
                "stray words",
                "1. The Partnership will know its carers",
                "1.1 Add a household",
                "members section",
                "",
                "Head of Service",
                "",
                "Riverside Plan",
                "Page 2 of 3",
                "PROGRESS",
                "1.2 Test the alert",
                "",
                "Staff use the alert"));

        assertThat(actionLines.drafts()).extracting(a -> a.ref).containsExactly("1.1", "1.2");
        PrintedAction first = actionLines.drafts().get(0);
        assertThat(first.text).isEqualTo("Add a household members section");
        assertThat(first.cells).hasSize(1);
        assertThat(first.cells.get(0)).extracting(TextLine::text).containsExactly("Head of Service");
        assertThat(actionLines.drafts().get(1).cells).hasSize(1);
        assertThat(actionLines.progressColumn()).isTrue();
        assertThat(Blocks.messages(warnings))
                .containsExactly("not imported (text before the first action): 'stray words'");
    }

    @Test
    void aParentEndingWithAColonHandsItsCellsToItsFirstChild() {
        ActionLines actionLines =
                read(Blocks.lines("2.1 Improve assessments by:", "", "June 2026", "2.1.1 Add a question"));

        PrintedAction parent = actionLines.drafts().get(0);
        PrintedAction child = actionLines.drafts().get(1);
        assertThat(parent.parent).isTrue();
        assertThat(parent.cells).isEmpty();
        assertThat(child.cells).hasSize(1);
    }

    @Test
    void splitsOffTheTailOfACutCellAndATimescaleStartingTheNextRow() {
        List<List<TextLine>> parts = ActionLines.split(
                Blocks.lines("full by the group", "Carers are helped", "August 2026 Quality", "Team"));

        assertThat(parts)
                .extracting(part -> TextLine.joined(part))
                .containsExactly("full by the group", "Carers are helped", "August 2026 Quality Team");
    }
}
