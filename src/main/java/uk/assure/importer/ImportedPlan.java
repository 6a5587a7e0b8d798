package uk.assure.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.DueDate;
import uk.assure.plan.FindingKind;
import uk.assure.plan.NewPlan;
import uk.assure.plan.PlanKind;
import uk.assure.plan.StatusVocabulary;

/** A parsed plan as the plan domain takes it: sections in order, leads matched, each action's progress as a note. */
record ImportedPlan(NewPlan plan, List<String> progressNotes) {

    static final String NO_SECTION = "Actions";

    /** Parsed actions as the plan domain takes them, with this partnership's agencies and bodies matched. */
    record Converter(ParsedPlan parsed, LeadMatcher agencies, DirectoryMatcher bodies) {

        NewPlan.Action action(ParsedPlan.Action a) {
            return ImportedPlan.action(a, agencies, bodies);
        }

        /** The given actions grouped into their sections, in order, each with the findings of that section. */
        List<NewPlan.Section> sectionsOf(List<ParsedPlan.Action> actions) {
            Map<String, List<NewPlan.Action>> bySection = new LinkedHashMap<>();
            actions.forEach(a -> bySection
                    .computeIfAbsent(sectionOf(a.section()), k -> new ArrayList<>())
                    .add(action(a)));
            List<NewPlan.Section> sections = new ArrayList<>();
            bySection.forEach((title, sectionActions) -> sections.add(new NewPlan.Section(
                    null,
                    title,
                    null,
                    parsed.findings().stream()
                            .filter(f -> sectionOf(f.section()).equals(title))
                            .map(f -> new NewPlan.Finding(f.ref(), FindingKind.FINDING, f.text()))
                            .toList(),
                    sectionActions)));
            return sections;
        }
    }

    static ImportedPlan from(ParsedPlan parsed, LeadMatcher agencies, DirectoryMatcher bodies) {
        Map<String, List<NewPlan.Finding>> findings = new LinkedHashMap<>();
        Map<String, List<NewPlan.Action>> actions = new LinkedHashMap<>();
        parsed.sections().forEach(s -> {
            findings.put(s, new ArrayList<>());
            actions.put(s, new ArrayList<>());
        });
        for (ParsedPlan.Finding f : parsed.findings()) {
            findings.computeIfAbsent(sectionOf(f.section()), k -> new ArrayList<>())
                    .add(new NewPlan.Finding(f.ref(), FindingKind.FINDING, f.text()));
            actions.computeIfAbsent(sectionOf(f.section()), k -> new ArrayList<>());
        }
        List<String> notes = new ArrayList<>();
        Map<String, List<String>> notesBySection = new LinkedHashMap<>();
        for (ParsedPlan.Action a : parsed.actions()) {
            String section = sectionOf(a.section());
            findings.computeIfAbsent(section, k -> new ArrayList<>());
            actions.computeIfAbsent(section, k -> new ArrayList<>()).add(action(a, agencies, bodies));
            notesBySection.computeIfAbsent(section, k -> new ArrayList<>()).add(note(a));
        }
        List<NewPlan.Section> sections = new ArrayList<>();
        for (String title : actions.keySet()) {
            sections.add(new NewPlan.Section(null, title, null, findings.get(title), actions.get(title)));
            notes.addAll(notesBySection.getOrDefault(title, List.of()));
        }
        NewPlan plan = new NewPlan(
                parsed.title() == null || parsed.title().isBlank() ? parsed.file() : parsed.title(),
                PlanKind.OTHER,
                parsed.inspectionDate(),
                parsed.organisation(),
                parsed.versionLabel(),
                parsed.leadOfficer(),
                null,
                null,
                parsed.successCriteria(),
                parsed.measures(),
                parsed.statusVocabulary(),
                parsed.glossary().stream()
                        .map(g -> new NewPlan.GlossaryTerm(g.term(), g.meaning()))
                        .toList(),
                parsed.links(),
                sections);
        return new ImportedPlan(plan, notes);
    }

    private static NewPlan.Action action(ParsedPlan.Action a, LeadMatcher agencies, DirectoryMatcher bodies) {
        List<NewPlan.Lead> leads = a.leads().stream()
                .map(agencies::match)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        StatusVocabulary.Reading status = a.statusRaw() == null
                ? null
                : StatusVocabulary.read(a.statusRaw()).orElse(null);
        return new NewPlan.Action(
                a.ref(),
                a.text(),
                a.findingRefs(),
                leads,
                a.lead(),
                DueDate.parse(a.dueRaw()),
                a.oversight(),
                bodies.match(a.oversight()).orElse(null),
                a.successCriteria(),
                a.evidence(),
                status == null ? ActionStatus.NOT_STARTED : status.status(),
                status == null ? null : status.word());
    }

    /** What the plan said about progress, kept as the first entry of the action's history. */
    private static String note(ParsedPlan.Action a) {
        String text = String.join(
                "\n",
                Stream.of(a.statusRaw(), a.progress())
                        .filter(s -> s != null && !s.isBlank())
                        .toList());
        return text.isBlank() ? null : text;
    }

    private static String sectionOf(String section) {
        return section == null || section.isBlank() ? NO_SECTION : section;
    }
}
