package uk.assure.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static uk.assure.support.TestPlans.aPlan;
import static uk.assure.support.TestPlans.aSection;
import static uk.assure.support.TestPlans.anAction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.InvalidProgressException.FieldError;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.plan.ProgressService.Author;
import uk.assure.support.DatabaseTest;
import uk.assure.support.English;
import uk.assure.system.Scope;

@DatabaseTest
class ProgressHistoryIT {

    private static final Author ALEX = new Author(null, "Alex Lead");
    private static final Author BO = new Author(null, "Bo Manager");

    @Autowired
    PartnershipDirectory directory;

    @Autowired
    PlanWriter writer;

    @Autowired
    PlanQueries queries;

    @Autowired
    ProgressService progress;

    @Autowired
    JdbcClient jdbc;

    long partnership;
    String action;

    @BeforeEach
    void aPlanWithOneAction() {
        partnership = directory.createPartnership("History").id();
        // the history's own mechanics, with dates taken as recorded and no evidence asked for; HonestRagIT covers
        // requests and sign-off
        jdbc.sql(
                        "UPDATE partnership SET revisions_need_acceptance = false, completion_needs_evidence = false WHERE id = ?")
                .param(partnership)
                .update();
        PlanWriter.Created created = writer.create(
                partnership,
                aPlan().with(aSection("1").with(anAction("1.1").due("Dec.18"))).build(),
                Instant.now());
        action = created.actionIdsByExternalId().keySet().iterator().next();
    }

    @Nested
    class Appending {

        @Test
        void theCurrentStateFollowsTheHistoryAndTheOriginalDateIsKept() {
            progress.record(
                    partnership, action, 0, ProgressEntry.note("Work has started", ActionStatus.IN_PROGRESS), ALEX);
            progress.record(
                    partnership,
                    action,
                    1,
                    ProgressEntry.note("Training delayed by the provider", ActionStatus.IN_PROGRESS)
                            .withRevisedDue(DueDate.parse("Mar.19"), "Provider cancelled the January dates"),
                    BO);

            ActionPage page = queries.findAction(partnership, action).orElseThrow();

            assertThat(page.status()).isEqualTo(ActionStatus.IN_PROGRESS);
            assertThat(page.version()).isEqualTo(2);
            assertThat(page.originalDue().date()).isEqualTo(LocalDate.of(2018, 12, 31));
            assertThat(page.currentDue().date()).isEqualTo(LocalDate.of(2019, 3, 31));
            assertThat(page.currentDue().raw()).isEqualTo("Mar.19");
            assertThat(page.dueRevised()).isTrue();
            assertThat(page.history())
                    .extracting(PlanViews.UpdateView::authorName)
                    .containsExactly("Bo Manager", "Alex Lead");
            assertThat(page.history().get(0).revisionReason()).isEqualTo("Provider cancelled the January dates");
            assertThat(page.history().get(1).statusBefore()).isEqualTo(ActionStatus.NOT_STARTED);
        }

        @Test
        void replayingTheStoredHistoryGivesTheStateKeptOnTheAction() {
            progress.record(partnership, action, 0, ProgressEntry.note("Started", ActionStatus.IN_PROGRESS), ALEX);
            progress.record(
                    partnership,
                    action,
                    1,
                    ProgressEntry.note("Slipped", ActionStatus.IN_PROGRESS)
                            .withRevisedDue(DueDate.parse("30 June 2019"), "Waiting for the new system")
                            .withDeclaredRag(Rag.AMBER, "Depends on procurement"),
                    BO);
            progress.record(partnership, action, 2, ProgressEntry.note("Done", ActionStatus.COMPLETED), ALEX);

            ActionPage page = queries.findAction(partnership, action).orElseThrow();
            List<ActionState.HistoryEntry> history = new ArrayList<>();
            List<PlanViews.UpdateView> oldestFirst = new ArrayList<>(page.history());
            Collections.reverse(oldestFirst);
            for (PlanViews.UpdateView u : oldestFirst) {
                history.add(new ActionState.HistoryEntry(
                        u.recordedAt(),
                        u.statusAfter(),
                        u.statusWord(),
                        u.revisedDue(),
                        u.declaredRag(),
                        u.declaredRagReason()));
            }
            ActionState replayed =
                    ActionState.replay(ActionState.initial(page.initialStatus(), null, page.originalDue()), history);

            assertThat(replayed.status()).isEqualTo(page.status());
            assertThat(replayed.currentDue().date()).isEqualTo(page.currentDue().date());
            assertThat(replayed.lastUpdateAt()).isEqualTo(page.lastUpdateAt());
            assertThat(replayed.declaredRag()).isEqualTo(page.declaredRag());
        }

