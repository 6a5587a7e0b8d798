package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActionTextTest {

    private final Warnings warnings = new Warnings(Blocks.FILE);
    private final ActionText text = new ActionText(warnings);
    private final PrintedAction action = new PrintedAction("2.1", Blocks.line(1));

    @Test
    void joinsTheWrappedLinesAndTakesOutATimescale() {
        text.line(action, "Add a household", Blocks.line(1));
        text.line(action, "July 2026", Blocks.line(2));
        text.line(action, "members section", Blocks.line(3));

        assertThat(action.text).isEqualTo("Add a household members section");
        assertThat(action.due).isEqualTo("July 2026");
    }

    @Test
    void aMonthWaitsForItsYearAndASecondTimescaleIsReported() {
        text.line(action, "Review plans", Blocks.line(1));
        text.line(action, "March", Blocks.line(2));
        assertThat(action.pendingMonth).isEqualTo("March");
        assertThat(action.pendingAt).isEqualTo(Blocks.line(2));
        text.line(action, "2018", Blocks.line(3));
        text.line(action, "June 2026", Blocks.line(4));

        assertThat(action.due).isEqualTo("March 2018");
        assertThat(action.pendingMonth).isNull();
        assertThat(warnings.list())
                .containsExactly(new ParsedPlan.Warning(
                        "plan.txt, line 4",
                        "not imported (a second timescale in among the lines of action 2.1): 'June 2026'"));
    }

    @Test
    void aTimescaleOpeningALineStartsTheLeadPrintedInAmongTheText() {
        text.line(action, "Review plans", Blocks.line(1));
        text.line(action, "June 2026 Head of", Blocks.line(2));
        text.line(action, "Service", Blocks.line(3));
        text.line(action, "with schools", Blocks.line(4));

        assertThat(action.due).isEqualTo("June 2026");
        assertThat(action.lead).isEqualTo("Head of Service");
        assertThat(action.text).isEqualTo("Review plans with schools");
    }
}
