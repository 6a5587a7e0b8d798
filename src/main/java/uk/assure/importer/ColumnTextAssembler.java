package uk.assure.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.assure.plan.DueDate;
import uk.assure.plan.DuePrecision;

/**
 * Plans copied out of a PDF, where the table's columns came out one after another as short lines rather than as
 * rows: "2.1.1). Add a household" / "members section" / "July 2026" / "Children's" / "Services (NC)".
 *
 * <p>Read in two passes. The first reads actions from their hierarchical refs (1.2 and 1.2.1 are separate actions),
 * joins the wrapped lines of each action's text and takes out a timescale (or lead) printed in among them; takes
 * objectives ("1. The Partnership will know … (Finding 1)") as sections and "Finding N:" paragraphs as findings;
 * and keeps the blocks of lines (between blank lines) printed after each action as its cells. The second classifies each cell by
 * what it looks like (a date, a role or body, a sentence, the lowercase tail of a cell cut by a page break) and hands
 * them, in order, to the actions printed together before them that still lack that field. A parent ending "… by:"
 * with no timescale of its own sits beside its children, so its cells are its first child's; a row of cells printed
 * with no action beside it goes to a later action printed with none. Field readings are best efforts from print
 * order, and the preview says so.
 */
public final class ColumnTextAssembler implements PlanAssembler {

