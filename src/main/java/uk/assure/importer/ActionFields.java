package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.assure.plan.DueDate;
import uk.assure.plan.StatusVocabulary;

/**
 * The field parsers every assembler shares: an action's cells, as written, to a {@link ParsedPlan.Action} with its
 * due date read, its status interpreted and its leads split; and what could not be read as warnings.
 */
final class ActionFields {

    /** A leading ref: "1.", "1.2", "1.2.3).", "(1a)", "2.1)" — the number the plan gave the action. */
    private static final Pattern LEADING_REF =
            Pattern.compile("^\\s*(\\(?\\d{1,3}(?:\\.\\d{1,3}){0,4}[a-z]?\\)?)[.):]*(?=\\s|$)\\s*");

    private ActionFields() {}

    /** Raw cells of one action; null where the plan has no such column or the cell is empty. */
    public record Raw(
            String ref,
            String section,
            List<String> findingRefs,
            String text,
            String lead,
            String due,
            String status,
            String success,
            String oversight,
            String evidence,
            String progress,
            SourceLocation at) {}

    public static ParsedPlan.Action build(Raw raw, List<ParsedPlan.Warning> warnings) {
        String text = HtmlText.collapse(raw.text() == null ? "" : raw.text());
        String ref = raw.ref();
        Matcher m = LEADING_REF.matcher(text);
        if (m.find() && m.end() < text.length()) {
            if (ref == null || ref.isBlank()) {
                ref = m.group(1).replaceAll("[()]", "");
            }
            text = text.substring(m.end());
        }
        String dueRaw = blankToNull(HtmlText.oneLine(raw.due()));
        DueDate due = DueDate.parse(dueRaw);
        String location = raw.at() == null ? null : raw.at().describe();
        if (due.warning() != null) {
            warnings.add(new ParsedPlan.Warning(location, due.warning()));
        }
        String statusRaw = blankToNull(HtmlText.oneLine(raw.status()));
        String status = statusRaw == null
                ? null
                : StatusVocabulary.interpret(statusRaw).map(Enum::name).orElse(null);
        String lead = blankToNull(HtmlText.oneLine(raw.lead()));
        return new ParsedPlan.Action(
                blankToNull(ref),
                raw.section(),
                raw.findingRefs() == null ? List.of() : raw.findingRefs(),
                text,
                lead,
                splitLeads(raw.lead()),
                dueRaw,
                due.date(),
                due.precision().name(),
                statusRaw,
                status,
                blankToNull(raw.success()),
                blankToNull(raw.oversight()),
                blankToNull(raw.evidence()),
                blankToNull(raw.progress()),
                location);
    }

    /** "SBC Public Health\nHDFT" → two leads; "Children's Services/ Primary Care" → two; commas inside brackets kept. */
    static List<String> splitLeads(String lead) {
        List<String> leads = new ArrayList<>();
        if (lead == null || lead.isBlank()) {
            return leads;
        }
        for (String line : HtmlText.collapse(lead).split("\n")) {
            for (String part : line.split("\\s*(?:/|;|&|\\band\\b)\\s*(?![^()]*\\))")) {
                String clean = part.strip();
                if (!clean.isEmpty()) {
                    leads.add(clean);
                }
            }
        }
        return leads;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
