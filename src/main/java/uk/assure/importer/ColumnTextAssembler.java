package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.assure.plan.DueDate;
import uk.assure.plan.DuePrecision;

/**
 * Plans copied out of a PDF, where the table's columns came out one after another as short lines rather than as
 * rows: "1.2.1). Reviewing" / "assessment tools to" / "October 2017" / "HSCB member" / "organisation leads". Reads
 * actions from their hierarchical refs (1.2, 1.2.1 are separate actions), joins the wrapped lines of each action's
 * text and takes out the timescale printed in among them; groups the lines that follow an action (blocks between
 * blank lines) into its timescale, lead, success criteria and progress by what each looks like; and takes
 * objectives ("1. The Board will … (Finding 1)") as sections, "Finding N:" paragraphs as findings.
 * Field readings here are best efforts from print order, and the preview says so.
 */
public final class ColumnTextAssembler implements PlanAssembler {

    private static final Pattern ACTION_REF = Pattern.compile("^\\s*(\\d{1,2}(?:\\.\\d{1,2}){1,3})\\s*\\)?\\s*[.):]*\\s*(.*)$");
    private static final Pattern OBJECTIVE = Pattern.compile("^\\s*(\\d{1,2})\\.\\s+(\\S.*)$");
    private static final Pattern FINDING_IN_OBJECTIVE = Pattern.compile("\\((?:finding|recommendation)s?\\s+(\\d{1,2}[a-z]?)\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FINDING = Pattern.compile("^\\s*(Finding|Recommendation|Learning point)\\s+(\\d{1,2}[a-z]?)\\s*[:.\\-–]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING = Pattern.compile("^\\s*(objectives?|actions?|lead( agency| officer)?|timescales?"
            + "|by when|success criteria|outcomes?|progress|status|rag|ref|recommendations?|findings?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAN_SUCCESS = Pattern.compile("^\\s*success criteria for (the )?(whole|overall|this) (action )?plan\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final String MONTHS = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern MONTH_ONLY = Pattern.compile("(?i)^\\s*(?:to commence\\s+)?" + MONTHS + "\\.?\\s*$");
    private static final Pattern YEAR_TAIL = Pattern.compile("^(.*?)\\s+((?:19|20)\\d{2}(?:\\s*-\\s*(?:" + MONTHS
            + "\\s+)?(?:19|20)\\d{2})?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_HEAD = Pattern.compile("(?i)^\\s*((?:to commence\\s+)?" + MONTHS
            + "\\.?\\s+(?:19|20)\\d{2}(?:\\s*-\\s*(?:" + MONTHS + "\\s+)?(?:19|20)\\d{2})?)\\s+(\\S.*)$");
    private static final Pattern DATE_TAIL = Pattern.compile("(?i)^(.*\\S)\\s+(" + MONTHS
            + "\\.?\\s+(?:19|20)\\d{2}(?:\\s*-\\s*(?:" + MONTHS + "\\s+)?(?:19|20)\\d{2})?)\\s*$");
    private static final Pattern LEAD_WORDS = Pattern.compile("(?i)\\b(council|director|head of|chair|manager|group|team"
            + "|leads?|officer|worker|service|services|police|trust|ccg|partnership|hscb|lscb|board|(?<!-)agenc(y|ies)"
            + "|membership|nurse|designated|named|organisations?|\\([A-Z]{2,6}\\))\\b|\\([A-Z]{2,6}\\)");
    /** "HBC Changing futures North East": a body named by its initials first. */
    private static final Pattern ACRONYM_FIRST = Pattern.compile("^[A-Z]{2,6}\\b");

    /** Verbs that make a line a sentence (success criteria, progress) rather than the name of a role or body. */
    private static final Pattern SENTENCE_WORDS = Pattern.compile("(?i)\\b(will|to be|has|have|had|is|are|was|were|being)\\b");

    @Override
    public boolean accepts(List<Block> blocks) {
        int refs = 0;
        int lines = 0;
        for (Block block : blocks) {
            if (block instanceof Block.TableRow row && Columns.header(row) != null) {
                return false;
            }
            if (block instanceof Block.Paragraph p) {
                lines++;
                Matcher m = ACTION_REF.matcher(p.text());
                if (m.matches() && !m.group(2).isBlank() && Character.isLetter(m.group(2).codePointAt(0))) {
                    refs++;
                }
            }
        }
        return refs >= 3 && lines >= 10;
    }

    @Override
    public ParsedPlan assemble(String fileName, String format, List<Block> blocks) {
        return new Run(fileName, format, lines(fileName, blocks)).assemble();
    }

    /** The document as lines, blank ones kept (they separate the column blocks), with their line numbers. */
    private static List<Line> lines(String fileName, List<Block> blocks) {
        List<Line> lines = new ArrayList<>();
        int previous = 0;
        for (Block block : blocks) {
            int row = block.at() == null ? previous + 1 : block.at().row();
            if (row > previous + 1 && !lines.isEmpty()) {
                lines.add(new Line("", null));
            }
            previous = row;
            String text = block instanceof Block.Paragraph p ? p.text()
                    : String.join(" ", ((Block.TableRow) block).cells().stream().map(Block.Cell::text).toList());
            for (String part : text.split("\n")) {
                lines.add(new Line(part, block.at()));
            }
        }
        return lines;
    }

    private record Line(String text, SourceLocation at) {
        boolean blank() {
            return text.isBlank();
        }
    }

    private static final class Draft {
        final String ref;
        final SourceLocation at;
        final StringBuilder text = new StringBuilder();
        String due;
        String pendingMonth;
        String lead;
        String success;
        String progress;
        boolean leadInText;

        Draft(String ref, SourceLocation at) {
            this.ref = ref;
            this.at = at;
        }

        String objectiveNumber() {
            return ref.substring(0, ref.indexOf('.'));
        }
    }

    private static final class Run {
        private final String fileName;
        private final String format;
        private final List<Line> lines;
        private final List<ParsedPlan.Warning> warnings = new ArrayList<>();
        private final List<ParsedPlan.Finding> findings = new ArrayList<>();
        private final Map<Integer, String> objectives = new TreeMap<>();
        private final List<Draft> drafts = new ArrayList<>();
        private String title;
        private final StringBuilder planSuccess = new StringBuilder();

        Run(String fileName, String format, List<Line> lines) {
            this.fileName = fileName;
            this.format = format;
            this.lines = lines;
        }

        ParsedPlan assemble() {
            int i = preamble();
            Draft current = null;
            boolean inText = false;
            List<Line> block = new ArrayList<>();
            List<List<Line>> groups = new ArrayList<>();
            List<List<Line>> forChild = new ArrayList<>();
            while (i < lines.size()) {
                Line line = lines.get(i);
                String text = line.text().strip();
                Matcher ref = ACTION_REF.matcher(text);
                Matcher objective = OBJECTIVE.matcher(text);
                if (ref.matches() && !ref.group(2).isBlank() && Character.isLetter(ref.group(2).codePointAt(0))) {
                    close(block, groups);
                    Draft next = new Draft(ref.group(1), line.at());
                    if (current != null && isParentOf(current, next) && current.text.toString().strip().endsWith(":")
                            && current.due == null && current.pendingMonth == null) {
                        // a parent with no timescale of its own sits beside its children, whose cells follow
                        // ("… this by:" then 1.2.1): the cells printed after it are its first child's
                        forChild.addAll(groups);
                    } else {
                        place(current, groups);
                    }
                    groups.clear();
                    current = next;
                    drafts.add(current);
                    textLine(current, ref.group(2));
                    inText = true;
                    groups.addAll(forChild);
                    forChild.clear();
                    i++;
                    continue;
                }
                if (objective.matches() && Character.isUpperCase(objective.group(2).codePointAt(0))
                        && !objectives.containsKey(Integer.parseInt(objective.group(1)))) {
                    i = objective(i, Integer.parseInt(objective.group(1)), objective.group(2));
                    continue;
                }
                if (HEADING.matcher(text).matches()) {
                    i++;
                    continue;
                }
                if (line.blank()) {
                    inText = false;
                    close(block, groups);
                    i++;
                    continue;
                }
                if (current == null) {
                    warn(line.at(), "not imported (text before the first action): " + TableAssembler.excerpt(text));
                } else if (inText) {
                    textLine(current, text);
                } else {
                    block.add(line);
                }
                i++;
            }
            close(block, groups);
            place(current, groups);
            return build();
        }

        private static void close(List<Line> block, List<List<Line>> groups) {
            if (!block.isEmpty()) {
                groups.add(List.copyOf(block));
                block.clear();
            }
        }

        /**
         * The cells printed after an action. When actions came one after another with no cells between them and
         * then several leads follow, the leads and successes are theirs in order: each goes to the first of those
         * actions still without one.
         */
        private void place(Draft draft, List<List<Line>> groups) {
            if (draft == null) {
                return;
            }
            List<Draft> run = new ArrayList<>();
            for (int k = drafts.indexOf(draft) - 1; k >= 0; k--) {
                Draft d = drafts.get(k);
                if (d.lead != null || d.success != null || d.text.toString().strip().endsWith(":")) {
                    break;
                }
                run.add(0, d);
            }
            run.add(draft);
            long leads = groups.stream().filter(g -> looksLikeLead(joined(g)) && !isDate(joined(g))).count();
            for (List<Line> group : groups) {
                String text = joined(group);
                Draft target = draft;
                if (run.size() > 1 && leads > 1 && !isDate(text)) {
                    boolean lead = looksLikeLead(text);
                    for (Draft d : run) {
                        if (lead ? d.lead == null : d.success == null && d.lead != null) {
                            target = d;
                            break;
                        }
                    }
                }
                flush(target, new ArrayList<>(group));
            }
        }

        private static String joined(List<Line> group) {
            return HtmlText.oneLine(String.join(" ", group.stream().map(Line::text).toList()));
        }

        /** Title, "Finding N:" paragraphs, the plan's success criteria; up to the first objective or action. */
        private int preamble() {
            int i = 0;
            StringBuilder finding = null;
            String findingRef = null;
            SourceLocation findingAt = null;
            boolean success = false;
            for (; i < lines.size(); i++) {
                Line line = lines.get(i);
                String text = line.text().strip();
                if (text.isEmpty()) {
                    continue;
                }
                Matcher ref = ACTION_REF.matcher(text);
                boolean actionStart = ref.matches() && !ref.group(2).isBlank() && Character.isLetter(ref.group(2).codePointAt(0));
                if (actionStart || OBJECTIVE.matcher(text).matches() && i > 0 || HEADING.matcher(text).matches() && title != null) {
                    break;
                }
                if (title == null) {
                    title = text;
                    continue;
                }
                Matcher f = FINDING.matcher(text);
                if (f.matches()) {
                    addFinding(findingRef, finding, findingAt);
                    findingRef = Character.toUpperCase(f.group(1).charAt(0)) + f.group(1).substring(1).toLowerCase(Locale.ROOT)
                            + " " + f.group(2);
                    finding = new StringBuilder(f.group(3));
                    findingAt = line.at();
                    success = false;
                    continue;
                }
                if (PLAN_SUCCESS.matcher(text).matches()) {
                    addFinding(findingRef, finding, findingAt);
                    finding = null;
                    success = true;
                    continue;
                }
                if (success && !text.toLowerCase(Locale.ROOT).startsWith("please note")) {
                    planSuccess.append(planSuccess.isEmpty() ? "" : "\n").append(text);
                    continue;
                }
                success = false;
                if (finding != null && !text.toLowerCase(Locale.ROOT).startsWith("please note")) {
                    finding.append(' ').append(text);
                    continue;
                }
                addFinding(findingRef, finding, findingAt);
                finding = null;
                warn(line.at(), "not imported (text before the table of actions): " + TableAssembler.excerpt(text));
            }
            addFinding(findingRef, finding, findingAt);
            return i;
        }

        private void addFinding(String ref, StringBuilder text, SourceLocation at) {
            if (ref != null && text != null) {
                findings.add(new ParsedPlan.Finding(ref, null, HtmlText.oneLine(text.toString()),
                        at == null ? null : at.describe()));
            }
        }

        /** "1. The Board / will be assured / … (Finding 1)": an objective over several lines, ended by its finding. */
        private int objective(int i, int number, String first) {
            StringBuilder text = new StringBuilder(number + ". " + first);
            int j = i + 1;
            while (!FINDING_IN_OBJECTIVE.matcher(text).find() && j < lines.size() && j < i + 40) {
                String next = lines.get(j).text().strip();
                if (next.isEmpty() || ACTION_REF.matcher(next).matches() || HEADING.matcher(next).matches()) {
                    break;
                }
                text.append(' ').append(next);
                j++;
            }
            objectives.put(number, HtmlText.oneLine(text.toString()));
            return j;
        }

        /** A line of the action's own text; a timescale printed in among it is taken out into the due date. */
        private void textLine(Draft draft, String text) {
            if (MONTH_ONLY.matcher(text).matches()) {
                draft.pendingMonth = text.strip();
                return;
            }
            if (draft.pendingMonth != null && text.strip().matches("(?:19|20)\\d{2}(?:\\s*-\\s*(?:19|20)\\d{2})?")) {
                setDue(draft, draft.pendingMonth + " " + text.strip());
                draft.pendingMonth = null;
                return;
            }
            if (draft.leadInText && text.split("\\s+").length <= 2 && LEAD_WORDS.matcher(text).find()) {
                draft.lead = join(draft.lead, text.strip());
                return;
            }
            if (isDate(text)) {
                setDue(draft, text);
                return;
            }
            Matcher head = DATE_HEAD.matcher(text);
            if (head.matches() && draft.due == null) {
                setDue(draft, head.group(1));
                draft.lead = join(draft.lead, head.group(2));
                draft.leadInText = true; // the lead column is printed in among the text from here on
                return;
            }
            if (draft.pendingMonth != null) {
                Matcher year = YEAR_TAIL.matcher(text);
                if (year.matches()) {
                    setDue(draft, draft.pendingMonth + " " + year.group(2));
                    draft.pendingMonth = null;
                    text = year.group(1);
                }
            }
            Matcher tail = DATE_TAIL.matcher(text);
            if (tail.matches() && draft.due == null) {
                setDue(draft, tail.group(2));
                text = tail.group(1);
            }
            if (!draft.text.isEmpty()) {
                draft.text.append(' ');
            }
            draft.text.append(text.strip());
        }

        private void setDue(Draft draft, String due) {
            if (draft.due == null) {
                draft.due = HtmlText.oneLine(due);
            }
        }

        /** The lines after an action up to a blank line: a timescale, a lead, success criteria or progress. */
        private void flush(Draft draft, List<Line> block) {
            if (block.isEmpty()) {
                return;
            }
            List<Line> lines = List.copyOf(block);
            block.clear();
            if (draft == null) {
                return;
            }
            if (draft.pendingMonth != null && draft.due == null) {
                Matcher year = YEAR_TAIL.matcher(lines.get(0).text().strip());
                String first = lines.get(0).text().strip();
                if (first.matches("(?:19|20)\\d{2}(?:\\s*-\\s*(?:19|20)\\d{2})?")) {
                    setDue(draft, draft.pendingMonth + " " + first);
                    draft.pendingMonth = null;
                    lines = lines.subList(1, lines.size());
                } else if (year.matches()) {
                    draft.pendingMonth = null;
                }
            }
            if (lines.isEmpty()) {
                return;
            }
            String joined = HtmlText.oneLine(String.join(" ", lines.stream().map(Line::text).toList()));
            Matcher head = DATE_HEAD.matcher(joined);
            if (draft.due == null && head.matches() && !isDate(joined)) {
                // "September 2017 AD Children's Services …": the timescale and the lead printed on one line
                setDue(draft, head.group(1));
                joined = head.group(2);
            }
            if (isDate(joined)) {
                if (draft.due == null) {
                    setDue(draft, joined);
                } else {
                    warn(lines.get(0).at(), "not imported (a second timescale after action " + draft.ref + "): "
                            + TableAssembler.excerpt(joined));
                }
            } else if (draft.lead == null && looksLikeLead(joined)) {
                draft.lead = joined;
            } else if (draft.success == null) {
                draft.success = joined;
            } else if (draft.progress == null && joined.split("\\s+").length <= 5 && !looksLikeLead(joined)
                    && !isDate(joined)) {
                draft.progress = joined; // a short note after the success criteria: "Conference booked"
            } else if (!isDate(joined) && !looksLikeLead(joined)) {
                draft.success = draft.success + "\n" + joined;
            } else {
                warn(lines.get(0).at(), "not imported (a cell printed after action " + draft.ref + " that could not be "
                        + "placed): " + TableAssembler.excerpt(joined));
            }
        }

        private ParsedPlan build() {
            List<ParsedPlan.Action> actions = new ArrayList<>();
            List<String> sections = new ArrayList<>(objectives.values());
            for (Draft draft : drafts) {
                String section = objectives.get(Integer.parseInt(draft.objectiveNumber()));
                List<String> findingRefs = new ArrayList<>();
                if (section != null) {
                    Matcher f = FINDING_IN_OBJECTIVE.matcher(section);
                    while (f.find()) {
                        findingRefs.add("Finding " + f.group(1));
                    }
                }
                if (draft.pendingMonth != null && draft.due == null) {
                    draft.due = draft.pendingMonth;
                }
                actions.add(ActionFields.build(new ActionFields.Raw(draft.ref, section, findingRefs,
                        draft.text.toString(), draft.lead, draft.due, draft.progress == null ? null : draft.progress,
                        draft.success, null, null, draft.progress, draft.at), warnings));
            }
            warnings.add(0, new ParsedPlan.Warning(fileName, "read as text copied from a PDF, whose columns came out as "
                    + "separate lines: check each action's lead, timescale and success criteria against the original"));
            List<ParsedPlan.ColumnMapping> columns = List.of(
                    new ParsedPlan.ColumnMapping("lines starting with a ref (1.1, 1.2.1)", "action"),
                    new ParsedPlan.ColumnMapping("date lines", "due"),
                    new ParsedPlan.ColumnMapping("short lines naming a role or body", "lead"),
                    new ParsedPlan.ColumnMapping("the next block of lines", "success criteria"),
                    new ParsedPlan.ColumnMapping("objectives ending (Finding N)", "section"));
            return new ParsedPlan(fileName, format, title, null, null, null, null, null,
                    planSuccess.isEmpty() ? null : planSuccess.toString(), null, List.of(), List.of(), sections,
                    List.copyOf(findings), actions, List.of(), columns, List.copyOf(warnings));
        }

        private void warn(SourceLocation at, String message) {
            warnings.add(new ParsedPlan.Warning(at == null ? fileName : at.describe(), message));
        }
    }

    private static boolean isParentOf(Draft parent, Draft child) {
        return child.ref.startsWith(parent.ref + ".");
    }

    private static boolean isDate(String text) {
        String t = HtmlText.oneLine(text);
        return t.length() <= 40 && DueDate.parse(t).precision() != DuePrecision.UNKNOWN
                && !t.toLowerCase(Locale.ROOT).startsWith("ongoing") || t.matches("(?i)to commence\\s+.*\\d{4}");
    }

    /** A role or a body: words such as Head of, Council, leads, (HBC); no verb, and no date ("sign off … October 2017"). */
    private static boolean looksLikeLead(String text) {
        return text.split("\\s+").length <= 25 && (LEAD_WORDS.matcher(text).find() || ACRONYM_FIRST.matcher(text).find())
                && !SENTENCE_WORDS.matcher(text).find()
                && !DATE_TAIL.matcher(text).matches();
    }

    private static String join(String a, String b) {
        return a == null ? b : a + " " + b;
    }
}
