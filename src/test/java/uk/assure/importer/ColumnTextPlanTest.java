package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTextPlanTest {

    private static PrintedAction action(String ref) {
        PrintedAction action = new PrintedAction(ref, Blocks.line(1));
        action.appendText("Action " + ref);
        return action;
    }

    @Test
    void actionsGoInTheOrderOfTheirRefsUnlessARefRepeats() {
        List<PrintedAction> printed = List.of(action("4.4"), action("4.1"), action("4.1.2"), action("10.1"));
        assertThat(ColumnTextPlan.inRefOrder(printed))
                .extracting(a -> a.ref)
                .containsExactly("4.1", "4.1.2", "4.4", "10.1");

        List<PrintedAction> repeated = List.of(action("2.1"), action("1.1"), action("2.1"));
        assertThat(ColumnTextPlan.inRefOrder(repeated)).isSameAs(repeated);
    }

    @Test
    void buildsThePlanWithSectionsFindingsAndAFirstWarningAboutPrintOrder() {
        List<TextLine> lines = Blocks.lines(
                "Riverside Plan", "1. Carers are found (Finding 1)", "1.1 Add a question", "", "March", "PROGRESS");
        Warnings warnings = new Warnings(Blocks.FILE);
        List<ParsedPlan.Finding> findings = new ArrayList<>();
        PrintedCover cover = new PrintedCover(lines, findings, warnings);
        Objectives objectives = new Objectives(lines, findings);
        ActionLines actionLines = new ActionLines(lines, "Riverside Plan", objectives, warnings);
        actionLines.read(cover.read());
        actionLines.drafts().get(0).pendingMonth = "March";
        actionLines.drafts().get(0).progress = "Begun";

        ParsedPlan plan = ColumnTextPlan.build("plan.txt", "text", cover, objectives, actionLines, findings, warnings);

        assertThat(plan.title()).isEqualTo("Riverside Plan");
        assertThat(plan.sections()).containsExactly("1. Carers are found (Finding 1)");
        assertThat(plan.actions()).singleElement().satisfies(a -> {
            assertThat(a.section()).isEqualTo("1. Carers are found (Finding 1)");
            assertThat(a.findingRefs()).containsExactly("Finding 1");
            assertThat(a.dueRaw()).isEqualTo("March");
            assertThat(a.progress()).isEqualTo("Begun");
            assertThat(a.statusRaw()).isEqualTo("Begun");
        });
        assertThat(plan.warnings().get(0).message()).startsWith("read as text copied from a PDF");
        assertThat(plan.columns()).extracting(ParsedPlan.ColumnMapping::field).contains("progress");
    }
}
