package uk.assure.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.assure.demo.DemoPlans.PlannedAction;
import uk.assure.demo.DemoPlans.PlannedPlan;
import uk.assure.demo.DemoPlans.PlannedUpdate;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.DueDate;
import uk.assure.plan.DuePrecision;
import uk.assure.plan.NewPlan;
import uk.assure.plan.PlanKind;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.Rag;
import uk.assure.plan.RagAssessment;
import uk.assure.plan.RagCalculator;
import uk.assure.plan.RagInput;
import uk.assure.plan.RagSettings;
import uk.assure.plan.StatusTransitions;
import uk.assure.support.English;

/**
 * The demo's plans and history as data: the shape of the plans, and that replaying each action's history the way
 * the app stores it gives the RAG it was built for, on any day.
 */
class DemoPlansTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Month ends, a leap day, both clock changes, a new year, and today. */
    static Stream<LocalDate> days() {
        return Stream.of(
                LocalDate.of(2024, 2, 29),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 3, 30),
                LocalDate.of(2025, 10, 26),
                LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 5, 31),
                LocalDate.of(2027, 12, 31),
                LocalDate.now(LONDON));
    }

    @ParameterizedTest
    @MethodSource("days")
    void everyActionShowsTheRagItWasBuiltForAndEveryStateAppears(LocalDate day) {
        Clock clock = clockOn(day);
        RagCalculator calculator = new RagCalculator(clock, RagSettings.defaults());
        Map<Rag, Integer> byRag = new EnumMap<>(Rag.class);
        List<String> explanations = new ArrayList<>();
        for (PlannedPlan plan : build(clock)) {
            for (PlannedAction action : plan.actions()) {
                RagAssessment rag = calculator.assess(replay(plan, action, clock));
                assertThat(rag.rag())
                        .as("%s %s (%s)", plan.plan().kind(), action.action().ref(), action.scenario())
                        .isEqualTo(action.scenario().rag());
                byRag.merge(rag.rag(), 1, Integer::sum);
                explanations.add(English.of(rag.explanation()));
            }
        }
        // the cases that wait on sign-off, or have no date, are added after the history (DemoShowcase)
        assertThat(byRag.keySet()).contains(Rag.RED, Rag.AMBER, Rag.GREEN, Rag.COMPLETED, Rag.CLOSED);
        assertThat(explanations).anyMatch(e -> e.endsWith("not started")).anyMatch(e -> e.startsWith("No update for"));
    }

    /** Every day of three years, so no calendar corner (short months, leap years, clock changes) breaks a state. */
    @Test
    void everyDayOfThreeYearsGivesEachActionItsRag() {
        for (LocalDate day = LocalDate.of(2025, 1, 1); day.isBefore(LocalDate.of(2028, 1, 1)); day = day.plusDays(1)) {
            Clock clock = clockOn(day);
            RagCalculator calculator = new RagCalculator(clock, RagSettings.defaults());
            for (PlannedPlan plan : build(clock)) {
                for (PlannedAction action : plan.actions()) {
                    assertThat(calculator.assess(replay(plan, action, clock)).rag())
                            .as(
                                    "%s: %s %s",
                                    day, plan.plan().kind(), action.action().ref())
                            .isEqualTo(action.scenario().rag());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("days")
    void historiesFollowTheStatusRulesAndStayInTheLastYear(LocalDate day) {
        Clock clock = clockOn(day);
        for (PlannedPlan plan : build(clock)) {
            for (PlannedAction action : plan.actions()) {
                assertThat(action.updates()).as(action.action().text()).hasSizeBetween(1, 6);
                ActionStatus current = action.action().status();
                Instant previous = plan.createdAt();
                for (PlannedUpdate update : action.updates()) {
                    ProgressEntry entry = update.entry();
                    ActionStatus from = current;
                    assertThatCode(() -> StatusTransitions.check(from, entry.statusAfter(), entry.statusReason()))
                            .doesNotThrowAnyException();
                    assertThat(update.at())
                            .isAfter(previous)
                            .isBefore(clock.instant())
                            .isAfter(day.minusDays(366).atStartOfDay(LONDON).toInstant());
                    assertThat(LocalDate.ofInstant(update.at(), LONDON).getDayOfWeek())
                            .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                    assertValid(entry);
                    assertThat(update.author()).isNotBlank();
                    current = entry.statusAfter();
                    previous = update.at();
                }
            }
        }
    }

    @Test
    void threePlansOfDifferentKindsWithAboutSixtyActions() {
        List<PlannedPlan> plans = build(clockOn(LocalDate.of(2026, 5, 31)));

        assertThat(plans)
                .extracting(p -> p.plan().kind())
                .containsExactly(PlanKind.INSPECTION, PlanKind.REVIEW, PlanKind.BUSINESS_PLAN);
        assertThat(plans).extracting(p -> p.plan().actionCount()).containsExactly(26, 18, 16);
        assertThat(plans)
                .allSatisfy(p -> assertThat(p.actions()).hasSize(p.plan().actionCount()));
        NewPlan inspection = plans.get(0).plan();
        assertThat(inspection.source()).isEqualTo("Joint targeted area inspection, 31 March – 4 April 2025");
        assertThat(InspectionPlan.span(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 14)))
                .isEqualTo("10–14 March 2025");
        assertThat(inspection.glossary()).hasSizeBetween(6, 10);
        assertThat(inspection.statusVocabulary()).containsExactly("Behind schedule", "On track", "Completed");
        assertThat(plans.get(1).plan().statusVocabulary()).containsExactly("Completed", "Work underway", "Outstanding");
        assertThat(actions(plans.get(0))).allSatisfy(a -> assertThat(a.ref()).matches("[1-4]\\.[12]\\.[1-4]"));
    }

    @Test
    void plansAreWrittenTheWayTheirKindsAreWritten() {
        List<PlannedPlan> plans = build(clockOn(LocalDate.of(2025, 10, 26)));
        List<NewPlan.Action> review = actions(plans.get(1));
        List<NewPlan.Action> business = actions(plans.get(2));

        assertThat(review).anyMatch(a -> a.findingRefs().equals(List.of("Finding 2", "Finding 4")));
        assertThat(plans.get(1).plan().successCriteria()).isNotBlank();
        Set<String> findings = plans.get(1).plan().sections().stream()
                .flatMap(s -> s.findings().stream())
                .map(NewPlan.Finding::ref)
                .collect(Collectors.toSet());
        assertThat(review).allSatisfy(a -> assertThat(findings).containsAll(a.findingRefs()));
        assertThat(business).anyMatch(a -> a.ref() == null).anyMatch(a -> a.ref() != null);
        assertThat(business)
                .filteredOn(a -> a.due().precision() == DuePrecision.ONGOING)
                .isNotEmpty()
                .allMatch(a -> a.status() == ActionStatus.IN_PROGRESS);
        assertThat(plans.stream().flatMap(p -> actions(p).stream()))
                .allSatisfy(a -> assertThat(a.due().warning()).isNull())
                .allSatisfy(a -> assertThat(a.leads()).isNotEmpty())
                .allSatisfy(a -> assertThat(a.leadRaw()).isNotBlank())
                .allSatisfy(a -> assertThat(a.oversightBodyId()).isNotNull());
        assertThat(actions(plans.get(0)))
                .filteredOn(a -> a.due().precision() == DuePrecision.MONTH)
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.due().raw()).matches("[A-Z][a-z]{2}\\.\\d{2}"));
    }

    @ParameterizedTest
    @MethodSource("days")
    void dueDatesComeInEveryWayPeopleWriteThemAndSomeSlip(LocalDate day) {
        Clock clock = clockOn(day);
        List<PlannedPlan> plans = build(clock);
        Set<DuePrecision> precisions = plans.stream()
                .flatMap(p -> p.actions().stream())
                .flatMap(a -> Stream.concat(
                        Stream.of(a.action().due()),
                        a.updates().stream().map(u -> u.entry().revisedDue()).filter(Objects::nonNull)))
                .map(DueDate::precision)
                .collect(Collectors.toSet());
        assertThat(precisions)
                .contains(
                        DuePrecision.MONTH,
                        DuePrecision.DAY,
                        DuePrecision.QUARTER,
                        DuePrecision.RANGE,
                        DuePrecision.ONGOING);

        long slipped = plans.stream()
                .flatMap(p -> p.actions().stream())
                .filter(a -> a.updates().stream()
                        .anyMatch(u -> u.entry().revisedDue() != null
                                && !u.entry().revisedDue().equals(a.action().due())))
                .count();
        assertThat(slipped).isGreaterThanOrEqualTo(3);
        assertThat(plans.stream().flatMap(p -> p.actions().stream()).flatMap(a -> a.updates().stream()))
                .anyMatch(u -> u.entry().declaredRag() != null)
                .anyMatch(u -> u.entry().statusReason() != null);
    }

    @Test
    void theSameSeedOnTheSameDayGivesTheSamePlans() {
        Clock clock = clockOn(LocalDate.of(2026, 1, 31));

        assertThat(build(clock)).isEqualTo(build(clock));
        assertThat(build(clockOn(LocalDate.of(2026, 2, 1)))).isNotEqualTo(build(clock));
    }

    // --- helpers ---

    private static Clock clockOn(LocalDate day) {
        return Clock.fixed(day.atTime(LocalTime.NOON).atZone(LONDON).toInstant(), LONDON);
    }

    private static List<PlannedPlan> build(Clock clock) {
        return DemoPlans.build(new Random(DemoData.SEED), clock, fakeIds());
    }

    /** Ids as the database would hand them out: 1, 2, 3… per table. */
    private static DemoDirectory.Ids fakeIds() {
        Map<String, Long> agencies = new HashMap<>();
        DemoDirectory.AGENCIES.forEach(a -> agencies.put(a.key(), agencies.size() + 1L));
        Map<String, Long> people = new HashMap<>();
        DemoDirectory.PEOPLE.forEach(p -> people.put(p.key(), people.size() + 1L));
        Map<String, Long> bodies = new HashMap<>();
        DemoDirectory.BODIES.forEach(b -> bodies.put(b.key(), bodies.size() + 1L));
        return new DemoDirectory.Ids(agencies, people, bodies);
    }

    private static List<NewPlan.Action> actions(PlannedPlan plan) {
        return plan.plan().sections().stream()
                .flatMap(s -> s.actions().stream())
                .toList();
    }

    /** What the action row holds after its history: as {@code ProgressService} and {@code PlanQueries} derive it. */
    private static RagInput replay(PlannedPlan plan, PlannedAction action, Clock clock) {
        ActionStatus status = action.action().status();
        DueDate due = action.action().due();
        Instant lastActivity = plan.createdAt();
        for (PlannedUpdate update : action.updates()) {
            status = update.entry().statusAfter();
            due = update.entry().revisedDue() != null ? update.entry().revisedDue() : due;
            lastActivity = update.at();
        }
        return new RagInput(status, due, LocalDate.ofInstant(lastActivity, clock.getZone()));
    }

    /** The rules {@code ProgressValidator} applies before an update joins the history. */
    private static void assertValid(ProgressEntry entry) {
        assertThat(entry.narrative()).isNotBlank().doesNotContain("{body}");
        if (entry.revisedDue() != null) {
            assertThat(entry.revisionReason()).isNotBlank();
            assertThat(entry.revisedDue().precision()).isNotEqualTo(DuePrecision.UNKNOWN);
        }
        if (entry.declaredRag() != null) {
            assertThat(entry.declaredRag()).isIn(Rag.RED, Rag.AMBER, Rag.GREEN);
            assertThat(entry.declaredRagReason()).isNotBlank();
        }
        assertThat(entry.evidenceUrl()).isNull();
    }
}
