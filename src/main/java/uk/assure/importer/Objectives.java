package uk.assure.importer;

import static uk.assure.importer.LineKinds.ACTION_REF;
import static uk.assure.importer.LineKinds.FINDING;
import static uk.assure.importer.LineKinds.FINDING_IN_OBJECTIVE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Section headings in PDF-column text: objectives ("1. The Partnership will know … (Finding 1)") over several lines,
 * one cut by a page break and finished under the next action's cells, and "Recommendation 2: …" printed across the
 * table, which is both a section and a finding its actions answer.
 */
final class Objectives {

    private final List<TextLine> lines;
    private final List<ParsedPlan.Finding> findings;
    private final Map<Integer, String> objectives = new TreeMap<>();
    /** "Recommendation 2" for the section headed by it, by the section's number. */
    private final Map<Integer, String> sectionFindings = new TreeMap<>();
    /** An objective cut off by a page break before its "(Finding N)", waiting for the rest of its lines. */
    private Integer openObjective;

    /** @param findings the plan's findings, which a "Recommendation N:" section adds to */
    Objectives(List<TextLine> lines, List<ParsedPlan.Finding> findings) {
        this.lines = lines;
        this.findings = findings;
    }

    boolean has(int number) {
        return objectives.containsKey(number);
    }

    boolean isEmpty() {
        return objectives.isEmpty();
    }

    /** The sections, in the order of their numbers. */
    List<String> sections() {
        return new ArrayList<>(objectives.values());
    }

    /** The section numbered so; null when none. */
    String section(int number) {
        return objectives.get(number);
    }

    /** The findings the actions of section number answer: its "Recommendation N", or the "(Finding N)" in it. */
    List<String> findingRefs(int number) {
        List<String> refs = new ArrayList<>();
        String section = objectives.get(number);
        if (sectionFindings.containsKey(number)) {
            refs.add(sectionFindings.get(number));
        } else if (section != null) {
            Matcher f = FINDING_IN_OBJECTIVE.matcher(section);
            while (f.find()) {
                refs.add(LineKinds.findingRef(f.group().substring(1).split("\\s+")[0], f.group(1)));
            }
        }
        return refs;
    }

    /**
     * "Recommendation 2: Schools should …" printed across the table above its actions (2.1, 2.2): a section, and a
     * finding those actions answer. Returns the index of the first line after it.
     */
    int findingSection(int i, Matcher heading) {
        String ref = LineKinds.findingRef(heading.group(1), heading.group(2));
        StringBuilder text = new StringBuilder(lines.get(i).text().strip());
        int j = i + 1;
        while (j < lines.size()) {
            String next = lines.get(j).text().strip();
            if (next.isEmpty()
                    || LineKinds.isActionStart(next)
                    || LineKinds.isHeading(next)
                    || FINDING.matcher(next).matches()) {
                break;
            }
            text.append(' ').append(next);
            j++;
        }
        String section = HtmlText.oneLine(text.toString());
        Matcher number = Pattern.compile("\\d+").matcher(heading.group(2));
        if (number.find()) {
            int key = Integer.parseInt(number.group());
            objectives.putIfAbsent(key, section);
            sectionFindings.putIfAbsent(key, ref);
        }
        if (findings.stream().noneMatch(f -> f.ref().equals(ref))) {
            findings.add(new ParsedPlan.Finding(
                    ref,
                    null,
                    HtmlText.oneLine(heading.group(3) + " "
                            + text.substring(Math.min(
                                    text.length(), lines.get(i).text().strip().length()))),
                    lines.get(i).at() == null ? null : lines.get(i).at().describe()));
        }
        return j;
    }

    /**
     * "1. The Partnership / will know that / … (Finding 1)": an objective over several lines, ending in its finding.
     * Returns the index of the first line after it.
     */
    int objective(int i, int number, String first) {
        StringBuilder text = new StringBuilder(number + ". " + first);
        int j = i + 1;
        while (!FINDING_IN_OBJECTIVE.matcher(text).find() && j < lines.size() && j < i + 40) {
            String next = lines.get(j).text().strip();
            if (next.isEmpty() || ACTION_REF.matcher(next).matches() || LineKinds.isHeading(next)) {
                break;
            }
            text.append(' ').append(next);
            j++;
        }
        objectives.put(number, HtmlText.oneLine(text.toString()));
        boolean sawTags = objectives.values().stream()
                .anyMatch(o -> FINDING_IN_OBJECTIVE.matcher(o).find());
        openObjective = sawTags && !FINDING_IN_OBJECTIVE.matcher(text).find() ? Integer.valueOf(number) : null;
        return j;
    }

    /**
     * The end of an objective cut by a page break ("the household / … / (Finding 2)"), printed under the cells of the
     * action beside it: taken back to the objective, from the first line after one naming a role or body. Returns the
     * lines of the block that are the action's cells.
     */
    List<TextLine> takeTail(List<TextLine> cell) {
        if (openObjective == null) {
            return cell;
        }
        String last = cell.get(cell.size() - 1).text().strip();
        Matcher tag = FINDING_IN_OBJECTIVE.matcher(last);
        if (!tag.find() || tag.end() != last.length()) {
            return cell;
        }
        int from = cell.size() - 1;
        while (from > 0) {
            String previous = cell.get(from - 1).text().strip();
            if (CellKinds.LEAD_WORDS.matcher(previous).find() || previous.endsWith(")")) {
                break;
            }
            from--;
        }
        String tail = String.join(
                " ",
                cell.subList(from, cell.size()).stream().map(TextLine::text).toList());
        objectives.put(openObjective, HtmlText.oneLine(objectives.get(openObjective) + " " + tail));
        openObjective = null;
        return new ArrayList<>(cell.subList(0, from));
    }
}
