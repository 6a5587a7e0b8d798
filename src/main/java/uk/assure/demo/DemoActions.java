package uk.assure.demo;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import uk.assure.demo.DemoPlans.PlannedAction;
import uk.assure.demo.DemoPlans.PlannedUpdate;
import uk.assure.demo.DueDates.Dues;
import uk.assure.demo.PlanDraft.ActionDraft;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.DueDate;
import uk.assure.plan.NewPlan;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.Rag;
import uk.assure.plan.StatusTransitions;

/**
 * Plans one action's history so that today it shows its {@link Scenario}: when its updates were written, what each
 * says and the status each leaves. The windows fit the default RAG settings: a recent update is at most 45 days old,
 * a stale one more than 60.
 */
final class DemoActions {

    /** History covers the year before today. */
    private static final int HISTORY_DAYS = 360;

    private static final Set<MonthDay> OFFICE_CLOSED =
            Set.of(MonthDay.of(12, 25), MonthDay.of(12, 26), MonthDay.of(1, 1));

    /** One step of a history: the status it leaves the action in. */
    private enum Step {
        NOTE_NOT_STARTED(ActionStatus.NOT_STARTED),
        START(ActionStatus.IN_PROGRESS),
        PROGRESS(ActionStatus.IN_PROGRESS),
        COMPLETE(ActionStatus.COMPLETED),
        CLOSE(ActionStatus.CLOSED),
        SUPERSEDE(ActionStatus.SUPERSEDED);

        final ActionStatus status;

        Step(ActionStatus status) {
            this.status = status;
        }
    }

    private final Dice dice;
    private final LocalDate today;
    private final ZoneId zone;
    private final LocalDate issued;
    private final DemoDirectory.Ids ids;
    private final Vocabulary vocabulary;
    private final DueDates dueDates;

    DemoActions(
            Dice dice,
            Clock clock,
            LocalDate issued,
            DemoDirectory.Ids ids,
            Vocabulary vocabulary,
            DueStyle planStyle) {
        this.dice = dice;
        this.today = LocalDate.now(clock);
        this.zone = clock.getZone();
        this.issued = issued;
        this.ids = ids;
        this.vocabulary = vocabulary;
        this.dueDates = new DueDates(dice, today, issued, planStyle);
    }

    PlannedAction plan(ActionDraft draft, Scenario scenario, DueStyle style) {
        if (style == DueStyle.ONGOING && scenario != Scenario.GREEN && scenario != Scenario.AMBER_STALE) {
            throw new IllegalArgumentException("An undated action cannot be " + scenario);
        }
        String body = DemoDirectory.body(draft.body()).name();
        Narratives words = new Narratives(dice, body);
        List<LocalDate> days = updateDays(scenario);
        Dues dues = dueDates.plan(scenario, style, days, words);
        ActionStatus initial = style == DueStyle.ONGOING ? ActionStatus.IN_PROGRESS : ActionStatus.NOT_STARTED;
        List<PlannedUpdate> updates = updates(draft, scenario, days, dues, initial, words);
        NewPlan.Action action = new NewPlan.Action(
                draft.ref(),
                draft.text(),
                draft.findingRefs(),
                draft.leads().stream().map(ids::lead).toList(),
                draft.leadRaw(),
                dues.original(),
                body,
                ids.body(draft.body()),
                draft.expectedImpact(),
                draft.evidenceOfImpact(),
                initial,
                vocabulary.word(initial, false));
        return new PlannedAction(action, scenario, updates);
    }

    // --- when updates were written ---

    private List<LocalDate> updateDays(Scenario scenario) {
        LocalDate earliest = max(issued.plusDays(10), today.minusDays(HISTORY_DAYS));
        LocalDate last = today.minusDays(
                switch (scenario) {
                    case COMPLETED -> dice.between(20, 300);
                    case RED -> dice.between(3, 50);
                    case AMBER_DUE_SOON -> dice.between(3, 40);
                    case AMBER_STALE -> dice.between(70, 200);
                    case GREEN -> dice.between(1, 40);
                    case CLOSED, SUPERSEDED -> dice.between(30, 200);
                });
        int wanted = switch (scenario) {
            case AMBER_DUE_SOON -> dice.between(1, 2);
            case AMBER_STALE, CLOSED, SUPERSEDED -> dice.between(1, 3);
            case COMPLETED -> dice.between(2, 5);
            case RED, GREEN -> dice.between(1, 6);
        };
        return spread(earliest, max(last, earliest), wanted);
    }

