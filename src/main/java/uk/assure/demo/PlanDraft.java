package uk.assure.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import uk.assure.plan.FindingKind;
import uk.assure.plan.NewPlan;
import uk.assure.plan.PlanKind;

/**
 * A demo plan's words before its dates and history are planned: what each plan says, with leads and bodies named by
 * {@link DemoDirectory} key, the mix of {@link Scenario}s its actions get and the ways it writes due dates.
 *
 * @param mix      how many actions show each scenario; the counts add up to the plan's actions
 * @param dueStyles how the plan writes due dates, taken in turn by action; due-soon dates are always written as a day
 */
record PlanDraft(
        String title,
        PlanKind kind,
        String source,
        String versionLabel,
        String leadOfficer,
        LocalDate issuedOn,
        String preamble,
        String successCriteria,
        String measures,
        Vocabulary vocabulary,
        List<NewPlan.GlossaryTerm> glossary,
        List<String> links,
        List<SectionDraft> sections,
        Map<Scenario, Integer> mix,
        List<DueStyle> dueStyles) {

    PlanDraft {
        glossary = List.copyOf(glossary);
        links = List.copyOf(links);
        sections = List.copyOf(sections);
        mix = Map.copyOf(mix);
        dueStyles = List.copyOf(dueStyles);
        if (dueStyles.isEmpty() || dueStyles.contains(DueStyle.ONGOING)) {
            throw new IllegalArgumentException("Ongoing is chosen per action, not in a plan's due styles");
        }
    }

    /** The whole plan, once its actions are planned. */
    NewPlan toPlan(List<NewPlan.Section> plannedSections) {
        return new NewPlan(
                title,
                kind,
                source,
                DemoDirectory.AREA,
                versionLabel,
                leadOfficer,
                issuedOn,
                preamble,
                successCriteria,
                measures,
                vocabulary.words(),
                glossary,
                links,
                plannedSections);
    }

    List<ActionDraft> actions() {
        return sections.stream().flatMap(s -> s.actions().stream()).toList();
    }

    record SectionDraft(
            String ref, String title, String description, List<NewPlan.Finding> findings, List<ActionDraft> actions) {
        SectionDraft {
            findings = List.copyOf(findings);
            actions = List.copyOf(actions);
        }
    }

    /**
     * @param leads   {@link DemoDirectory} keys of people or agencies, in the order the plan names them
     * @param body    the key of the body that oversees the action
     * @param ongoing the plan gives no date ("Ongoing"): the work is already under way and never falls due
     */
    record ActionDraft(
            String ref,
            String text,
            List<String> findingRefs,
            List<String> leads,
            String leadRaw,
            String body,
            String expectedImpact,
            String evidenceOfImpact,
            boolean ongoing) {
        ActionDraft {
            findingRefs = List.copyOf(findingRefs);
            leads = List.copyOf(leads);
        }
    }

    static SectionBuilder section(String ref, String title, String description) {
        return new SectionBuilder(ref, title, description);
    }

    /** Findings then the actions that answer them: each action answers the finding added before it. */
    static final class SectionBuilder {
        private final String ref;
        private final String title;
        private final String description;
        private final List<NewPlan.Finding> findings = new ArrayList<>();
        private final List<ActionDraft> actions = new ArrayList<>();
        private String currentFinding;

        private SectionBuilder(String ref, String title, String description) {
            this.ref = ref;
            this.title = title;
            this.description = description;
        }

        SectionBuilder finding(String findingRef, FindingKind kind, String text) {
            findings.add(new NewPlan.Finding(findingRef, kind, text));
            currentFinding = findingRef;
            return this;
        }

        /** {@code leads} is a comma-separated list of directory keys. */
        SectionBuilder action(
                String actionRef,
                String text,
                String leads,
                String leadRaw,
                String body,
                String expectedImpact,
                String evidenceOfImpact) {
            actions.add(new ActionDraft(
                    actionRef,
                    text,
                    currentFinding == null ? List.of() : List.of(currentFinding),
                    keys(leads),
                    leadRaw,
                    body,
                    expectedImpact,
                    evidenceOfImpact,
                    false));
            return this;
        }

        /** The last action also answers these findings. */
        SectionBuilder alsoAnswering(String... findingRefs) {
            ActionDraft last = actions.remove(actions.size() - 1);
            List<String> refs = new ArrayList<>(last.findingRefs());
            refs.addAll(List.of(findingRefs));
            actions.add(new ActionDraft(
                    last.ref(),
                    last.text(),
                    refs,
                    last.leads(),
                    last.leadRaw(),
                    last.body(),
                    last.expectedImpact(),
                    last.evidenceOfImpact(),
                    last.ongoing()));
            return this;
        }

        /** The last action has no date: it says "Ongoing". */
        SectionBuilder ongoing() {
            ActionDraft last = actions.remove(actions.size() - 1);
            actions.add(new ActionDraft(
                    last.ref(),
                    last.text(),
                    last.findingRefs(),
                    last.leads(),
                    last.leadRaw(),
                    last.body(),
                    last.expectedImpact(),
                    last.evidenceOfImpact(),
                    true));
            return this;
        }

        SectionDraft build() {
            return new SectionDraft(ref, title, description, findings, actions);
        }

        private static List<String> keys(String commaSeparated) {
            return Arrays.stream(commaSeparated.split(","))
                    .map(String::strip)
                    .filter(k -> !k.isEmpty())
                    .toList();
        }
    }
}
