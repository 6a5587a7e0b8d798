package uk.assure.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.assure.support.TestPlans.aPlan;
import static uk.assure.support.TestPlans.aSection;
import static uk.assure.support.TestPlans.anAction;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.ProgressService.Author;
import uk.assure.support.DatabaseTest;
import uk.assure.system.NotFoundException;
import uk.assure.system.Scope;

/** A query for partnership B never returns, reveals or changes a row of partnership A. */
@DatabaseTest
class PartnershipIsolationIT {

    @Autowired
    PartnershipDirectory directory;

    @Autowired
    PlanWriter writer;

    @Autowired
    PlanQueries queries;

    @Autowired
    ProgressService progress;

    long a;
    long b;
    PlanWriter.Created planOfA;
    String actionOfA;

    @BeforeEach
    void twoPartnershipsEachWithAPlan() {
        a = directory.createPartnership("Partnership A").id();
        b = directory.createPartnership("Partnership B").id();
        directory.createAgency(a, "Police of A", "PA", List.of("SBC"));
        planOfA = writer.create(
                a,
                aPlan().titled("Plan of A")
                        .with(aSection("1")
                                .withFinding("1.1", "Finding of A")
                                .with(anAction("1.1").answering("1.1")))
                        .build(),
                Instant.now());
        writer.create(
                b,
                aPlan().titled("Plan of B")
                        .with(aSection("1").with(anAction("9.9")))
                        .build(),
                Instant.now());
        actionOfA = planOfA.actionIdsByExternalId().keySet().iterator().next();
        progress.record(
                a,
                actionOfA,
                0,
                ProgressEntry.note("Secret progress of A", ActionStatus.IN_PROGRESS),
                new Author(null, "Someone in A"));
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void aQueryThatForgetsItsPartnershipStillSeesOnlyTheScopesRows() {
        // the test's own thread sees every partnership; a request's thread sees only its user's
        try (var closed = Scope.partnership(b)) {
            assertThat(jdbc.sql("SELECT title FROM plan").query(String.class).list())
                    .containsExactly("Plan of B");
            assertThat(jdbc.sql("SELECT count(*) FROM progress_update")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("UPDATE action SET text = 'Overwritten'").update())
                    .isEqualTo(1);
        }
        assertThat(queries.findAction(a, actionOfA).orElseThrow().text()).isNotEqualTo("Overwritten");
    }

    @Test
    void listingPlansForBShowsOnlyB() {
        assertThat(queries.listPlans(b))
                .extracting(PlanViews.PlanListItem::title)
                .containsExactly("Plan of B");
    }

    @Test
    void aPlanOfAIsNotFoundFromB() {
        assertThat(queries.findPlan(b, planOfA.externalId())).isEmpty();
        assertThat(queries.findPlan(a, planOfA.externalId())).isPresent();
    }

    @Test
    void anActionOfAIsNotFoundFromB() {
        assertThat(queries.findAction(b, actionOfA)).isEmpty();
    }

    @Test
    void theHistoryOfAIsEmptyWhenAskedAsB() {
        long actionId = planOfA.actionIdsByExternalId().get(actionOfA);
        assertThat(queries.history(b, actionId)).isEmpty();
        assertThat(queries.history(a, actionId)).hasSize(1);
    }

    @Test
    void BCannotUpdateAnActionOfA() {
        assertThatThrownBy(() -> progress.record(
                        b,
                        actionOfA,
                        1,
                        ProgressEntry.note("Intrusion", ActionStatus.COMPLETED),
                        new Author(null, "Someone in B")))
                .isInstanceOf(NotFoundException.class);
        assertThat(queries.findAction(a, actionOfA).orElseThrow().history()).hasSize(1);
    }

    @Test
    void agencyAliasesOfAAreNotMatchedForB() {
        assertThat(directory.findAgency(a, "sbc")).isPresent();
        assertThat(directory.findAgency(b, "SBC")).isEmpty();
    }
}
