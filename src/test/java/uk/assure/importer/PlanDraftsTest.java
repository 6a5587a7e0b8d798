package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanDraftsTest {

    private final Warnings warnings = new Warnings(Blocks.FILE);
    private final PlanDrafts drafts = new PlanDrafts(warnings);

    @Test
    void aHeadingBecomesASectionWhenAnActionFollowsAndIsReportedIfAnotherComesFirst() {
        drafts.pending("Early Help", Blocks.line(1));
        drafts.pending("Front Door", Blocks.line(2));
        drafts.finding = new FindingDraft("1", null, "Old", null);
        drafts.flushSection();
        drafts.pending("Health", Blocks.line(9));
        drafts.finish();

        assertThat(drafts.section).isEqualTo("Front Door");
        assertThat(drafts.sections).containsExactly("Front Door");
        assertThat(drafts.finding).as("no finding carries over a section").isNull();
        assertThat(warnings.list())
                .extracting(ParsedPlan.Warning::location)
                .containsExactly("plan.txt, line 1", "plan.txt, line 9");
        assertThat(Blocks.messages(warnings))
                .first()
                .isEqualTo("not imported (a heading with no actions under it): 'Early Help'");
    }

    @Test
    void aLabelledFindingParagraphIsAFindingTheNextActionsAnswer() {
        assertThat(drafts.labelledFinding("Plans are reviewed", null)).isFalse();
        drafts.pending("Early Help", null);
        assertThat(drafts.labelledFinding("RECOMMENDATION 2: Review the plans", Blocks.line(3)))
                .isTrue();

        assertThat(drafts.findings).hasSize(1);
        FindingDraft finding = drafts.findings.get(0);
        assertThat(finding.ref).isEqualTo("Recommendation 2");
        assertThat(finding.section).as("the heading waiting").isEqualTo("Early Help");
        assertThat(finding.text).isEqualTo("Review the plans");
        assertThat(drafts.finding).isSameAs(finding);
    }

    @Test
    void labelledFindingsTogetherWithNoActionsAreAListTheActionsDoNotAnswer() {
        drafts.labelledFinding("Finding 1: One", null);
        drafts.labelledFinding("Finding 2: Two", null);
        assertThat(drafts.findings).hasSize(2);
        assertThat(drafts.finding).isNull();

        drafts.addAction(new ActionDraft(null));
        drafts.labelledFinding("Finding 3: Three", null);
        assertThat(drafts.finding.ref).isEqualTo("Finding 3");
        assertThat(drafts.last).isSameAs(drafts.actions.get(0));
    }

    @Test
    void aFindingIsInTheSameSectionWhenBothHaveNone() {
        assertThat(drafts.sameSection(new FindingDraft("1", null, "x", null))).isTrue();
        drafts.section = "Health";
        assertThat(drafts.sameSection(new FindingDraft("1", null, "x", null))).isFalse();
        assertThat(drafts.sameSection(new FindingDraft("1", "Health", "x", null)))
                .isTrue();
    }
}
