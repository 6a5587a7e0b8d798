package uk.assure.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.assure.importer.Columns.Field;
import uk.assure.importer.Columns.Header;
import uk.assure.plan.DueDate;
import uk.assure.plan.DuePrecision;
import uk.assure.plan.StatusVocabulary;

/**
 * Plans kept as tables — tab-separated text, Word, Excel, CSV, HTML — whatever the column headings are called. It
 * reads the cover and the acronym glossary before the first table; takes sections from headings between tables,
 * full-width rows inside them or the finding column's own heading; drops headers and RAG keys repeated on every
 * page; joins rows split by a page break; carries a finding down over the actions below it; and reports every piece
 * of text that went into no field.
 */
public final class TableAssembler implements PlanAssembler {

    /** "1.", "2.15", "(1a)", "Recommendation 3:", "Finding 1:" at the start of a finding. */
    private static final Pattern FINDING_REF = Pattern.compile(
            "^\\s*(?:(recommendation|finding|area for (?:improvement|development)|issue|priority|objective)\\s+)?"
                    + "(\\(?\\d{1,3}(?:\\.\\d{1,3}){0,3}[a-z]?\\)?|\\(?[a-z]\\)|[A-Z](?=\\s*[:.)]))\\s*[.):\\-–]*(?:\\s+|$)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern REF_ONLY = Pattern.compile("^\\(?\\d{1,3}(?:\\.\\d{1,3}){0,3}[a-z]?\\)?[.)]?$");
    private static final Pattern REF_LIST = Pattern.compile(
            "^(?:(?:findings?|recs?\\.?|recommendations?|areas?)\\s*)?(\\d{1,3}(?:\\.\\d{1,3})*[a-z]?)"
                    + "((?:\\s*(?:,|and|&)\\s*\\d{1,3}(?:\\.\\d{1,3})*[a-z]?)+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LABELLED_FINDING = Pattern.compile(
            "^(recommendation|finding|area for improvement|area for development|issue)\\s+(\\d{1,3}[a-z]?|[A-Z])"
                    + "\\s*[:.\\-–]\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern GLOSSARY_LABEL =
            Pattern.compile("(?i)^(acronyms?|glossary|abbreviations?|glossary of terms|key to abbreviations)\\s*:?$");
    private static final Pattern BULLET_ONLY = Pattern.compile("^[\\u25aa\\u2022\\u00b7\\u25cf\\u25e6\\uf0b7\\-–*]$");
    private static final Pattern RULE = Pattern.compile("^[-_=–—\\s]+$");
    private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.!?;:)\"”']$", Pattern.DOTALL);
    private static final Set<String> GENERIC_FINDING_HEADINGS = Set.of(
            "area for improvement",
            "areas for improvement",
            "finding",
            "findings",
            "recommendation",
            "recommendations",
            "issue",
            "issues",
            "objective",
            "objectives",
            "area of concern",
            "areas of concern",
            "priority",
            "theme",
            "themes");

    @Override
    public boolean accepts(List<Block> blocks) {
        for (Block block : blocks) {
            if (block instanceof Block.TableRow row && Columns.header(row) != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ParsedPlan assemble(String fileName, String format, List<Block> blocks) {
        return new Run(fileName, format, blocks).assemble();
    }

    /** One document's reading; not shared between threads. */
    private static final class Run {

        private final String fileName;
        private final String format;
        private final List<Block> blocks;
        private final List<ParsedPlan.Warning> warnings = new ArrayList<>();
        private final List<String> sections = new ArrayList<>();
        private final List<FindingDraft> findings = new ArrayList<>();
        private final List<ActionDraft> actions = new ArrayList<>();
        private final List<ParsedPlan.GlossaryTerm> glossary = new ArrayList<>();
        private final List<ParsedPlan.ColumnMapping> columns = new ArrayList<>();
        private final Set<String> vocabulary = new LinkedHashSet<>();
        private final Map<String, Integer> paragraphCounts = new HashMap<>();
        private String planSuccess;
        private String planMeasures;

        private Header header;
        private Header firstHeader;
        private String section;
        private boolean sectionFromHeader;
        private String pendingSection;
        private SourceLocation pendingAt;
        private FindingDraft finding;
        private ActionDraft last;
        private FindingDraft paragraphFinding;
        private boolean tableRefsNumberActions;
        private int actionsSinceFinding;
        private boolean anyStatusColumn;
        private Map<Integer, Layout> layouts = new HashMap<>();
        private int tableStart;

        Run(String fileName, String format, List<Block> blocks) {
            this.fileName = fileName;
            this.format = format;
            this.blocks = blocks;
        }

        ParsedPlan assemble() {
            for (Block block : blocks) {
                if (block instanceof Block.Paragraph p) {
                    paragraphCounts.merge(key(p.text()), 1, Integer::sum);
                }
            }
            int first = firstHeaderIndex();
            PlanHeading heading = new PlanHeading();
            for (Block block : blocks) {
                if (block instanceof Block.Paragraph p && paragraphCounts.get(key(p.text())) > 1) {
                    heading.runningHeader(p.text());
                }
            }
            List<Block> cover = prelude(first);
            for (Block unused : heading.read(cover)) {
                warn(unused.at(), "not imported (text before the table of actions): " + excerpt(blockText(unused)));
            }
            for (int i = first; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                if (block instanceof Block.TableRow row) {
                    row(row, i);
                } else if (block instanceof Block.Paragraph p) {
                    paragraph(p);
                }
            }
            if (pendingSection != null) {
                warn(pendingAt, "not imported (a heading with no actions under it): " + excerpt(pendingSection));
            }
            return build(heading);
        }

        private int firstHeaderIndex() {
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i) instanceof Block.TableRow row && Columns.header(row) != null) {
                    return i;
                }
            }
            return blocks.size();
        }

        // ---- before the first table: cover lines, the glossary, plan-level success criteria, a RAG key ----

        private List<Block> prelude(int end) {
            List<Block> cover = new ArrayList<>();
            boolean inGlossary = false;
            for (int i = 0; i < end; i++) {
                Block block = blocks.get(i);
                if (block instanceof Block.Paragraph p) {
                    String text = PlanHeading.clean(p.text());
                    if (GLOSSARY_LABEL.matcher(text).matches()) {
                        inGlossary = true;
                        continue;
                    }
                    inGlossary = false;
                    if (paragraphCounts.getOrDefault(key(p.text()), 0) > 1) {
                        continue; // a running page header
                    }
                    Matcher labelled = LABELLED_FINDING.matcher(text);
                    if (labelled.matches()) {
                        labelledFinding(labelled, p.at());
                        continue;
                    }
                    if (PlanHeading.isCoverLine(text)) {
                        cover.add(block);
                        continue;
                    }
                    if (i > 0 && looksLikeSectionHeading(text) && nextIsTable(i, end)
                            || isSectionHeadingBefore(i, end)) {
                        pending(text, p.at());
                        continue;
                    }
                    cover.add(block);
                    continue;
                }
                Block.TableRow row = (Block.TableRow) block;
                List<String> cells = nonEmpty(row);
                if (cells.isEmpty() || isRule(cells)) {
                    continue;
                }
                if (isRagKey(cells)) {
                    continue;
                }
                if (cells.size() == 2 && (inGlossary || isGlossaryEntry(cells) && glossaryRun(i, end))) {
                    glossary.add(new ParsedPlan.GlossaryTerm(cells.get(0), HtmlText.oneLine(cells.get(1))));
                    continue;
                }
                inGlossary = false;
                if (cells.size() <= 2
                        && cells.stream().allMatch(c -> Columns.classify(c) == Field.SUCCESS)
                        && i + 1 < end
                        && blocks.get(i + 1) instanceof Block.TableRow next) {
                    List<String> values = nonEmpty(next);
                    planSuccess = values.isEmpty() ? null : values.get(0);
                    planMeasures = values.size() > 1 ? values.get(1) : null;
                    i++;
                    continue;
                }
                if (cells.size() == 1) {
                    if (i + 1 == end || i + 2 == end && blocks.get(i + 1) instanceof Block.Paragraph) {
                        pending(cells.get(0), row.at());
                    } else {
                        cover.add(block);
                    }
                    continue;
                }
                for (Block.Cell cell : row.cells()) {
                    if (!cell.text().isBlank()) {
                        warn(cell.at(), "not imported (a table before the table of actions): " + excerpt(cell.text()));
                    }
                }
            }
            return cover;
        }

        /** A heading paragraph whose next non-paragraph block is the table, e.g. "1. AREA FOR PRIORITY ACTION". */
        private boolean isSectionHeadingBefore(int i, int end) {
            if (!(blocks.get(i) instanceof Block.Paragraph p)
                    || !looksLikeSectionHeading(PlanHeading.clean(p.text()))) {
                return false;
            }
            String text = PlanHeading.clean(p.text());
            return text.matches("^\\d{1,2}[.)]?\\s+.*") && i + 3 >= end;
        }

        private boolean nextIsTable(int i, int end) {
            for (int j = i + 1; j <= end && j < blocks.size(); j++) {
                if (blocks.get(j) instanceof Block.TableRow row) {
                    return Columns.header(row) != null;
                }
                if (blocks.get(j) instanceof Block.Paragraph p && !looksLikeIntroSentence(p.text())) {
                    return false;
                }
            }
            return false;
        }

        private boolean glossaryRun(int i, int end) {
            int run = 0;
            for (int j = i; j < end && blocks.get(j) instanceof Block.TableRow row; j++) {
                List<String> cells = nonEmpty(row);
                if (cells.size() == 2 && isGlossaryEntry(cells)) {
                    run++;
                } else {
                    break;
                }
            }
            return run >= 3;
        }

        private static boolean isGlossaryEntry(List<String> cells) {
            String term = cells.get(0);
            return term.length() <= 12
                    && !term.contains(" ")
                    && term.chars().filter(Character::isUpperCase).count() >= 2
                    && cells.get(1).length() > term.length();
        }

        // ---- the tables ----

        private void paragraph(Block.Paragraph p) {
            String text = PlanHeading.clean(p.text());
            if (text.isEmpty()
                    || paragraphCounts.getOrDefault(key(p.text()), 0) > 1
                    || RULE.matcher(text).matches()) {
                return; // a running page header or footer, repeated on every page
            }
            Matcher labelled = LABELLED_FINDING.matcher(text);
            if (labelled.matches()) {
                labelledFinding(labelled, p.at());
                return;
            }
            if (looksLikeSectionHeading(text)) {
                pending(text, p.at());
                return;
            }
            warn(p.at(), "not imported (text outside the table of actions): " + excerpt(text));
        }

        private void row(Block.TableRow row, int index) {
            List<String> present = nonEmpty(row);
            if (present.isEmpty() || isRule(present)) {
                return;
            }
            Header candidate = Columns.header(row);
            if (candidate != null) {
                startTable(candidate, index);
                return;
            }
            if (header == null) {
                return;
            }
            if (row.cells().size() < header.width() && isRagKey(present)) {
                return;
            }
            if (present.size() == 1 && isSectionRow(row, index)) {
                String text = present.get(0);
                if (!text.equals(section)) {
                    pending(text, row.at());
                }
                return;
            }
            List<Block.Cell> cells = align(row, index);
            Map<Field, String> values = new HashMap<>();
            Map<Field, Block.Cell> at = new HashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                String text = cells.get(c).text();
                if (text.isBlank()) {
                    continue;
                }
                Field field = c < header.width() ? header.fields().get(c) : null;
                if (field == null) {
                    String heading = c < header.width() ? header.headings().get(c) : "";
                    warn(
                            cells.get(c).at(),
                            "not imported (column " + (heading.isBlank() ? String.valueOf(c + 1) : "'" + heading + "'")
                                    + " matches no field): " + excerpt(text));
                    continue;
                }
                values.merge(field, text, (a, b) -> a + "\n" + b);
                at.putIfAbsent(field, cells.get(c));
            }
            dataRow(values, row.at());
        }

        /** The Ref column numbers the findings (areas) rather than the actions: 003's layout. */
        private boolean refsNumberFindings() {
            return header.has(Field.REF) && header.has(Field.FINDING) && !tableRefsNumberActions;
        }

        /**
         * Whether this table's Ref column numbers its actions: some row has a ref and an action but no finding
         * beside it ("(1b)" under "(1a)"). Otherwise, with a finding column, the refs number the findings.
         */
        private boolean refsNumberActions(Header table, int index) {
            int ref = table.column(Field.REF);
            int finding = table.column(Field.FINDING);
            int action = table.column(Field.ACTION);
            if (ref < 0 || finding < 0) {
                return ref >= 0;
            }
            for (int j = index + 1; j < blocks.size(); j++) {
                if (!(blocks.get(j) instanceof Block.TableRow row)) {
                    continue;
                }
                if (Columns.header(row) != null && !table.sameAs(Columns.header(row))) {
                    break;
                }
                if (!row.text(ref).isBlank()
                        && row.text(finding).isBlank()
                        && !row.text(action).isBlank()) {
                    return true;
                }
            }
            return false;
        }

        private void startTable(Header next, int index) {
            boolean repeat = next.sameAs(header);
            header = next;
            tableRefsNumberActions = refsNumberActions(next, index);
            tableStart = index;
            layouts = new HashMap<>();
            anyStatusColumn |= next.has(Field.STATUS);
            if (firstHeader == null) {
                firstHeader = next;
                for (int c = 0; c < next.width(); c++) {
                    String heading = next.headings().get(c);
                    if (!heading.isBlank()) {
                        Field field = next.fields().get(c);
                        columns.add(
                                new ParsedPlan.ColumnMapping(heading, field == null ? "not imported" : field.label));
                    }
                }
            }
            if (pendingSection != null || !next.has(Field.FINDING)) {
                return;
            }
            String findingHeading = next.headings().get(next.column(Field.FINDING));
            if (!GENERIC_FINDING_HEADINGS.contains(Columns.normalise(findingHeading))
                    && (section == null || sectionFromHeader)
                    && !findingHeading.equals(section)
                    && !repeat) {
                pending(findingHeading, blocks.get(index).at());
                sectionFromHeader = true;
            }
        }

        private void dataRow(Map<Field, String> values, SourceLocation at) {
            String findingCell = values.get(Field.FINDING);
            String actionCell = values.get(Field.ACTION);
            String refCell = values.get(Field.REF);
            boolean findingLower = startsLower(findingCell);
            boolean actionLower = startsLower(actionCell);

            if (last != null && refCell == null && !hasFindingRef(findingCell)) {
                boolean continuation;
                if (actionCell == null) {
                    continuation = findingCell == null || findingLower;
                } else if (actionLower) {
                    continuation = true;
                } else {
                    continuation = findingLower
                            && !ENDS_SENTENCE.matcher(last.text).matches()
                            && !(startsUpper(values.get(Field.LEAD)) && readableDue(values.get(Field.DUE)));
                }
                if (continuation) {
                    if (findingCell != null && finding != null) {
                        finding.append(findingCell);
                    }
                    if (actionCell == null && findingCell != null && values.size() == 1) {
                        return;
                    }
                    last.append(values);
                    return;
                }
                if (findingLower && finding != null) {
                    // The area's text runs on from the page before, but the action beside it is a new one.
                    finding.append(findingCell);
                    findingCell = null;
                }
            }

            // A finding that carries its own number ("Recommendation 1: …") leaves the Ref column to number actions.
            boolean refNumbersActions =
                    refCell != null && findingCell != null && (hasFindingRef(findingCell) || tableRefsNumberActions);
            if (findingCell != null) {
                readFinding(findingCell, refNumbersActions ? null : refCell, actionCell != null, at);
            } else if (refCell != null && !header.has(Field.FINDING) && actionCell == null) {
                warn(at, "not imported (a reference with no action beside it): " + excerpt(refCell));
                return;
            }
            if (actionCell == null) {
                if (findingCell == null) {
                    reportLoose(values, at);
                }
                return;
            }
            flushSection();
            ActionDraft action = new ActionDraft(at);
            action.section = section;
            if (refCell != null && !header.has(Field.FINDING)) {
                action.ref = refCell.replaceAll("[().]+$", "").replaceAll("^\\(", "");
            } else if (refCell != null && (findingCell == null || refNumbersActions)) {
                action.ref = refCell.replaceAll("[().]+$", "").replaceAll("^\\(", "");
            }
            if (finding != null
                    && (header.has(Field.FINDING) || finding.section == null || finding.section.equals(section))) {
                action.findingRefs.addAll(finding.refs);
            }
            action.fill(values);
            actions.add(action);
            actionsSinceFinding++;
            last = action;
        }

        private void readFinding(String cell, String refCell, boolean withAction, SourceLocation at) {
            Matcher list = REF_LIST.matcher(HtmlText.oneLine(cell));
            if (list.matches()) {
                flushSection();
                List<String> refs = new ArrayList<>();
                refs.add(list.group(1));
                for (String more : list.group(2).split("\\s*(?:,|and|&)\\s*")) {
                    if (!more.isBlank()) {
                        refs.add(more.strip());
                    }
                }
                finding = new FindingDraft(null, section, null, at);
                finding.refs.clear();
                finding.refs.addAll(refs);
                return;
            }
            flushSection();
            String text = cell;
            String ref =
                    refCell == null ? null : refCell.replaceAll("[.)]+$", "").replaceAll("^\\(", "");
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
            if (ref == null && finding != null && sameSection(finding)) {
                if (refsNumberFindings()) {
                    finding.append(text); // another paragraph of the area above: the Ref column is empty beside it
                    return;
                }
                ref = nextRef(finding.ref);
            } else if (ref == null) {
                ref = refsNumberFindings() ? null : "1";
            }
            ref = excelRef(ref);
            if (ref != null
                    && ref.matches("\\d{1,3}")
                    && finding != null
                    && finding.ref != null
                    && finding.ref.matches("\\d{1,3}")
                    && sameSection(finding)
                    && Integer.parseInt(ref) <= Integer.parseInt(finding.ref)) {
                // Numbers going back within a section are lists restarting: a one-item "<ol>" per row shows 1, 1, 1.
                ref = nextRef(finding.ref);
            }
            finding = new FindingDraft(ref, section, text, at);
            findings.add(finding);
        }

        /**
         * Excel keeps "2.10" typed into a General cell as the number 2.1: a ref already used in this section that,
         * with a 0 added, is the one after the previous ref, is that one.
         */
        private String excelRef(String ref) {
            if (ref == null || !ref.matches("\\d{1,3}\\.\\d") || finding == null || finding.ref == null) {
                return ref;
            }
            boolean used = findings.stream().anyMatch(f -> ref.equals(f.ref) && sameSection(f));
            String previous = finding.ref;
            int dot = previous.lastIndexOf('.');
            if (!used || dot < 0 || !previous.substring(dot + 1).matches("\\d{1,3}")) {
                return ref;
            }
            String next = previous.substring(0, dot + 1) + (Integer.parseInt(previous.substring(dot + 1)) + 1);
            return next.equals(ref + "0") ? next : ref;
        }

        /**
         * "Recommendation 2: …" as a paragraph: a finding, which the actions after it answer — unless several come
         * together with no actions between them, a list of findings that the table does not tie to its rows.
         */
        private void labelledFinding(Matcher labelled, SourceLocation at) {
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
        }

        private boolean sameSection(FindingDraft draft) {
            return draft.section == null ? section == null : draft.section.equals(section);
        }

        private static String nextRef(String ref) {
            if (ref != null && ref.matches("\\d{1,3}")) {
                return String.valueOf(Integer.parseInt(ref) + 1);
            }
            return null;
        }

        /** A heading that starts a section when an action follows it; reported if another heading comes first. */
        private void pending(String text, SourceLocation at) {
            if (pendingSection != null) {
                warn(pendingAt, "not imported (a heading with no actions under it): " + excerpt(pendingSection));
            }
            pendingSection = text;
            pendingAt = at;
        }

        private void flushSection() {
            if (pendingSection != null) {
                section = pendingSection;
                sections.add(section);
                pendingSection = null;
                finding = null;
            }
        }

        private void reportLoose(Map<Field, String> values, SourceLocation at) {
            for (Map.Entry<Field, String> value : values.entrySet()) {
                warn(
                        at,
                        "not imported (" + value.getKey().label + " with no action on its row or above): "
                                + excerpt(value.getValue()));
            }
        }

        /** A full-width grouping row inside a table ("Actions for Cleveland Police"), or a title row over a table. */
        private boolean isSectionRow(Block.TableRow row, int index) {
            int column = -1;
            String text = null;
            for (int c = 0; c < row.cells().size(); c++) {
                if (!row.cells().get(c).text().isBlank()) {
                    column = c;
                    text = row.cells().get(c).text();
                }
            }
            if (text == null || !looksLikeSectionHeading(text)) {
                return false;
            }
            if (column == 0 && row.cells().size() >= 3 && header.width() >= 3) {
                return true;
            }
            for (int j = index + 1; j < blocks.size(); j++) {
                if (blocks.get(j) instanceof Block.TableRow next) {
                    return !next.isBlank() && Columns.header(next) != null || next.isBlank() && j < index + 3;
                }
            }
            return false;
        }

        // ---- rows wider than their header: a number or a bullet split into a cell of its own ----

        private List<Block.Cell> align(Block.TableRow row, int index) {
            List<Block.Cell> cells = new ArrayList<>(row.cells());
            int width = header.width();
            while (cells.size() > width && cells.get(cells.size() - 1).text().isBlank()) {
                cells.remove(cells.size() - 1);
            }
            if (cells.size() <= width) {
                return shiftedLeft(cells);
            }
            Layout layout = layouts.computeIfAbsent(row.cells().size(), w -> layout(w, index));
            if (layout != null) {
                List<Block.Cell> out = new ArrayList<>();
                String carry = null;
                for (int c = 0; c < row.cells().size(); c++) {
                    Block.Cell cell = row.cells().get(c);
                    if (layout.thin.contains(c)) {
                        if (REF_ONLY.matcher(cell.text()).matches()) {
                            carry = cell.text();
                        }
                        continue;
                    }
                    if (carry != null) {
                        cell = new Block.Cell(cell.text().isBlank() ? carry : carry + " " + cell.text(), cell.at());
                        carry = null;
                    }
                    out.add(cell);
                }
                return out;
            }
            // One row shifted: take out the empty cell that pushed the rest to the right.
            for (int c = cells.size() - 2; c > 0 && cells.size() > width; c--) {
                if (cells.get(c).text().isBlank()) {
                    cells.remove(c);
                }
            }
            return cells;
        }

        /**
         * A row whose cells slid to the left (the action in the Ref column, the lead under the area): put it back,
         * using the timescale column as the anchor, when the first cell is long text where a number belongs.
         */
        private List<Block.Cell> shiftedLeft(List<Block.Cell> cells) {
            int ref = header.column(Field.REF);
            int due = header.column(Field.DUE);
            if (ref != 0
                    || due < 1
                    || cells.isEmpty()
                    || cells.get(0).text().length() <= 12
                    || REF_ONLY.matcher(cells.get(0).text()).matches()
                    || readableDue(text(cells, due))) {
                return cells;
            }
            for (int shift = 1; shift <= 3 && shift <= due; shift++) {
                if (readableDue(text(cells, due - shift))) {
                    List<Block.Cell> out = new ArrayList<>();
                    for (int i = 0; i < shift; i++) {
                        out.add(new Block.Cell("", cells.get(0).at()));
                    }
                    out.addAll(cells);
                    while (out.size() > header.width()
                            && out.get(out.size() - 1).text().isBlank()) {
                        out.remove(out.size() - 1);
                    }
                    return out;
                }
            }
            return cells;
        }

        private static String text(List<Block.Cell> cells, int column) {
            return column >= 0 && column < cells.size() ? cells.get(column).text() : null;
        }

        /** For rows of one width in this table: the columns holding only numbers, bullets or nothing. */
        private Layout layout(int width, int index) {
            Set<Integer> thin = new LinkedHashSet<>();
            for (int c = 0; c < width; c++) {
                if (c >= header.width() || header.fields().get(c) != Field.REF) {
                    thin.add(c);
                }
            }
            for (int j = tableStart + 1; j < blocks.size(); j++) {
                if (!(blocks.get(j) instanceof Block.TableRow row)) {
                    continue;
                }
                if (Columns.header(row) != null && j > index) {
                    break;
                }
                if (row.cells().size() != width) {
                    continue;
                }
                for (int c = 0; c < width; c++) {
                    String text = row.cells().get(c).text();
                    if (!(text.isBlank()
                            || BULLET_ONLY.matcher(text).matches()
                            || REF_ONLY.matcher(text).matches())) {
                        thin.remove(c);
                    }
                }
            }
            if (thin.size() != width - header.width()) {
                return null;
            }
            return new Layout(thin);
        }

        private record Layout(Set<Integer> thin) {}

        // ---- output ----

        private ParsedPlan build(PlanHeading heading) {
            boolean progressIsStatus = !anyStatusColumn && progressStartsWithStatus();
            List<ParsedPlan.Action> built = new ArrayList<>();
            for (ActionDraft draft : actions) {
                String status = draft.status != null ? draft.status : progressIsStatus ? draft.progress : null;
                String progress = draft.progress;
                if (draft.next != null) {
                    progress = (progress == null ? "" : progress + "\n") + "Next: " + draft.next;
                }
                ParsedPlan.Action action = ActionFields.build(
                        new ActionFields.Raw(
                                draft.ref,
                                draft.section,
                                List.copyOf(draft.findingRefs),
                                draft.text,
                                draft.lead,
                                draft.due,
                                status,
                                draft.success,
                                draft.oversight,
                                draft.evidence,
                                progress,
                                draft.at),
                        warnings);
                built.add(action);
                if (vocabulary.isEmpty() || !ragKeySeen) {
                    StatusVocabulary.read(action.statusRaw()).ifPresent(r -> statusWords.add(r.word()));
                }
            }
            List<String> statusVocabulary = new ArrayList<>(ragKeySeen ? vocabulary : statusWords);
            List<ParsedPlan.Finding> foundFindings = findings.stream()
                    .map(f -> new ParsedPlan.Finding(
                            f.ref,
                            f.section,
                            HtmlText.collapse(f.text == null ? "" : f.text),
                            f.at == null ? null : f.at.describe()))
                    .toList();
            String title = heading.title;
            return new ParsedPlan(
                    fileName,
                    format,
                    title,
                    heading.organisation,
                    heading.inspectionDate,
                    heading.documentDate,
                    heading.versionLabel,
                    heading.leadOfficer,
                    planSuccess,
                    planMeasures,
                    List.copyOf(heading.links),
                    statusVocabulary,
                    List.copyOf(sections),
                    foundFindings,
                    built,
                    List.copyOf(glossary),
                    List.copyOf(columns),
                    List.copyOf(warnings));
        }

        private final Set<String> statusWords = new LinkedHashSet<>();
        private boolean ragKeySeen;

        private boolean progressStartsWithStatus() {
            int cells = 0;
            int statuses = 0;
            for (ActionDraft draft : actions) {
                if (draft.progress != null) {
                    cells++;
                    if (StatusVocabulary.read(draft.progress).isPresent()) {
                        statuses++;
                    }
                }
            }
            return cells > 0 && statuses * 2 >= cells;
        }

        private boolean isRagKey(List<String> cells) {
            if (cells.size() > 2) {
                return false;
            }
            List<String> words = new ArrayList<>();
            for (String cell : cells) {
                String oneLine = HtmlText.oneLine(cell);
                var reading = StatusVocabulary.read(oneLine);
                if (reading.isEmpty() || !reading.get().word().equalsIgnoreCase(oneLine)) {
                    return false;
                }
                words.add(oneLine);
            }
            vocabulary.addAll(words);
            ragKeySeen = true;
            return true;
        }

        private void warn(SourceLocation at, String message) {
            warnings.add(new ParsedPlan.Warning(at == null ? fileName : at.describe(), message));
        }
    }

    // ---- drafts ----

    private static final class FindingDraft {
        final String ref;
        final String section;
        String text;
        final SourceLocation at;
        final List<String> refs = new ArrayList<>();

        FindingDraft(String ref, String section, String text, SourceLocation at) {
            this.ref = ref;
            this.section = section;
            this.text = text;
            this.at = at;
            if (ref != null) {
                refs.add(ref);
            }
        }

        void append(String more) {
            text = join(text, more);
        }
    }

    private static final class ActionDraft {
        final SourceLocation at;
        String ref;
        String section;
        final List<String> findingRefs = new ArrayList<>();
        String text;
        String lead;
        String due;
        String status;
        String success;
        String oversight;
        String evidence;
        String progress;
        String next;

        ActionDraft(SourceLocation at) {
            this.at = at;
        }

        void fill(Map<Field, String> values) {
            text = values.get(Field.ACTION);
            lead = values.get(Field.LEAD);
            due = values.get(Field.DUE);
            status = values.get(Field.STATUS);
            success = values.get(Field.SUCCESS);
            oversight = values.get(Field.OVERSIGHT);
            evidence = values.get(Field.EVIDENCE);
            progress = values.get(Field.PROGRESS);
            next = values.get(Field.NEXT);
        }

        /** The rest of this action's row, after a page break. */
        void append(Map<Field, String> values) {
            text = join(text, values.get(Field.ACTION));
            lead = joinInline(lead, values.get(Field.LEAD));
            due = joinInline(due, values.get(Field.DUE));
            status = joinInline(status, values.get(Field.STATUS));
            success = join(success, values.get(Field.SUCCESS));
            oversight = join(oversight, values.get(Field.OVERSIGHT));
            evidence = join(evidence, values.get(Field.EVIDENCE));
            progress = join(progress, values.get(Field.PROGRESS));
            next = join(next, values.get(Field.NEXT));
        }
    }

    /** Joins text split by a page break: mid-sentence with a space, after a full stop on a new line. */
    static String join(String before, String after) {
        if (after == null || after.isBlank()) {
            return before;
        }
        if (before == null || before.isBlank()) {
            return after;
        }
        return before + (ENDS_SENTENCE.matcher(before).matches() ? "\n" : " ") + after;
    }

    private static String joinInline(String before, String after) {
        if (after == null || after.isBlank()) {
            return before;
        }
        if (before == null || before.isBlank()) {
            return after;
        }
        return HtmlText.oneLine(before).equalsIgnoreCase(HtmlText.oneLine(after)) ? before : before + " " + after;
    }

    // ---- small readings ----

    static boolean looksLikeSectionHeading(String text) {
        String t = HtmlText.oneLine(text);
        if (t.isEmpty() || t.length() > 120 || t.split("\\s+").length > 16) {
            return false;
        }
        if (t.endsWith(".") || t.endsWith(",") || t.endsWith(";") || t.contains("\n")) {
            return false;
        }
        int first = t.codePointAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first);
    }

    private static boolean looksLikeIntroSentence(String text) {
        String t = HtmlText.oneLine(text);
        return t.endsWith(".") && t.length() > 40;
    }

    private static boolean startsLower(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        return !t.isEmpty() && Character.isLowerCase(t.codePointAt(0));
    }

    private static boolean startsUpper(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        return !t.isEmpty() && Character.isUpperCase(t.codePointAt(0));
    }

    private static boolean readableDue(String text) {
        return text != null && DueDate.parse(HtmlText.oneLine(text)).precision() != DuePrecision.UNKNOWN;
    }

    private static boolean hasFindingRef(String cell) {
        if (cell == null) {
            return false;
        }
        Matcher m = FINDING_REF.matcher(cell);
        return m.find() && m.end() < cell.length();
    }

    private static List<String> nonEmpty(Block.TableRow row) {
        List<String> out = new ArrayList<>();
        for (Block.Cell cell : row.cells()) {
            if (!cell.text().isBlank()) {
                out.add(cell.text());
            }
        }
        return out;
    }

    private static boolean isRule(List<String> cells) {
        return cells.stream().allMatch(c -> RULE.matcher(c).matches());
    }

    private static String key(String paragraph) {
        return HtmlText.oneLine(paragraph).toLowerCase(Locale.ROOT);
    }

    private static String blockText(Block block) {
        if (block instanceof Block.Paragraph p) {
            return p.text();
        }
        return String.join(" | ", nonEmpty((Block.TableRow) block));
    }

    static String excerpt(String text) {
        String t = HtmlText.oneLine(text);
        return t.length() <= 80 ? "'" + t + "'" : "'" + t.substring(0, 77) + "…'";
    }
}
