package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindingDraftTest {

    @Test
    void aFindingKeepsItsRefAndJoinsTextFromAfterAPageBreak() {
        FindingDraft draft = new FindingDraft("3", "Early Help", "Plans are not always", Blocks.line(7));
        draft.append("reviewed on time.");

        assertThat(draft.refs).containsExactly("3");
        assertThat(draft.parse())
                .isEqualTo(new ParsedPlan.Finding(
                        "3", "Early Help", "Plans are not always reviewed on time.", "plan.txt, line 7"));
    }

    @Test
    void aFindingWithNoRefOrTextParsesEmpty() {
        FindingDraft draft = new FindingDraft(null, null, null, null);
        assertThat(draft.refs).isEmpty();
        assertThat(draft.parse()).isEqualTo(new ParsedPlan.Finding(null, null, "", null));
    }
}
