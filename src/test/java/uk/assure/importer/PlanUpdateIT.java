package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.PlanQueries;
import uk.assure.plan.PlanViews;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;
import uk.assure.support.DatabaseTest;

/**
 * A newer version of a held plan updates it in place: matched actions keep their history, changed due dates become
 * revisions with the original kept, new actions are added, and missing ones wait for a person's decision.
 */
@DatabaseTest
class PlanUpdateIT {

    @Autowired
    PartnershipDirectory directory;

    @Autowired
    PlanImporter importer;

    @Autowired
    PlanQueries queries;

    @Autowired
    ProgressService progress;

    long partnership;
    String planId;
    String version1;

    @BeforeEach
    void version1IsHeldWithAnUpdateRecordedSinceImport() throws IOException {
        partnership = directory.createPartnership("Testshire").id();
        directory.createAgency(partnership, "Testshire County Council", "TCC", List.of());
        try (InputStream in = getClass().getResourceAsStream("/importer/fixtures/small-plan.tsv")) {
            version1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        planId = importer.commit(partnership, parse("v1.tsv", version1), Set.of())
                .externalId();
        PlanViews.ActionPage audit = action("Audit twenty referrals");
        progress.record(
                partnership,
                audit.externalId(),
                audit.version(),
                ProgressEntry.note("Ten of twenty referrals audited.", ActionStatus.IN_PROGRESS),
                new ProgressService.Author(null, "Agency lead"));
    }

    /** Version 2: one due date moved, one action dropped, one new action. */
    private String version2() {
        return version1.replace("Version 2: updated June 2024", "Version 3: updated September 2024")
                        .replace("D. Supt. PVP\tJun.24", "D. Supt. PVP\tSep.24")
                        .replaceAll("(?m)^1\\.2\t.*\n", "")
                + "\t\tAsk ten children how the new form works for them.\tTCC\tDec.24\tPartnership Executive\tChildren say they were heard\t\n";
    }

    @Test
    void thePreviewFindsTheHeldPlanAndLinesUpItsActions() {
        PlanImporter.Preview preview = importer.preview(partnership, parse("v2.tsv", version2()));

        assertThat(preview.update()).isNotNull();
        assertThat(preview.update().heldExternalId()).isEqualTo(planId);
        assertThat(preview.update().match().matched()).hasSize(3);
        assertThat(preview.update().match().added())
                .extracting(ParsedPlan.Action::text)
                .containsExactly("Ask ten children how the new form works for them.");
        assertThat(preview.update().match().missing())
                .extracting(VersionMatch.Held::text)
                .containsExactly("Give the ICB safeguarding team access to the MASH records.");
    }

    @Test
    void updatingKeepsHistoryRevisesDatesAddsNewActionsAndKeepsMissingOnesUntilAPersonDecides() {
        PlanImporter.Committed committed = importer.commit(
                partnership, parse("v2.tsv", version2()), new PlanImporter.Choice(false, Set.of(), Set.of()));

        assertThat(committed.updated()).isTrue();
        assertThat(committed.externalId()).isEqualTo(planId);
        assertThat(committed)
                .extracting(
                        PlanImporter.Committed::matched, PlanImporter.Committed::added, PlanImporter.Committed::closed)
                .containsExactly(3, 1, 0);
        PlanViews.PlanPage plan = queries.findPlan(partnership, planId).orElseThrow();
        assertThat(plan.versionLabel()).isEqualTo("Version 3: updated September 2024");
        assertThat(plan.actionCount()).as("nothing deleted: 4 held + 1 new").isEqualTo(5);

        PlanViews.ActionPage audit = action("Audit twenty referrals");
        assertThat(audit.history())
                .extracting(PlanViews.UpdateView::narrative)
                .contains("Ten of twenty referrals audited.");
        assertThat(audit.originalDue().raw()).isEqualTo("Jun.24");
        assertThat(audit.currentDue().raw()).isEqualTo("Sep.24");
        assertThat(audit.history())
                .anySatisfy(u -> assertThat(u.revisionReason()).contains("Version 3"));

        PlanViews.ActionPage missing = action("Give the ICB safeguarding team");
        assertThat(missing.status()).isNotEqualTo(ActionStatus.SUPERSEDED);
        assertThat(action("Ask ten children").currentDue().raw()).isEqualTo("Dec.24");
    }

    @Test
    void aMissingActionChosenForClosingIsSupersededWithTheReason() {
        ParsedPlan v2 = parse("v2.tsv", version2());
        String missing = importer.preview(partnership, v2)
                .update()
                .match()
                .missing()
                .get(0)
                .externalId();

        importer.commit(partnership, v2, new PlanImporter.Choice(false, Set.of(), Set.of(missing)));

        PlanViews.ActionPage closed = queries.findAction(partnership, missing).orElseThrow();
        assertThat(closed.status()).isEqualTo(ActionStatus.SUPERSEDED);
        assertThat(closed.history())
                .filteredOn(u -> u.statusAfter() == ActionStatus.SUPERSEDED)
                .singleElement()
                .satisfies(u -> assertThat(u.statusReason()).contains("Not in Version 3"));
    }

    @Test
    void importingAsNewLeavesTheHeldPlanAlone() {
        PlanImporter.Committed committed = importer.commit(
                partnership, parse("v2.tsv", version2()), new PlanImporter.Choice(true, Set.of(), Set.of()));

        assertThat(committed.updated()).isFalse();
        assertThat(committed.externalId()).isNotEqualTo(planId);
        assertThat(queries.findPlan(partnership, planId).orElseThrow().versionLabel())
                .isEqualTo("Version 2: updated June 2024");
    }

    private PlanViews.ActionPage action(String textStart) {
        PlanViews.PlanPage plan = queries.findPlan(partnership, planId).orElseThrow();
        String id = plan.sections().stream()
                .flatMap(s -> s.actions().stream())
                .filter(a -> a.text().startsWith(textStart))
                .findFirst()
                .orElseThrow()
                .externalId();
        return queries.findAction(partnership, id).orElseThrow();
    }

    private static ParsedPlan parse(String name, String text) {
        return PlanParsers.standard().parse(name, text.getBytes(StandardCharsets.UTF_8));
    }
}
