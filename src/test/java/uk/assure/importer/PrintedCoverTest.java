package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrintedCoverTest {

    @Test
    void readsTitleFindingsAndPlanSuccessUpToTheFirstObjective() {
        List<TextLine> lines = Blocks.lines(
                "Riverside Carers Plan",
                "Finding 1: Carers are not",
                "found early",
                "",
                "Success criteria for the whole plan:",
                "Carers are found",
                "",
                "Carers are helped",
                "",
                "Please note the plan",
                "is a draft",
                "1. The Partnership will know");
        List<ParsedPlan.Finding> findings = new ArrayList<>();
        Warnings warnings = new Warnings(Blocks.FILE);
        PrintedCover cover = new PrintedCover(lines, findings, warnings);

        assertThat(cover.read()).isEqualTo(11);

        assertThat(cover.title()).isEqualTo("Riverside Carers Plan");
        assertThat(findings)
                .containsExactly(
                        new ParsedPlan.Finding("Finding 1", null, "Carers are not found early", "plan.txt, line 2"));
        assertThat(cover.planSuccess()).isEqualTo("Carers are found\nCarers are helped");
        assertThat(warnings.list())
                .containsExactly(new ParsedPlan.Warning(
                        "plan.txt, line 10",
                        "not imported (text before the table of actions, 2 lines): 'Please note the plan is a draft'"));
    }

    @Test
    void noSuccessCriteriaIsNull() {
        PrintedCover cover =
                new PrintedCover(Blocks.lines("Plan", "1.1 Act"), new ArrayList<>(), new Warnings(Blocks.FILE));
        assertThat(cover.read()).isEqualTo(1);
        assertThat(cover.planSuccess()).isNull();
    }
}