    private static final Pattern ACTION_REF =
            Pattern.compile("^\\s*(\\d{1,2}(?:\\.\\d{1,2}){1,3})\\s*\\)?\\s*[.):]*\\s*(.*)$");
    private static final Pattern OBJECTIVE = Pattern.compile("^\\s*(\\d{1,2})\\.\\s+(\\S.*)$");
    private static final Pattern FINDING_IN_OBJECTIVE =
            Pattern.compile("\\((?:finding|recommendation)s?\\s+(\\d{1,2}[a-z]?)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FINDING = Pattern.compile(
            "^\\s*(Finding|Recommendation|Learning point)\\s+(\\d{1,2}[a-z]?)\\s*[:.\\-–]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING = Pattern.compile(
            "^\\s*(objectives?|actions?|lead( agency| officer)?|timescales?"
                    + "|by when|(target |due |completion )?dates?|success criteria|outcomes?|progress|status|rag|ref|recommendations?"
                    + "|findings?)\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** Words of column headings printed together on one line: "SUCCESS CRITERIA PROGRESS", "BY WHEN". */
    private static final Set<String> HEADING_WORDS = Set.of(
            "OBJECTIVE",
            "OBJECTIVES",
            "ACTION",
            "ACTIONS",
            "LEAD",
            "LEADS",
            "TIMESCALE",
            "TIMESCALES",
            "BY",
            "WHEN",
            "SUCCESS",
            "CRITERIA",
            "OUTCOME",
            "OUTCOMES",
            "PROGRESS",
            "STATUS",
            "RAG",
            "REF",
            "RECOMMENDATION",
            "RECOMMENDATIONS",
            "FINDING",
            "FINDINGS",
            "DATE",
            "TARGET",
            "DUE",
            "RESPONSIBLE",
            "OFFICER",
            "AGENCY",
            "EVIDENCE",
            "UPDATE",
            "COMMENTS",
            "AND",
            "/",
            "&");

    private static final Pattern TABLE_HEADING =
            Pattern.compile("(?i)\\b(actions?|tasks?|lead|leads|responsib\\w*|owner"
                    + "|timescales?|by when|deadline|due|target date|progress|status|rag|success|outcomes?|measures?|evidence"
                    + "|recommendations?|findings?|objectives?|ref|no\\.?)\\b");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\d{1,2}|[a-z])[.)]\\s+\\S");
    private static final Pattern PAGE_NUMBER =
            Pattern.compile("(?i)^\\s*(page\\s+)?\\d{1,3}(\\s*(of|/)\\s*\\d{1,3})?\\s*$");
    private static final Pattern PLAN_SUCCESS = Pattern.compile(
            "^\\s*success criteria for (the )?(whole|overall|this) (action )?plan\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final String MONTHS =
            "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    + "|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String YEAR = "(?:19|20)\\d{2}";
    private static final Pattern MONTH_ONLY = Pattern.compile("(?i)^\\s*(?:to commence\\s+)?" + MONTHS + "\\.?\\s*$");
    private static final Pattern YEAR_ONLY = Pattern.compile("^\\s*" + YEAR + "(?:\\s*-\\s*" + YEAR + ")?\\s*$");
    /** A piece of a timescale broken over lines: "September", "- September", "2018", "2017-". */
    private static final Pattern DATE_FRAGMENT =
            Pattern.compile("(?i)^\\s*-?\\s*(?:to commence\\s+)?(" + MONTHS + ")?\\.?\\s*(" + YEAR + ")?\\s*-?\\s*$");

    private static final Pattern YEAR_TAIL = Pattern.compile(
            "^(.*?)\\s+(" + YEAR + "(?:\\s*-\\s*(?:" + MONTHS + "\\s+)?" + YEAR + ")?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_HEAD = Pattern.compile("(?i)^\\s*((?:to commence\\s+)?" + MONTHS + "\\.?\\s+"
            + YEAR + "(?:\\s*-\\s*(?:" + MONTHS + "\\s+)?" + YEAR + ")?)\\s+(\\S.*)$");
    private static final Pattern DATE_TAIL = Pattern.compile("(?i)^(.*\\S)\\s+(" + MONTHS + "\\.?\\s+" + YEAR
            + "(?:\\s*-\\s*(?:" + MONTHS + "\\s+)?" + YEAR + ")?)\\s*$");
    private static final Pattern LEAD_WORDS =
            Pattern.compile("(?i)\\b(council|director|head of|chair|manager|group|team"
                    + "|leads?|officer|worker|service|services|police|trust|ccg|partnership|[a-z]?sc[bp]|[a-z]?sab|board|(?<!-)agenc(y|ies)"
                    + "|membership|nurse|designated|named|organisations?|\\([A-Z]{2,6}\\))\\b|\\([A-Z]{2,6}\\)");
    private static final Pattern PERSON = Pattern.compile("^(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\\.?\\s+)?\\p{Lu}[\\p{Ll}'’-]+"
            + "(?:\\s+\\p{Lu}\\.?)?(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2}$");
    /** "NC Family Hubs North": a body named by its initials first. */
    private static final Pattern ACRONYM_FIRST = Pattern.compile("^[A-Z]{2,6}\\b");

    /** Verbs that make a line a sentence (success criteria, progress) rather than the name of a role or body. */
    private static final Pattern SENTENCE_WORDS =
            Pattern.compile("(?i)\\b(will|to be|has|have|had|is|are|was|were|being)\\b");

    @Override
    public boolean accepts(List<Block> blocks) {
        int refs = 0;
        int lines = 0;
        for (Block block : blocks) {
            if (block instanceof Block.TableRow row && isHeaderRow(row)) {
                return false; // a real table: the table assembler's
            }
            if (block instanceof Block.Paragraph p) {
                lines++;
                if (isActionStart(ACTION_REF.matcher(p.text()))) {
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
            String text = block instanceof Block.Paragraph p
                    ? p.text()
                    : String.join(
                            " ",
                            ((Block.TableRow) block)
                                    .cells().stream().map(Block.Cell::text).toList());
            for (String part : text.split("\n")) {
                lines.add(new Line(part, block.at()));
            }
        }
        return lines;
    }

    /** Tab-separated column headings, "Ref / Action / Lead / Timescale": the document holds a real table. */
    private static boolean isHeaderRow(Block.TableRow row) {
        int headings = 0;
        for (Block.Cell cell : row.cells()) {
            String text = HtmlText.oneLine(cell.text());
            if (!text.isEmpty()
                    && text.split("\\s+").length <= 6
                    && TABLE_HEADING.matcher(text).find()) {
                headings++;
            }
        }
        return headings >= 2;
    }

    /** "ACTION", "Lead officer", "SUCCESS CRITERIA PROGRESS": column headings, alone or several in capitals on a line. */
    private static boolean isHeading(String text) {
        if (HEADING.matcher(text).matches()) {
            return true;
        }
        String[] words = text.strip().split("\\s+");
        if (words.length < 2 || !text.equals(text.toUpperCase(Locale.ROOT))) {
            return false;
        }
        for (String word : words) {
            if (!HEADING_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** "FINDING 2" → "Finding 2", "learning point 3a" → "Learning point 3a". */
    private static String findingRef(String word, String number) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT) + " " + number;
    }

    /** "1.2). Test the alert": a ref followed by words. */
    private static boolean isActionStart(Matcher ref) {
        if (!ref.matches()
                || ref.group(2).isBlank()
                || !Character.isLetter(ref.group(2).codePointAt(0))) {
            return false;
        }
        // "1.2). review …" is marked as a ref; "1.5 million contacts" in a success cell is not
        boolean marked = ref.group().substring(ref.end(1), ref.start(2)).matches("\\s*\\)?\\s*[.):]+\\s*");
        return marked || Character.isUpperCase(ref.group(2).codePointAt(0));
    }

    private record Line(String text, SourceLocation at) {
        boolean blank() {
            return text.isBlank();
        }
    }

    private enum Kind {
        DATE,
        OPEN_DATE,
        LEAD,
        TEXT,
        CONTINUATION
    }

    /** One cell printed after the actions: what it looks like, its text on one line, where it starts. */
    private record Item(Kind kind, String text, List<Line> lines) {
        SourceLocation at() {
            return lines.get(0).at();
        }
    }

    private static final class Draft {
        final String ref;
        final SourceLocation at;
        final StringBuilder text = new StringBuilder();
        final List<List<Line>> cells = new ArrayList<>();
        String due;
        String pendingMonth;
        SourceLocation pendingAt;
        String lead;
        String success;
        String progress;
        boolean leadInText;
        /** A parent ("… by:") whose cells were handed to its first child. */
        boolean parent;

        Draft(String ref, SourceLocation at) {
            this.ref = ref;
            this.at = at;
        }

        boolean empty() {
            return due == null && lead == null && success == null && progress == null;
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
        /** Rows of cells printed with no action beside them, for actions printed with no cells. */
        private final List<Draft> orphans = new ArrayList<>();
        /** "Recommendation 2" for the section headed by it, by the section's number. */
        private final Map<Integer, String> sectionFindings = new TreeMap<>();

        private int placedOrphans;
        private final StringBuilder planSuccess = new StringBuilder();
        private String title;
        private boolean progressColumn;
        /** The line being read, and where a month waiting for its year was read. */
        private SourceLocation lineAt;
        /** An objective cut off by a page break before its "(Finding N)", waiting for the rest of its lines. */
        private Integer openObjective;

        Run(String fileName, String format, List<Line> lines) {
            this.fileName = fileName;
            this.format = format;
            this.lines = lines;
        }

        ParsedPlan assemble() {
            readLines(preamble());
            for (int k = 0; k < drafts.size(); k++) {
                if (!drafts.get(k).cells.isEmpty()) {
                    place(k);
                }
            }
            placeOrphans();
            return build();
        }

        /** First pass: actions with their own text, objectives, and the blocks of lines printed after each action. */
        private void readLines(int start) {
            Draft current = null;
            boolean inText = false;
            List<Line> block = new ArrayList<>();
            int i = start;
            while (i < lines.size()) {
                Line line = lines.get(i);
                String text = line.text().strip();
                Matcher ref = ACTION_REF.matcher(text);
                if (isActionStart(ref)) {
                    close(block, current);
                    Draft next = new Draft(ref.group(1), line.at());
                    if (current != null
                            && next.ref.startsWith(current.ref + ".")
                            && current.text.toString().strip().endsWith(":")
                            && current.due == null
                            && current.pendingMonth == null
                            && current.lead == null) {
                        // a parent with no timescale of its own ("… in assessments by:") sits in a narrow column
                        // beside its children, whose cells follow it: those are its first child's
                        next.cells.addAll(current.cells);
                        current.cells.clear();
                        current.parent = true;
                    }
                    current = next;
                    drafts.add(current);
                    lineAt = line.at();
                    textLine(current, ref.group(2));
                    inText = true;
                    i++;
                    continue;
                }
                Matcher finding = FINDING.matcher(text);
                if (finding.matches()) {
                    close(block, current);
                    inText = false;
                    i = findingSection(i, finding);
                    continue;
                }
                Matcher objective = OBJECTIVE.matcher(text);
                if (objective.matches()
                        && Character.isUpperCase(objective.group(2).codePointAt(0))
                        && !objectives.containsKey(Integer.parseInt(objective.group(1)))
                        && block.stream()
                                .noneMatch(l -> OBJECTIVE.matcher(l.text()).matches())) {
                    // (a "2." under a "1." in the same block is a numbered list in a cell, not the next objective)
                    close(block, current);
                    inText = false;
                    i = objective(i, Integer.parseInt(objective.group(1)), objective.group(2));
                    continue;
                }
                if (isHeading(text) || PAGE_NUMBER.matcher(text).matches() || text.equals(title)) {
                    // a column heading, the headings, title or page number repeated on each page: not content
                    progressColumn |= isHeading(text) && text.matches("(?i).*\\b(progress|status|rag)\\b.*");
                    close(block, current);
                    i++;
                    continue;
                }
                if (line.blank()) {
                    inText = false;
                    close(block, current);
                } else if (current == null) {
                    warn(line.at(), "not imported (text before the first action): " + Text.excerpt(text));
                } else if (inText) {
                    lineAt = line.at();
                    textLine(current, text);
                } else {
                    block.add(line);
                }
                i++;
            }
            close(block, current);
        }

        /** A block of lines printed after an action, kept as its cells for the second pass. */
        private void close(List<Line> block, Draft draft) {
            if (block.isEmpty()) {
                return;
            }
            List<Line> cell = objectiveTail(new ArrayList<>(block));
            block.clear();
            if (cell.isEmpty()) {
                return;
            }
            if (draft == null) {
                cell.forEach(
                        l -> warn(l.at(), "not imported (text before the first action): " + Text.excerpt(l.text())));
                return;
            }
            if (draft.pendingMonth != null
                    && draft.due == null
                    && YEAR_ONLY.matcher(cell.get(0).text()).matches()) {
                // "March" ended the action's lines, "2018" starts the next block
                draft.due = draft.pendingMonth + " " + cell.get(0).text().strip();
                draft.pendingMonth = null;
                cell.remove(0);
            }
            if (!cell.isEmpty()) {
                draft.cells.addAll(split(cell));
            }
        }

        /**
         * The end of an objective cut by a page break ("the household / … / (Finding 2)"), printed under the cells
         * of the action beside it: taken back to the objective, from the first line after one naming a role or body.
         */
        private List<Line> objectiveTail(List<Line> cell) {
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
                if (LEAD_WORDS.matcher(previous).find() || previous.endsWith(")")) {
                    break;
                }
                from--;
            }
            String tail = String.join(
                    " ",
                    cell.subList(from, cell.size()).stream().map(Line::text).toList());
            objectives.put(openObjective, HtmlText.oneLine(objectives.get(openObjective) + " " + tail));
            openObjective = null;
            return new ArrayList<>(cell.subList(0, from));
        }

        /**
         * A block holding more than one cell: the lowercase tail of a cell cut by a page break ("full by the group")
         * before the next cell; a timescale starting a line part-way down ("August 2026 Quality"), which begins
         * the next row's timescale and lead.
         */
        private static List<List<Line>> split(List<Line> cell) {
            List<List<Line>> parts = new ArrayList<>();
            int from = 0;
            if (startsLowercase(cell.get(0).text())) {
                int to = 1;
                while (to < cell.size() && startsLowercase(cell.get(to).text())) {
                    to++;
                }
                parts.add(new ArrayList<>(cell.subList(0, to)));
                from = to;
            }
            for (int k = from + 1; k < cell.size(); k++) {
                Matcher head = DATE_HEAD.matcher(cell.get(k).text().strip());
                if (head.matches()
                        && head.group(2).split("\\s+").length <= 4
                        && !SENTENCE_WORDS.matcher(head.group(2)).find()) {
                    parts.add(new ArrayList<>(cell.subList(from, k)));
                    from = k;
                }
            }
            if (from < cell.size()) {
                parts.add(new ArrayList<>(cell.subList(from, cell.size())));
            }
            return parts;
        }

        private static boolean startsLowercase(String text) {
            String t = text.strip();
            return !t.isEmpty() && Character.isLowerCase(t.codePointAt(0));
        }

        /**
         * Second pass for the cells printed after action k. The actions printed one after another before it with no
         * lead or success of their own are in the same print row, so each cell goes, in order, to the first of them
         * still lacking that field. A timescale with no action left to take it starts a row printed with no action
         * beside it. One more sentence than there are actions is the progress column's; or, when the action printed
         * just before had no cells at all, that action's success criteria pushed down by the page layout.
         */
        private void place(int k) {
            Draft last = drafts.get(k);
            List<Draft> row = new ArrayList<>();
            row.add(last);
            int j = k - 1;
            for (; j >= 0; j--) {
                Draft d = drafts.get(j);
                if (d.parent
                        || d.lead != null
                        || d.success != null
                        || !objectiveOf(d).equals(objectiveOf(last))) {
                    break;
                }
                row.add(0, d);
            }
            Draft before = j >= 0 ? drafts.get(j) : null;
            while (placedOrphans < orphans.size()
                    && row.size() > 1
                    && row.get(0).empty()) {
                // a row of cells printed earlier with no action beside it belongs to the action printed with none
                before = row.remove(0);
                take(before, orphans.get(placedOrphans++));
            }
            List<Item> items = classify(last.cells);
            long sentences =
                    items.stream().filter(item -> item.kind() == Kind.TEXT).count();
            long wanting = row.stream().filter(d -> d.success == null).count();
            boolean pushedDown = before != null
                    && !before.parent
                    && before.success == null
                    && before.cells.isEmpty()
                    && sentences > wanting;
            Draft orphan = null;
            for (int n = 0; n < items.size(); n++) {
                Item item = items.get(n);
                List<Line> cellLines = item.lines();
                if (item.kind() == Kind.TEXT
                        && orphan == null
                        && cellLines.size() > 1
                        && isDate(cellLines.get(cellLines.size() - 1).text())
                        && first(row, d -> d.due == null) != null) {
                    // "Learning and Development Team" / "April 2024": a lead with the timescale printed under it
                    List<Line> rest = cellLines.subList(0, cellLines.size() - 1);
                    if (looksLikeLead(joined(rest))) {
                        List<Line> date = cellLines.subList(cellLines.size() - 1, cellLines.size());
                        items.add(n + 1, new Item(Kind.DATE, joined(date), date));
                        item = new Item(Kind.LEAD, joined(rest), rest);
                    }
                }
                if (item.kind() == Kind.OPEN_DATE) {
                    Draft target = orphan != null ? orphan : first(row, d -> d.due == null);
                    item = new Item(
                            target == null || target.due != null ? Kind.TEXT : Kind.DATE, item.text(), item.lines());
                }
                if (item.kind() == Kind.LEAD) {
                    Draft target = orphan != null ? orphan : first(row, d -> d.lead == null);
                    if (target == null || target.lead != null) {
                        // every action here has its lead: a sentence that only looks like one ("… the SCP tool …")
                        item = new Item(Kind.TEXT, item.text(), item.lines());
                    }
                }
                switch (item.kind()) {
                    case OPEN_DATE -> throw new IllegalStateException("read above as a timescale or a note");
                    case CONTINUATION -> continuation(item, j);
                    case DATE -> {
                        Draft target = orphan == null ? first(row, d -> d.due == null) : null;
                        if (target == null) {
                            orphan = new Draft(null, item.at());
                            orphans.add(orphan);
                            target = orphan;
                        }
                        target.due = item.text();
                    }
                    case LEAD -> {
                        Draft target = orphan != null ? orphan : first(row, d -> d.lead == null);
                        if (target == null || target.lead != null) {
                            unplaced(item, last);
                        } else if (target == row.get(0)
                                && before != null
                                && !before.parent
                                && before.lead == null
                                && (before.due != null || before.success != null)
                                && twoLeads(item) != null) {
                            // "Voluntary Sector Forum (VSF)" / "Family Hubs Team": the row before had no lead of
                            // its own, and two bodies are printed as one block
                            int at = twoLeads(item);
                            before.lead = joined(item.lines().subList(0, at));
                            target.lead =
                                    joined(item.lines().subList(at, item.lines().size()));
                        } else {
                            target.lead = item.text();
                        }
                    }
                    case TEXT -> {
                        if (pushedDown) {
                            before.success = item.text();
                            pushedDown = false;
                            continue;
                        }
                        Draft target = orphan != null ? orphan : first(row, d -> d.success == null);
                        Draft owner = orphan != null ? orphan : last;
                        if (target != null && target.success == null) {
                            target.success = item.text();
                        } else if (progressColumn && owner.progress == null) {
                            owner.progress = item.text();
                        } else {
                            owner.success = owner.success + "\n" + item.text();
                        }
                    }
                }
            }
        }

        private static String objectiveOf(Draft d) {
            return d.ref.substring(0, d.ref.indexOf('.'));
        }

        private static Draft first(List<Draft> row, Predicate<Draft> wanting) {
            return row.stream().filter(wanting).findFirst().orElse(null);
        }

        /** Where a lead block holds two bodies: after a line ending ")" comes one starting with a capital. */
        private static Integer twoLeads(Item item) {
            List<Line> lines = item.lines();
            for (int k = 1; k < lines.size(); k++) {
                String previous = lines.get(k - 1).text().strip();
                String next = lines.get(k).text().strip();
                if (previous.endsWith(")")
                        && !next.isEmpty()
                        && Character.isUpperCase(next.codePointAt(0))
                        && looksLikeLead(joined(lines.subList(0, k)))
                        && looksLikeLead(joined(lines.subList(k, lines.size())))) {
                    return k;
                }
            }
            return null;
        }

        /** The lowercase tail of a cell cut by a page break: the success criteria of the last action that has some. */
        private void continuation(Item item, int before) {
            for (int k = before; k >= 0; k--) {
                Draft d = drafts.get(k);
                if (d.success != null) {
                    d.success = d.success + " " + item.text();
                    return;
                }
            }
            warn(
                    item.at(),
                    "not imported (the end of a cell cut by a page break, with no cell above it to join): "
                            + Text.excerpt(item.text()));
        }

        private void unplaced(Item item, Draft after) {
            warn(
                    item.at(),
                    "not imported (a cell printed after action " + after.ref + " that could not be placed): "
                            + Text.excerpt(item.text()));
        }

        /** Each block as a timescale, a lead, a sentence or the tail of a cut cell; "June 2026 Head of …" as two. */
        private static List<Item> classify(List<List<Line>> cells) {
            List<Item> items = new ArrayList<>();
            for (List<Line> cell : cells) {
                String text = joined(cell);
                String first = cell.get(0).text().strip();
                if (startsLowercase(first)) {
                    items.add(new Item(Kind.CONTINUATION, text, cell));
                } else if (isDate(text)) {
                    items.add(new Item(Kind.DATE, text, cell));
                } else if (isOpenTimescale(text)) {
                    items.add(new Item(Kind.OPEN_DATE, text, cell));
                } else if (DATE_HEAD.matcher(first).matches()
                        || DATE_FRAGMENT.matcher(first).matches() && !first.isBlank()) {
                    dateAndRest(cell, items);
                } else {
                    items.add(leadOrText(cell));
                }
            }
            return items;
        }

        /**
         * "August 2026 Quality" / "- September" / "Assurance" / "2026" / "Group": a timescale and the
         * lead beside it printed line by line into each other; the date pieces make the timescale, the rest the lead.
         */
        private static void dateAndRest(List<Line> cell, List<Item> items) {
            StringBuilder due = new StringBuilder();
            List<Line> rest = new ArrayList<>();
            for (Line line : cell) {
                String t = line.text().strip();
                Matcher head = DATE_HEAD.matcher(t);
                Matcher fragment = DATE_FRAGMENT.matcher(t);
                if (!due.isEmpty() && t.matches("[-\u2013]")) {
                    continue; // the dash of a range on a line of its own
                }
                if (due.isEmpty() && head.matches()) {
                    due.append(head.group(1));
                    rest.add(new Line(head.group(2), line.at()));
                } else if (!t.isEmpty()
                        && fragment.matches()
                        && (fragment.group(1) != null || fragment.group(2) != null)) {
                    String piece = t.replaceFirst("^-\\s*", "").replaceFirst("\\s*-$", "");
                    if (!due.isEmpty()) {
                        due.append(due.toString().matches("(?s).*\\d{4}$") ? " - " : " ");
                    }
                    due.append(piece);
                } else {
                    rest.add(line);
                }
            }
            String dueText = due.toString();
            if (dueText.isEmpty() || !isDate(dueText)) {
                String text = joined(cell);
                items.add(leadOrText(cell));
                return;
            }
            items.add(new Item(Kind.DATE, dueText, cell));
            if (!rest.isEmpty()) {
                String text = joined(rest);
                items.add(leadOrText(rest));
            }
        }

        /** A role or body on one line; else a sentence, a numbered list in it kept one item a line. */
        private static Item leadOrText(List<Line> cell) {
            String text = joined(cell);
            if (looksLikeLead(text)) {
                return new Item(Kind.LEAD, text, cell);
            }
            StringBuilder out = new StringBuilder();
            for (Line line : cell) {
                String t = HtmlText.oneLine(line.text());
                if (!out.isEmpty()) {
                    out.append(LIST_ITEM.matcher(t).find() ? "\n" : " ");
                }
                out.append(t);
            }
            return new Item(Kind.TEXT, out.toString(), cell);
        }

        /** Rows of cells printed with no action beside them go, in order, to actions printed with no cells at all. */
        private void placeOrphans() {
            for (Draft d : drafts) {
                if (placedOrphans < orphans.size() && !d.parent && d.empty()) {
                    take(d, orphans.get(placedOrphans++));
                }
            }
            for (Draft orphan : orphans.subList(placedOrphans, orphans.size())) {
                warn(
                        orphan.at,
                        "not imported (a timescale, lead and success criteria printed with no action beside "
                                + "them): "
                                + Text.excerpt(String.join(
                                        " / ",
                                        Stream.of(orphan.due, orphan.lead, orphan.success)
                                                .filter(s -> s != null)
                                                .toList())));
            }
        }

        private static void take(Draft draft, Draft orphan) {
            draft.due = orphan.due;
            draft.lead = orphan.lead;
            draft.success = orphan.success;
            draft.progress = orphan.progress;
        }

        private static String joined(List<Line> group) {
            return HtmlText.oneLine(
                    String.join(" ", group.stream().map(Line::text).toList()));
        }

        /** Title, "Finding N:" paragraphs, the plan's success criteria; up to the first objective or action. */
        private int preamble() {
            int i = 0;
            StringBuilder finding = null;
            String findingRef = null;
            SourceLocation findingAt = null;
            boolean success = false;
            boolean gap = false;
            List<Line> note = null;
            for (; i < lines.size(); i++) {
                Line line = lines.get(i);
                String text = line.text().strip();
                if (text.isEmpty()) {
                    gap = true;
                    continue;
                }
                boolean afterGap = gap;
                gap = false;
                Matcher ref = ACTION_REF.matcher(text);
                boolean actionStart = ref.matches()
                        && !ref.group(2).isBlank()
                        && Character.isLetter(ref.group(2).codePointAt(0));
                if (actionStart || OBJECTIVE.matcher(text).matches() && i > 0 || isHeading(text) && title != null) {
                    break;
                }
                if (title == null) {
                    title = text;
                    continue;
                }
                Matcher f = FINDING.matcher(text);
                if (f.matches()) {
                    addFinding(findingRef, finding, findingAt);
                    findingRef = findingRef(f.group(1), f.group(2));
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
                    // one criterion per paragraph; a line straight after another is its wrapped continuation
                    planSuccess
                            .append(planSuccess.isEmpty() ? "" : afterGap ? "\n" : " ")
                            .append(text);
                    continue;
                }
                success = false;
                if (finding != null && !text.toLowerCase(Locale.ROOT).startsWith("please note")) {
                    finding.append(' ').append(text);
                    continue;
                }
                addFinding(findingRef, finding, findingAt);
                finding = null;
                if (note != null && !afterGap) {
                    note.add(line); // the paragraph goes on
                } else {
                    noteNotImported(note);
                    note = new ArrayList<>(List.of(line));
                }
            }
            addFinding(findingRef, finding, findingAt);
            noteNotImported(note);
            return i;
        }

        /** A paragraph before the table that is none of title, finding or success criteria: one warning at its first line. */
        private void noteNotImported(List<Line> paragraph) {
            if (paragraph != null) {
                warn(
                        paragraph.get(0).at(),
                        "not imported (text before the table of actions"
                                + (paragraph.size() > 1 ? ", " + paragraph.size() + " lines" : "") + "): "
                                + Text.excerpt(joined(paragraph)));
            }
        }

        private void addFinding(String ref, StringBuilder text, SourceLocation at) {
            if (ref != null && text != null) {
                findings.add(new ParsedPlan.Finding(
                        ref, null, HtmlText.oneLine(text.toString()), at == null ? null : at.describe()));
            }
        }

        /**
         * "Recommendation 2: Schools should …" printed across the table above its actions (2.1, 2.2): a section,
         * and a finding those actions answer.
         */
        private int findingSection(int i, Matcher heading) {
            String ref = findingRef(heading.group(1), heading.group(2));
            StringBuilder text = new StringBuilder(lines.get(i).text().strip());
            int j = i + 1;
            while (j < lines.size()) {
                String next = lines.get(j).text().strip();
                if (next.isEmpty()
                        || isActionStart(ACTION_REF.matcher(next))
                        || isHeading(next)
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
                                        text.length(),
                                        lines.get(i).text().strip().length()))),
                        lines.get(i).at() == null ? null : lines.get(i).at().describe()));
            }
            return j;
        }

        /** "1. The Partnership / will know that / … (Finding 1)": an objective over several lines, ending in its finding. */
        private int objective(int i, int number, String first) {
            StringBuilder text = new StringBuilder(number + ". " + first);
            int j = i + 1;
            while (!FINDING_IN_OBJECTIVE.matcher(text).find() && j < lines.size() && j < i + 40) {
                String next = lines.get(j).text().strip();
                if (next.isEmpty() || ACTION_REF.matcher(next).matches() || isHeading(next)) {
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

        /** A line of the action's own text; a timescale printed in among it is taken out into the due date. */
        private void textLine(Draft draft, String text) {
            if (MONTH_ONLY.matcher(text).matches() && draft.pendingMonth == null) {
                draft.pendingMonth = text.strip();
                draft.pendingAt = lineAt;
                return;
            }
            if (draft.pendingMonth != null && YEAR_ONLY.matcher(text).matches()) {
                setDue(draft, draft.pendingMonth + " " + text.strip());
                draft.pendingMonth = null;
                return;
            }
            if (draft.leadInText && LEAD_WORDS.matcher(text).find() && leadFragment(text)) {
                draft.lead = join(draft.lead, text.strip());
                return;
            }
            if (isDate(text) || draft.due == null && draft.pendingMonth == null && isOpenTimescale(text)) {
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

        /** "Safeguarding", "Team", "Front Door": a piece of a lead printed into the action's text. */
        private static boolean leadFragment(String text) {
            String[] words = text.strip().split("\\s+");
            if (words.length == 1) {
                return true;
            }
            if (words.length > 3) {
                return false;
            }
            for (String word : words) {
                if (!word.isEmpty() && Character.isLowerCase(word.codePointAt(0))) {
                    return false;
                }
            }
            return true;
        }

        private void setDue(Draft draft, String due) {
            if (draft.due == null) {
                draft.due = HtmlText.oneLine(due);
            } else {
                warn(
                        lineAt,
                        "not imported (a second timescale in among the lines of action " + draft.ref + "): "
                                + Text.excerpt(due));
            }
        }

        private ParsedPlan build() {
            List<ParsedPlan.Action> actions = new ArrayList<>();
            List<String> sections = new ArrayList<>(objectives.values());
            for (Draft draft : inRefOrder(drafts)) {
                int number = Integer.parseInt(draft.ref.substring(0, draft.ref.indexOf('.')));
                String section = objectives.get(number);
                List<String> findingRefs = new ArrayList<>();
                if (sectionFindings.containsKey(number)) {
                    findingRefs.add(sectionFindings.get(number));
                } else if (section != null) {
                    Matcher f = FINDING_IN_OBJECTIVE.matcher(section);
                    while (f.find()) {
                        findingRefs.add(findingRef(f.group().substring(1).split("\\s+")[0], f.group(1)));
                    }
                } else if (objectives.isEmpty()) {
                    // no sections: "Recommendation 2:" listed before the table is what actions 2.x answer
                    findings.stream()
                            .filter(f -> f.ref().endsWith(" " + number))
                            .findFirst()
                            .ifPresent(f -> findingRefs.add(f.ref()));
                }
                if (draft.pendingMonth != null && draft.due == null) {
                    draft.due = draft.pendingMonth;
                } else if (draft.pendingMonth != null) {
                    warn(
                            draft.pendingAt,
                            "not imported (a month with no year in among the lines of action " + draft.ref + "): "
                                    + Text.excerpt(draft.pendingMonth));
                }
                actions.add(ActionFields.build(
                        new ActionFields.Raw(
                                draft.ref,
                                section,
                                findingRefs,
                                draft.text.toString(),
                                draft.lead,
                                draft.due,
                                draft.progress,
                                draft.success,
                                null,
                                null,
                                draft.progress,
                                draft.at),
                        warnings));
            }
            warnings.add(
                    0,
                    new ParsedPlan.Warning(
                            fileName,
                            "read as text copied from a PDF, whose columns came out as "
                                    + "separate lines: check each action's lead, timescale and success criteria against the original"));
            List<ParsedPlan.ColumnMapping> columns = new ArrayList<>(List.of(
                    new ParsedPlan.ColumnMapping("lines starting with a ref (1.1, 1.2.1)", "action"),
                    new ParsedPlan.ColumnMapping("date lines", "due"),
                    new ParsedPlan.ColumnMapping("short lines naming a role or body", "lead"),
                    new ParsedPlan.ColumnMapping("the next block of lines", "success criteria")));
            if (progressColumn) {
                columns.add(new ParsedPlan.ColumnMapping("a further block of lines", "progress"));
            }
            columns.add(new ParsedPlan.ColumnMapping("objectives ending (Finding N)", "section"));
            return new ParsedPlan(
                    fileName,
                    format,
                    title,
                    null,
                    null,
                    null,
                    null,
                    null,
                    planSuccess.isEmpty() ? null : planSuccess.toString(),
                    null,
                    List.of(),
                    List.of(),
                    sections,
                    List.copyOf(findings),
                    actions,
                    List.of(),
                    List.copyOf(columns),
                    List.copyOf(warnings));
        }

        private void warn(SourceLocation at, String message) {
            warnings.add(new ParsedPlan.Warning(at == null ? fileName : at.describe(), message));
        }
    }

    /**
     * The actions in the order of their refs (1.2 before 1.2.1 before 1.3), as the plan numbered them: a PDF can
     * print a row out of place ("4.1" after "4.4"). Kept in print order when a ref repeats.
     */
    private static List<Draft> inRefOrder(List<Draft> drafts) {
        Set<String> refs = new HashSet<>();
        for (Draft d : drafts) {
            if (!refs.add(d.ref)) {
                return drafts;
            }
        }
        Comparator<Draft> byRef = (a, b) -> {
            String[] x = a.ref.split("\\.");
            String[] y = b.ref.split("\\.");
            for (int k = 0; k < Math.min(x.length, y.length); k++) {
                int c = Integer.compare(Integer.parseInt(x[k]), Integer.parseInt(y[k]));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.length, y.length);
        };
        return drafts.stream().sorted(byRef).toList();
    }

    /** A timescale naming a date, month, quarter, year or range: "June 2026", "Q3 2026", "To commence May 2026". */
    private static boolean isDate(String text) {
        String t = HtmlText.oneLine(text);
        if (t.matches("(?i)to commence\\s+.*\\d{4}")) {
            return true;
        }
        if (t.length() > 40) {
            return false;
        }
        DuePrecision precision = DueDate.parse(t).precision();
        return precision != DuePrecision.UNKNOWN
                && precision != DuePrecision.ONGOING
                && precision != DuePrecision.IMMEDIATE;
    }

    /** "Ongoing", "Immediately", "Monthly": a timescale where the row still lacks one, else as likely a progress note. */
    private static boolean isOpenTimescale(String text) {
        String t = HtmlText.oneLine(text);
        if (t.split("\\s+").length > 3) {
            return false;
        }
        DuePrecision precision = DueDate.parse(t).precision();
        return precision == DuePrecision.ONGOING || precision == DuePrecision.IMMEDIATE;
    }

    /** A role or a body: words such as Head of, Council, leads, (NC); no verb, and no date ("report signed off May 2026"). */
    private static boolean looksLikeLead(String text) {
        if (text.split("\\s+").length > 25
                || SENTENCE_WORDS.matcher(text).find()
                || DATE_TAIL.matcher(text).matches()) {
            return false;
        }
        Matcher words = LEAD_WORDS.matcher(text);
        boolean role = false;
        while (words.find()) {
            // "agencies" alone names no one ("Checklist in use in all agencies")
            role |= !words.group().toLowerCase(Locale.ROOT).startsWith("agenc");
        }
        return role || ACRONYM_FIRST.matcher(text).find() || names(text);
    }

    /** "Jane Smith", "Dr Priya Patel", "Jane Smith / Tom Jones": people named as leads. */
    private static boolean names(String text) {
        String t = HtmlText.oneLine(text);
        if (t.split("\\s+").length > 12) {
            return false;
        }
        for (String part : t.split("\\s*(?:[,/;&]|\\band\\b)\\s*")) {
            if (!PERSON.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String join(String a, String b) {
        return a == null ? b : a + " " + b;
    }
}
