package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Row assembly's reading of a finding cell: its ref ("2.15", "(1a)", "Recommendation 3:"), from the Ref column, from
 * the cell itself or by counting on from the finding above; a list of refs ("Findings 2, 3 and 5"); more text for the
 * finding above.
 */
final class FindingCells {

    /** "1.", "2.15", "(1a)", "Recommendation 3:", "Finding 1:" at the start of a finding. */
    private static final Pattern FINDING_REF = Pattern.compile(
            "^\\s*(?:(recommendation|finding|area for (?:improvement|development)|issue|priority|objective)\\s+)?"
                    + "(\\(?\\d{1,3}(?:\\.\\d{1,3}){0,3}[a-z]?\\)?|\\(?[a-z]\\)|[A-Z](?=\\s*[:.)]))\\s*[.):\\-–]*(?:\\s+|$)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern REF_LIST = Pattern.compile(
            "^(?:(?:findings?|recs?\\.?|recommendations?|areas?)\\s*)?(\\d{1,3}(?:\\.\\d{1,3})*[a-z]?)"
                    + "((?:\\s*(?:,|and|&)\\s*\\d{1,3}(?:\\.\\d{1,3})*[a-z]?)+)$",
            Pattern.CASE_INSENSITIVE);

    private final PlanDrafts drafts;
    private final HeaderMapping mapping;

    FindingCells(PlanDrafts drafts, HeaderMapping mapping) {
        this.drafts = drafts;
        this.mapping = mapping;
    }

    /** The cell starts with a finding's number or label and has text after it. */
    static boolean hasFindingRef(String cell) {
        if (cell == null) {
            return false;
        }
        Matcher m = FINDING_REF.matcher(cell);
        return m.find() && m.end() < cell.length();
    }

    /** A finding cell, with the Ref column's cell beside it when that numbers the findings. */
    void read(String cell, String refCell, SourceLocation at) {
        Matcher list = REF_LIST.matcher(HtmlText.oneLine(cell));
        if (list.matches()) {
            drafts.flushSection();
            List<String> refs = new ArrayList<>();
            refs.add(list.group(1));
            for (String more : list.group(2).split("\\s*(?:,|and|&)\\s*")) {
                if (!more.isBlank()) {
                    refs.add(more.strip());
                }
            }
            FindingDraft answered = new FindingDraft(null, drafts.section, null, at);
            answered.refs.addAll(refs);
            drafts.finding = answered;
            return;
        }
        drafts.flushSection();
        String text = cell;
        String ref = refCell == null ? null : refCell.replaceAll("[.)]+$", "").replaceAll("^\\(", "");
        Matcher m = FINDING_REF.matcher(cell);
        if (m.find() && m.end() < cell.length()) {
            String embedded = m.group(2).replaceAll("[()]", "");
            String word = m.group(1);
            if (ref == null) {
                ref = word == null
                        ? embedded
                        : Character.toUpperCase(word.charAt(0))
                                + word.substring(1).toLowerCase(Locale.ROOT) + " " + embedded;
            }
            text = cell.substring(m.end());
        }
        FindingDraft finding = drafts.finding;
        if (ref == null && finding != null && drafts.sameSection(finding)) {
            if (mapping.refsNumberFindings()) {
                finding.append(text); // another paragraph of the area above: the Ref column is empty beside it
                return;
            }
            ref = nextRef(finding.ref);
        } else if (ref == null) {
            ref = mapping.refsNumberFindings() ? null : "1";
        }
        ref = excelRef(ref);
        if (ref != null
                && ref.matches("\\d{1,3}")
                && finding != null
                && finding.ref != null
                && finding.ref.matches("\\d{1,3}")
                && drafts.sameSection(finding)
                && Integer.parseInt(ref) <= Integer.parseInt(finding.ref)) {
            // Numbers going back within a section are lists restarting: a one-item "<ol>" per row shows 1, 1, 1.
            ref = nextRef(finding.ref);
        }
        drafts.addFinding(new FindingDraft(ref, drafts.section, text, at));
    }

    /**
     * Excel keeps "2.10" typed into a General cell as the number 2.1: a ref already used in this section that, with a
     * 0 added, is the one after the previous ref, is that one.
     */
    private String excelRef(String ref) {
        FindingDraft finding = drafts.finding;
        if (ref == null || !ref.matches("\\d{1,3}\\.\\d") || finding == null || finding.ref == null) {
            return ref;
        }
        boolean used = drafts.findings.stream().anyMatch(f -> ref.equals(f.ref) && drafts.sameSection(f));
        String previous = finding.ref;
        int dot = previous.lastIndexOf('.');
        if (!used || dot < 0 || !previous.substring(dot + 1).matches("\\d{1,3}")) {
            return ref;
        }
        String next = previous.substring(0, dot + 1) + (Integer.parseInt(previous.substring(dot + 1)) + 1);
        return next.equals(ref + "0") ? next : ref;
    }

    /** "3" after "2"; null after anything but a plain number. */
    static String nextRef(String ref) {
        if (ref != null && ref.matches("\\d{1,3}")) {
            return String.valueOf(Integer.parseInt(ref) + 1);
        }
        return null;
    }
}
