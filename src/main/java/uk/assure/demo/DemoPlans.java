package uk.assure.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import uk.assure.plan.NewPlan;
import uk.assure.plan.ProgressEntry;

/**
 * The demo's three plans and a year of their history, planned as data with no database: the same seed and the same
 * day give the same plans. Dates count back from the clock's today, so every RAG state shows on any day.
 */
final class DemoPlans {

    /** One update as {@code ProgressService.recordAt} takes it. */
    record PlannedUpdate(Instant at, String author, ProgressEntry entry) {}

    /** An action, the state it is built to reach, and its history in order. */
    record PlannedAction(NewPlan.Action action, Scenario scenario, List<PlannedUpdate> updates) {
        PlannedAction {
            updates = List.copyOf(updates);
        }
    }

    /** A plan and its actions in document order: the order {@code PlanWriter} stores them in. */
    record PlannedPlan(NewPlan plan, Instant createdAt, List<PlannedAction> actions) {
        PlannedPlan {
            actions = List.copyOf(actions);
        }
    }

    private DemoPlans() {}

    static List<PlannedPlan> build(Random random, Clock clock, DemoDirectory.Ids ids) {
        LocalDate today = LocalDate.now(clock);
        Dice dice = new Dice(random);
        List<PlannedPlan> plans = new ArrayList<>();
        for (PlanDraft draft :
                List.of(InspectionPlan.draft(today), ReviewPlan.draft(today), BusinessPlan.draft(today))) {
            plans.add(plan(draft, dice, clock, ids));
        }
        return plans;
    }

    private static PlannedPlan plan(PlanDraft draft, Dice dice, Clock clock, DemoDirectory.Ids ids) {
        List<PlanDraft.ActionDraft> drafts = draft.actions();
        Iterator<Scenario> scenarios = scenarios(draft, drafts, dice).iterator();
        DemoActions planner = new DemoActions(
                dice,
                clock,
                draft.issuedOn(),
                ids,
                draft.vocabulary(),
                draft.dueStyles().get(0));
        List<PlannedAction> planned = new ArrayList<>();
        List<NewPlan.Section> sections = new ArrayList<>();
        for (PlanDraft.SectionDraft section : draft.sections()) {
            List<NewPlan.Action> actions = new ArrayList<>();
            for (PlanDraft.ActionDraft action : section.actions()) {
                int position = planned.size();
                DueStyle style = action.ongoing()
                        ? DueStyle.ONGOING
                        : draft.dueStyles().get(position % draft.dueStyles().size());
                PlannedAction next = planner.plan(action, scenarios.next(), style);
                planned.add(next);
                actions.add(next.action());
            }
            sections.add(new NewPlan.Section(
                    section.ref(), section.title(), section.description(), section.findings(), actions));
        }
        Instant createdAt =
                draft.issuedOn().atTime(10, 0).atZone(clock.getZone()).toInstant();
        return new PlannedPlan(draft.toPlan(sections), createdAt, planned);
    }

    /**
     * The plan's mix of scenarios shuffled over its actions, then swapped so that every action with no date gets one
     * an undated action can show: it can never be overdue or due soon, nor have been finished by a date.
     */
    private static List<Scenario> scenarios(PlanDraft draft, List<PlanDraft.ActionDraft> actions, Dice dice) {
        List<Scenario> scenarios = Scenario.mix(draft.mix());
        if (scenarios.size() != actions.size()) {
            throw new IllegalStateException(
                    draft.title() + ": " + scenarios.size() + " scenarios for " + actions.size() + " actions");
        }
        dice.shuffle(scenarios);
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).ongoing() && !fitsUndated(scenarios.get(i))) {
                Collections.swap(scenarios, i, undatedSlot(actions, scenarios, draft));
            }
        }
        return scenarios;
    }

    private static int undatedSlot(List<PlanDraft.ActionDraft> actions, List<Scenario> scenarios, PlanDraft draft) {
        for (int j = 0; j < actions.size(); j++) {
            if (!actions.get(j).ongoing() && fitsUndated(scenarios.get(j))) {
                return j;
            }
        }
        throw new IllegalStateException(draft.title() + ": too few green or stale actions for its undated ones");
    }

    private static boolean fitsUndated(Scenario scenario) {
        return scenario == Scenario.GREEN || scenario == Scenario.AMBER_STALE;
    }

    /** Counts by scenario, for logs and tests. */
    static Map<Scenario, Integer> count(List<PlannedPlan> plans) {
        Map<Scenario, Integer> counts = new EnumMap<>(Scenario.class);
        plans.forEach(p -> p.actions().forEach(a -> counts.merge(a.scenario(), 1, Integer::sum)));
        return counts;
    }
}
