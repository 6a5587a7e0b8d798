package uk.assure.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.assure.support.TestPlans.aPlan;
import static uk.assure.support.TestPlans.aSection;
import static uk.assure.support.TestPlans.anAction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.plan.PlanViews.ActionRow;
import uk.assure.plan.PlanViews.PlanPage;
import uk.assure.support.DatabaseTest;
import uk.assure.support.English;

@DatabaseTest
class PlanRoundTripIT {

    @Autowired
    PartnershipDirectory directory;

    @Autowired
    PlanWriter writer;

    @Autowired
    PlanQueries queries;

    @Test
    void aPlanWithSectionsFindingsAndActionsComesBackAsWritten() {
        long p = directory.createPartnership("Round trip").id();
        long police = directory.createAgency(p, "Testshire Police", "Police", List.of("D. Supt. PVP"));
        long person = directory.createPerson(p, "Sam Example", "Detective Superintendent", police);
        NewPlan plan = aPlan().titled("JTAI domestic abuse plan")
                .withTerm("MASH", "Multi-Agency Safeguarding Hub")
                .with(aSection("1")
                        .titled("Strategy meetings")
                        .withFinding("1.1", "Strategy meetings are not always held.")
                        .withFinding("1.2", "Minutes are not always shared.")
                        .with(anAction("1.1.1")
                                .text("Develop a SPOC process")
                                .answering("1.1", "1.2")
                                .ledBy(police, person)
                                .leadRaw("D. Supt. PVP")
                                .due("Mar.19")
                                .status(ActionStatus.IN_PROGRESS, "On track"))
                        .with(anAction("1.1.2").answering("1.1").due("Ongoing")))
                .with(aSection("2")
                        .titled("Front door")
                        .with(anAction(null).text("Unnumbered action").due("29 January 2010")))
                .build();

        PlanWriter.Created created = writer.create(p, plan, Instant.parse("2019-01-02T10:00:00Z"));
        PlanPage page = queries.findPlan(p, created.externalId()).orElseThrow();

        assertThat(page.title()).isEqualTo("JTAI domestic abuse plan");
        assertThat(page.kind()).isEqualTo(PlanKind.INSPECTION);
        assertThat(page.statusVocabulary()).containsExactly("Behind schedule", "On track", "Completed");
        assertThat(page.glossary()).containsExactly(new NewPlan.GlossaryTerm("MASH", "Multi-Agency Safeguarding Hub"));
        assertThat(page.links()).containsExactly("Children and Young People's Plan");
        assertThat(page.sections())
                .extracting(PlanViews.SectionView::title)
                .containsExactly("Strategy meetings", "Front door");
        assertThat(page.sections().get(0).findings())
                .extracting(PlanViews.FindingView::ref)
                .containsExactly("1.1", "1.2");
        assertThat(page.actionCount()).isEqualTo(3);

        ActionRow first = page.sections().get(0).actions().get(0);
        assertThat(first.ref()).isEqualTo("1.1.1");
        assertThat(first.findingRefs()).containsExactly("1.1", "1.2");
        assertThat(first.lead()).isEqualTo("D. Supt. PVP");
        assertThat(first.statusLabel()).isEqualTo("On track");
        assertThat(first.currentDue().date()).isEqualTo(LocalDate.of(2019, 3, 31));
        assertThat(first.currentDue().precision()).isEqualTo(DuePrecision.MONTH);
        assertThat(page.sections().get(0).actions().get(1).currentDue().precision())
                .isEqualTo(DuePrecision.ONGOING);
        assertThat(page.sections().get(1).actions().get(0).ref()).isNull();

        ActionPage action = queries.findAction(p, first.externalId()).orElseThrow();
        assertThat(action.planTitle()).isEqualTo("JTAI domestic abuse plan");
        assertThat(action.findings())
                .extracting(PlanViews.FindingView::text)
                .containsExactly("Strategy meetings are not always held.", "Minutes are not always shared.");
        assertThat(action.leadNames()).containsExactly("Sam Example, Testshire Police");
        assertThat(action.originalDue().raw()).isEqualTo("Mar.19");
        assertThat(action.oversight()).isEqualTo("MASH Board");
        assertThat(action.expectedImpact()).isEqualTo("Improved engagement");
        assertThat(action.history()).isEmpty();
        assertThat(action.version()).isZero();
    }

    @Test
    void aDueDateThatCannotBeReadIsKeptAsWrittenAndNeverBlocksTheSave() {
        long p = directory.createPartnership("Unreadable").id();
        PlanWriter.Created created = writer.create(
                p,
                aPlan().with(aSection("1").with(anAction("1").due("When the new system arrives")))
                        .build(),
                Instant.now());

        ActionPage action =
                queries.findAction(p, created.actionExternalIds().get(0)).orElseThrow();

        assertThat(action.currentDue().raw()).isEqualTo("When the new system arrives");
        assertThat(action.currentDue().precision()).isEqualTo(DuePrecision.UNKNOWN);
        assertThat(action.currentDue().date()).isNull();
        assertThat(action.rag().rag()).as("no date is never Green").isEqualTo(Rag.NO_DUE_DATE);
        assertThat(English.of(action.rag().explanation())).startsWith("No due date");
    }

    @Test
    void thePlansListCountsActionsByRag() {
        long p = directory.createPartnership("Counting").id();
        writer.create(
                p,
                aPlan().titled("Counted plan")
                        .with(aSection("1")
                                .with(anAction("1").due("Mar.19"))
                                .with(anAction("2").status(ActionStatus.COMPLETED, "Completed")))
                        .build(),
                Instant.now());

        PlanViews.PlanListItem item = queries.listPlans(p).get(0);

        assertThat(item.title()).isEqualTo("Counted plan");
        assertThat(item.actionCount()).isEqualTo(2);
        assertThat(item.red()).isEqualTo(1);
        assertThat(item.completed()).isEqualTo(1);
    }
}
