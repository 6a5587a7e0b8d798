package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.assure.importer.Columns.Field;

class ActionDraftTest {

    @Test
    void theRestOfARowAfterAPageBreakJoinsEachField() {
        ActionDraft draft = new ActionDraft(Blocks.line(5));
        draft.fill(Map.of(Field.ACTION, "Train the front", Field.LEAD, "Head of Service", Field.DUE, "June"));
        draft.append(Map.of(Field.ACTION, "door staff", Field.LEAD, "head of service", Field.DUE, "2026"));

        assertThat(draft.text).isEqualTo("Train the front door staff");
        assertThat(draft.lead).isEqualTo("Head of Service");
        assertThat(draft.due).isEqualTo("June 2026");
    }

    @Test
    void theFieldParsersReadTheCellsAndNextStepsGoUnderProgress() {
        ActionDraft draft = new ActionDraft(Blocks.line(9));
        draft.ref = "1.2";
        draft.section = "Early Help";
        draft.findingRefs.add("1");
        draft.fill(Map.of(
                Field.ACTION, "Audit ten cases",
                Field.LEAD, "Quality Team / Designated Nurse",
                Field.DUE, "June 2026",
                Field.STATUS, "Amber",
                Field.PROGRESS, "Five audited",
                Field.NEXT, "Report to the board"));
        Warnings warnings = new Warnings(Blocks.FILE);

        ParsedPlan.Action action = draft.parse(warnings);

        assertThat(action.ref()).isEqualTo("1.2");
        assertThat(action.findingRefs()).containsExactly("1");
        assertThat(action.leads()).containsExactly("Quality Team", "Designated Nurse");
        assertThat(action.due()).hasToString("2026-06-30");
        assertThat(action.statusRaw()).isEqualTo("Amber");
        assertThat(action.progress()).isEqualTo("Five audited\nNext: Report to the board");
        assertThat(action.location()).isEqualTo("plan.txt, line 9");
        assertThat(warnings.list()).isEmpty();
    }

    @Test
    void nextStepsAloneBecomeTheProgress() {
        ActionDraft draft = new ActionDraft(null);
        draft.text = "1.3 Share the audit";
        draft.next = "Book the meeting";

        ParsedPlan.Action action = draft.parse(new Warnings(Blocks.FILE));

        assertThat(action.ref()).isEqualTo("1.3");
        assertThat(action.text()).isEqualTo("Share the audit");
        assertThat(action.progress()).isEqualTo("Next: Book the meeting");
    }
}