    /**
     * Up to {@code wanted} working days ending on or just before {@code last}. Days start at least five days apart, so
     * moving one back off a weekend or holiday (four days at most) keeps them in order.
     */
    private List<LocalDate> spread(LocalDate earliest, LocalDate last, int wanted) {
        LocalDate first = earliest.plusDays(dice.below((int) DAYS.between(earliest, last) / 3 + 1));
        long span = DAYS.between(first, last);
        int count = (int) Math.max(1, Math.min(wanted, span / 7));
        long gap = span / count;
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < count - 1; i++) {
            days.add(workingDayOnOrBefore(first.plusDays(i * gap + dice.below((int) Math.max(1, gap / 2)))));
        }
        days.add(workingDayOnOrBefore(last));
        return days;
    }

    /** Saturday moves to Friday and Sunday to Thursday, so that Fridays do not take every weekend's updates. */
    private static LocalDate workingDayOnOrBefore(LocalDate day) {
        LocalDate working = switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.minusDays(3);
            default -> day;
        };
        while (working.getDayOfWeek() == DayOfWeek.SATURDAY
                || working.getDayOfWeek() == DayOfWeek.SUNDAY
                || OFFICE_CLOSED.contains(MonthDay.from(working))) {
            working = working.minusDays(1);
        }
        return working;
    }

    // --- the updates themselves ---

    private List<PlannedUpdate> updates(
            ActionDraft draft,
            Scenario scenario,
            List<LocalDate> days,
            Dues dues,
            ActionStatus initial,
            Narratives words) {
        List<Step> steps = steps(scenario, days.size(), initial);
        List<PlannedUpdate> updates = new ArrayList<>();
        ActionStatus current = initial;
        for (int i = 0; i < days.size(); i++) {
            Step step = steps.get(i);
            ProgressEntry entry = entry(step, current, days.get(i), dues, i, words);
            if (i == days.size() - 1) {
                entry = declare(entry, scenario, words);
            }
            updates.add(new PlannedUpdate(at(days.get(i)), author(draft), entry));
            current = step.status;
        }
        return updates;
    }

    private static List<Step> steps(Scenario scenario, int count, ActionStatus initial) {
        List<Step> steps = new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> i == 0 && initial == ActionStatus.NOT_STARTED ? Step.START : Step.PROGRESS)
                .toList());
        switch (scenario) {
            case AMBER_DUE_SOON -> Collections.fill(steps, Step.NOTE_NOT_STARTED);
            case COMPLETED -> steps.set(count - 1, Step.COMPLETE);
            case CLOSED -> steps.set(count - 1, Step.CLOSE);
            case SUPERSEDED -> steps.set(count - 1, Step.SUPERSEDE);
            case RED, AMBER_STALE, GREEN -> {}
        }
        return steps;
    }

    /** The status word follows the date in force: a plan's "Behind schedule" once that date has passed. */
    private ProgressEntry entry(
            Step step, ActionStatus current, LocalDate day, Dues dues, int index, Narratives words) {
        boolean revises = index == dues.revisedAt();
        DueDate inForce = dues.inForceAfter(index);
        boolean behind = inForce.date() != null && day.isAfter(inForce.date());
        String narrative = words.pick(revises ? slipped(step) : phrases(step));
        ProgressEntry entry = new ProgressEntry(
                narrative, step.status, vocabulary.word(step.status, behind), null, null, null, null, null, null);
        if (StatusTransitions.requiresReason(current, step.status)) {
            entry = entry.withStatusReason(
                    words.pick(step == Step.CLOSE ? Narratives.CLOSED_REASONS : Narratives.SUPERSEDED_REASONS));
        }
        return revises ? entry.withRevisedDue(dues.revised(), dues.reason()) : entry;
    }

    private static List<String> slipped(Step step) {
        return step == Step.NOTE_NOT_STARTED ? Narratives.START_PUT_BACK : Narratives.SLIPPED;
    }

    private static List<String> phrases(Step step) {
        return switch (step) {
            case NOTE_NOT_STARTED -> Narratives.NOT_STARTED;
            case START -> Narratives.STARTED;
            case PROGRESS -> Narratives.PROGRESS;
            case COMPLETE -> Narratives.COMPLETED;
            case CLOSE -> Narratives.CLOSED;
            case SUPERSEDE -> Narratives.SUPERSEDED;
        };
    }

    /** Some latest updates declare a RAG of their own, which need not match the computed one. */
    private ProgressEntry declare(ProgressEntry entry, Scenario scenario, Narratives words) {
        return switch (scenario) {
            case RED ->
                !dice.chance(0.5)
                        ? entry
                        : dice.chance(0.5)
                                ? entry.withDeclaredRag(Rag.RED, words.pick(Narratives.DECLARED_RED))
                                : entry.withDeclaredRag(Rag.AMBER, words.pick(Narratives.DECLARED_AMBER));
            case GREEN, AMBER_STALE ->
                dice.chance(0.3) ? entry.withDeclaredRag(Rag.GREEN, words.pick(Narratives.DECLARED_GREEN)) : entry;
            case COMPLETED, AMBER_DUE_SOON, CLOSED, SUPERSEDED -> entry;
        };
    }

    /** The first lead writes the updates; now and then the business manager writes them up instead. */
    private String author(ActionDraft draft) {
        if (draft.leads().isEmpty() || dice.chance(0.2)) {
            return DemoDirectory.person(DemoDirectory.BUSINESS_MANAGER).name();
        }
        String lead = draft.leads().get(0);
        return DemoDirectory.isPerson(lead)
                ? DemoDirectory.person(lead).name()
                : DemoDirectory.firstPersonOf(lead).name();
    }

    /** Office hours, well clear of a clock change, on a day before today. */
    private Instant at(LocalDate day) {
        return day.atTime(dice.between(9, 17), dice.below(60)).atZone(zone).toInstant();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
