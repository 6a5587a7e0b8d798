package uk.assure.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A whole plan as it arrives, from the demo generator or an import, before it has ids. Sections hold findings
 * and actions in document order; an action names the findings it answers by their ref within its section,
 * or by ref anywhere in the plan.
 */
public record NewPlan(
        String title,
        PlanKind kind,
        String source,
        String area,
        String versionLabel,
        String leadOfficer,
        LocalDate issuedOn,
        String preamble,
        String successCriteria,
        String measures,
        List<String> statusVocabulary,
        List<GlossaryTerm> glossary,
        List<String> links,
        List<Section> sections) {

    public NewPlan {
        statusVocabulary = List.copyOf(statusVocabulary);
        glossary = List.copyOf(glossary);
        links = List.copyOf(links);
        sections = List.copyOf(sections);
    }

    public record GlossaryTerm(String term, String meaning) {}

    public record Section(String ref, String title, String description, List<Finding> findings, List<Action> actions) {
        public Section {
            findings = List.copyOf(findings);
            actions = List.copyOf(actions);
        }
    }

    public record Finding(String ref, FindingKind kind, String text) {}

    public record Action(
            String ref,
            String text,
            List<String> findingRefs,
            List<Lead> leads,
            String leadRaw,
            DueDate due,
            String oversightRaw,
            Long oversightBodyId,
            String expectedImpact,
            String evidenceOfImpact,
            ActionStatus status,
            String statusWord) {
        public Action {
            findingRefs = List.copyOf(findingRefs);
            leads = List.copyOf(leads);
        }
    }

    /** An agency, a person, or both; ids are the partnership's own. */
    public record Lead(Long agencyId, Long personId) {}

    public int actionCount() {
        return sections.stream().mapToInt(s -> s.actions().size()).sum();
    }
}
