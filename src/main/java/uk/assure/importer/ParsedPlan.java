package uk.assure.importer;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan as read from a document, before it is matched to a partnership: what {@code assure parse} prints as JSON
 * and what the import preview shows. Text fields have HTML removed; {@code lead}, {@code dueRaw} and
 * {@code statusRaw} are the cells as written with whitespace collapsed.
 */
public record ParsedPlan(
        String file,
        String format,
        String title,
        String organisation,
        String inspectionDate,
        String documentDate,
        String versionLabel,
        String leadOfficer,
        String successCriteria,
        String measures,
        List<String> links,
        List<String> statusVocabulary,
        List<String> sections,
        List<Finding> findings,
        List<Action> actions,
        List<GlossaryTerm> glossary,
        List<ColumnMapping> columns,
        List<Warning> warnings) {

    public record Finding(String ref, String section, String text, String location) {}

    public record Action(
            String ref,
            String section,
            List<String> findingRefs,
            String text,
            String lead,
            List<String> leads,
            String dueRaw,
            LocalDate due,
            String duePrecision,
            String statusRaw,
            String status,
            String successCriteria,
            String oversight,
            String evidence,
            String progress,
            String location) {}

    public record GlossaryTerm(String term, String meaning) {}

    /** Which column of the document went into which field, for the preview: "Key tasks" → action. */
    public record ColumnMapping(String heading, String field) {}

    public record Warning(String location, String message) {}
}