        @Test
        void theHistoryCannotBeRewrittenInTheDatabase() {
            progress.record(partnership, action, 0, ProgressEntry.note("Started", ActionStatus.IN_PROGRESS), ALEX);

            assertThatThrownBy(() -> jdbc.sql("UPDATE progress_update SET narrative = 'Never started'")
                            .update())
                    .hasStackTraceContaining("append only");
        }
    }

    @Nested
    class Refusing {

        @Test
        void anEmptyNarrativeAForbiddenStatusAndARevisedDateWithoutAReasonAreEachNamed() {
            progress.record(
                    partnership,
                    action,
                    0,
                    ProgressEntry.note("Closed", ActionStatus.CLOSED).withStatusReason("Replaced by the new MASH plan"),
                    ALEX);

            assertThatThrownBy(() -> progress.record(
                            partnership,
                            action,
                            1,
                            ProgressEntry.note("  ", ActionStatus.IN_PROGRESS)
                                    .withRevisedDue(DueDate.parse("Mar.19"), null),
                            ALEX))
                    .isInstanceOfSatisfying(
                            InvalidProgressException.class,
                            e -> assertThat(e.errors())
                                    .extracting(FieldError::field, err -> English.of(err.message()))
                                    .containsExactly(
                                            tuple("narrative", "Enter what has happened since the last update"),
                                            tuple("status", "An action that is Closed cannot be moved to In progress"),
                                            tuple("revisionReason", "Give a reason for the new due date")));
            assertThat(queries.findAction(partnership, action).orElseThrow().history())
                    .hasSize(1);
        }

        @Test
        void closingWithoutAReasonIsRefused() {
            assertThatThrownBy(() -> progress.record(
                            partnership,
                            action,
                            0,
                            ProgressEntry.note("No longer needed", ActionStatus.SUPERSEDED),
                            ALEX))
                    .isInstanceOfSatisfying(
                            InvalidProgressException.class,
                            e -> assertThat(e.errors())
                                    .extracting(FieldError::field)
                                    .containsExactly("statusReason"));
        }

        @Test
        void evidenceMustBeAWebAddressNotAScript() {
            ProgressEntry entry = new ProgressEntry(
                    "See the audit",
                    ActionStatus.IN_PROGRESS,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "javascript:alert(1)");
            assertThatThrownBy(() -> progress.record(partnership, action, 0, entry, ALEX))
                    .isInstanceOfSatisfying(
                            InvalidProgressException.class,
                            e -> assertThat(e.errors())
                                    .extracting(FieldError::field)
                                    .containsExactly("evidenceUrl"));
        }
    }

    @Nested
    class Conflicts {

        @Test
        void aStaleWriteIsRefusedAndNamesWhoGotThereFirst() {
            progress.record(
                    partnership, action, 0, ProgressEntry.note("Alex's update", ActionStatus.IN_PROGRESS), ALEX);

            assertThatThrownBy(() -> progress.record(
                            partnership,
                            action,
                            0,
                            ProgressEntry.note("Bo's update from an old page", ActionStatus.IN_PROGRESS),
                            BO))
                    .isInstanceOf(StaleActionException.class)
                    .satisfies(
                            e -> assertThat(English.of(e))
                                    .isEqualTo(
                                            "This action was updated by Alex Lead after you opened it. Your update has not been saved."));
            assertThat(queries.findAction(partnership, action).orElseThrow().history())
                    .extracting(PlanViews.UpdateView::narrative)
                    .containsExactly("Alex's update");
        }

        @Test
        void twoSimultaneousWritersFromTheSameVersionLeaveExactlyOneUpdate() throws Exception {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<String>> writers = new ArrayList<>();
            for (Author author : List.of(ALEX, BO, ALEX, BO)) {
                writers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        // a thread of its own, as a request would be, in the partnership's scope
                        try (var scope = Scope.partnership(partnership)) {
                            progress.record(
                                    partnership,
                                    action,
                                    0,
                                    ProgressEntry.note("From " + author.name(), ActionStatus.IN_PROGRESS),
                                    author);
                        }
                        return "saved";
                    } catch (StaleActionException e) {
                        return "refused";
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (CompletableFuture<String> w : writers) {
                outcomes.add(w.get());
            }

            assertThat(outcomes).containsOnlyOnce("saved");
            assertThat(queries.findAction(partnership, action).orElseThrow().history())
                    .hasSize(1);
            assertThat(queries.findAction(partnership, action).orElseThrow().version())
                    .isEqualTo(1);
        }
    }
}
