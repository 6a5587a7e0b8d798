package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What row assembly has read so far: the sections, the findings and the actions, the finding the next actions answer,
 * and a heading waiting for its first action to become a section.
 */
final class PlanDrafts {

    private static final Pattern LABELLED_FINDING = Pattern.compile(
            "^(recommendation|finding|area for improvement|area for development|issue)\\s+(\\d{1,3}[a-z]?|[A-Z])"
                    + "\\s*[:.\\-–]\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Warnings warnings;
    final List<String> sections = new ArrayList<>();
    final List<FindingDraft> findings = new ArrayList<>();
    final List<ActionDraft> actions = new ArrayList<>();
    /** The section the next action goes in. */
    String section;
    /** The section came from a finding column's own heading, not a heading in the document. */
    boolean sectionFromHeader;
    /** The finding the next actions answer; null when none. */
    FindingDraft finding;
    /** The last action read, which a row continued from a page break adds to. */
    ActionDraft last;

    private String pendingSection;
    private SourceLocation pendingAt;
    private FindingDraft paragraphFinding;
    private int actionsSinceFinding;

    PlanDrafts(Warnings warnings) {
        this.warnings = warnings;
    }

    boolean hasPendingSection() {
        return pendingSection != null;
    }

    /** A heading that starts a section when an action follows it; reported if another heading comes first. */
    void pending(String text, SourceLocation at) {
        if (pendingSection != null) {
            warnings.notImported(pendingAt, "a heading with no actions under it", pendingSection);
        }
        pendingSection = text;
        pendingAt = at;
    }

    /** A finding or an action follows: the heading waiting becomes the section, and no finding carries over it. */
    void flushSection() {
        if (pendingSection != null) {
            section = pendingSection;
            sections.add(section);
            pendingSection = null;
            finding = null;
        }
    }

    /** The end of the document: a heading still waiting had no actions. */
    void finish() {
        if (pendingSection != null) {
            warnings.notImported(pendingAt, "a heading with no actions under it", pendingSection);
        }
    }

    void addFinding(FindingDraft draft) {
        findings.add(draft);
        finding = draft;
    }

    void addAction(ActionDraft action) {
        actions.add(action);
        actionsSinceFinding++;
        last = action;
    }

    boolean sameSection(FindingDraft draft) {
        return draft.section == null ? section == null : draft.section.equals(section);
    }

    /**
     * "Recommendation 2: …" as a paragraph: a finding, which the actions after it answer — unless several come
     * together with no actions between them, a list of findings that the table does not tie to its rows. False when
     * the text is not such a paragraph.
     */
    boolean labelledFinding(String text, SourceLocation at) {
        Matcher labelled = LABELLED_FINDING.matcher(text);
        if (!labelled.matches()) {
            return false;
        }
        String word = Character.toUpperCase(labelled.group(1).charAt(0))
                + labelled.group(1).substring(1).toLowerCase(Locale.ROOT);
        FindingDraft draft = new FindingDraft(
                word + " " + labelled.group(2),
                pendingSection != null ? pendingSection : section,
                labelled.group(3).strip(),
                at);
        findings.add(draft);
        boolean run = paragraphFinding != null && paragraphFinding == finding && actionsSinceFinding == 0;
        finding = run ? null : draft;
        paragraphFinding = run ? paragraphFinding : draft;
        actionsSinceFinding = 0;
        return true;
    }
}
