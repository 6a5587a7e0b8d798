package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintedActionTest {

    @Test
    void joinsItsLinesAndKnowsItsObjective() {
        PrintedAction action = new PrintedAction("2.1.3", Blocks.line(4));
        action.appendText("Add a household");
        action.appendText("members section");

        assertThat(action.text).isEqualTo("Add a household members section");
        assertThat(action.objective()).isEqualTo("2");
        assertThat(action.empty()).isTrue();
        action.lead = "Head of Service";
        assertThat(action.empty()).isFalse();
    }

    @Test
    void parsesThroughTheSharedFieldParsers() {
        PrintedAction action = new PrintedAction("1.1", Blocks.line(1));
        action.appendText("Test the alert");
        action.due = "July 2026";

        ParsedPlan.Action parsed = action.parse(new Warnings(Blocks.FILE));

        assertThat(parsed.ref()).isEqualTo("1.1");
        assertThat(parsed.text()).isEqualTo("Test the alert");
        assertThat(parsed.duePrecision()).isEqualTo("MONTH");
    }
}
