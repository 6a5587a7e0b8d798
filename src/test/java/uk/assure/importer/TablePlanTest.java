package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TablePlanTest {

    private static ActionDraft progress(String progress) {
        ActionDraft draft = new ActionDraft(null);
        draft.text = "An action";
        draft.progress = progress;
        return draft;
    }

    @Test
    void progressStartsWithStatusWhenHalfItsCellsOpenWithAStatusWord() {
        assertThat(TablePlan.progressStartsWithStatus(List.of(progress("Completed – signed off"), progress("Met"))))
                .isTrue();
        assertThat(TablePlan.progressStartsWithStatus(
                        List.of(progress("Completed"), progress("Met"), progress("Booked"))))
                .isFalse();
        assertThat(TablePlan.progressStartsWithStatus(List.of(progress(null)))).isFalse();
    }

    @Test
    void buildsThePlanWithProgressReadAsStatusWhenThereIsNoStatusColumn() {
        Warnings warnings = new Warnings(Blocks.FILE);
        List<Block> blocks = List.of(Blocks.row(1, "Action", "Progress"));
        HeaderMapping mapping = new HeaderMapping(blocks, warnings);
        mapping.start(Columns.header((Block.TableRow) blocks.get(0)), 0);
        PlanDrafts drafts = new PlanDrafts(warnings);
        drafts.sections.add("Early Help");
        drafts.findings.add(new FindingDraft("1", "Early Help", "Plans are late", null));
        drafts.addAction(progress("In progress – half done"));
        StatusKey statusKey = new StatusKey();
        PlanHeading heading = new PlanHeading();
        heading.title = "Eastvale Plan";

        ParsedPlan plan = TablePlan.build(
                "plan.txt",
                "text",
                heading,
                new CoverBlock(blocks, new RunningHeaders(blocks), statusKey, drafts, warnings),
                mapping,
                drafts,
                statusKey,
                warnings);

        assertThat(plan.title()).isEqualTo("Eastvale Plan");
        assertThat(plan.sections()).containsExactly("Early Help");
        assertThat(plan.findings()).extracting(ParsedPlan.Finding::text).containsExactly("Plans are late");
        assertThat(plan.actions()).singleElement().satisfies(a -> {
            assertThat(a.statusRaw()).isEqualTo("In progress – half done");
            assertThat(a.status()).isEqualTo("IN_PROGRESS");
        });
        assertThat(plan.statusVocabulary()).containsExactly("In progress");
        assertThat(plan.columns()).extracting(ParsedPlan.ColumnMapping::field).containsExactly("action", "progress");
    }
}
