package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import uk.assure.importer.CellClassifier.Item;
import uk.assure.importer.CellClassifier.Kind;

/**
 * Second pass of row assembly for PDF-column text: hands each action's classified cells, in order, to the actions
 * printed together before them that still lack that field. A row of cells printed with no action beside it goes to a
 * later action printed with none.
 */
final class CellPlacement {

    private final List<PrintedAction> drafts;
    private final boolean progressColumn;
    private final Warnings warnings;
    /** Rows of cells printed with no action beside them, for actions printed with no cells. */
    private final List<PrintedAction> orphans = new ArrayList<>();

    private int placedOrphans;

    CellPlacement(List<PrintedAction> drafts, boolean progressColumn, Warnings warnings) {
        this.drafts = drafts;
        this.progressColumn = progressColumn;
        this.warnings = warnings;
    }

    /** Places every action's cells, then the rows printed with no action. */
    void placeAll() {
        for (int k = 0; k < drafts.size(); k++) {
            if (!drafts.get(k).cells.isEmpty()) {
                place(k);
            }
        }
        placeOrphans();
    }

    /**
     * The cells printed after action k. The actions printed one after another before it with no lead or success of
     * their own are in the same print row, so each cell goes, in order, to the first of them still lacking that field.
     * A timescale with no action left to take it starts a row printed with no action beside it. One more sentence than
     * there are actions is the progress column's; or, when the action printed just before had no cells at all, that
     * action's success criteria pushed down by the page layout.
     */
    private void place(int k) {
        PrintedAction last = drafts.get(k);
        List<PrintedAction> row = new ArrayList<>();
        row.add(last);
        int j = k - 1;
        for (; j >= 0; j--) {
            PrintedAction d = drafts.get(j);
            if (d.parent
                    || d.lead != null
                    || d.success != null
                    || !d.objective().equals(last.objective())) {
                break;
            }
            row.add(0, d);
        }
        PrintedAction before = j >= 0 ? drafts.get(j) : null;
        while (placedOrphans < orphans.size() && row.size() > 1 && row.get(0).empty()) {
            // a row of cells printed earlier with no action beside it belongs to the action printed with none
            before = row.remove(0);
            take(before, orphans.get(placedOrphans++));
        }
        List<Item> items = CellClassifier.classify(last.cells);
        long sentences = items.stream().filter(item -> item.kind() == Kind.TEXT).count();
        long wanting = row.stream().filter(d -> d.success == null).count();
        boolean pushedDown = before != null
                && !before.parent
                && before.success == null
                && before.cells.isEmpty()
                && sentences > wanting;
        PrintedAction orphan = null;
        for (int n = 0; n < items.size(); n++) {
            Item item = items.get(n);
            List<TextLine> cellLines = item.lines();
            if (item.kind() == Kind.TEXT
                    && orphan == null
                    && cellLines.size() > 1
                    && CellKinds.isDate(cellLines.get(cellLines.size() - 1).text())
                    && first(row, d -> d.due == null) != null) {
                // "Learning and Development Team" / "April 2024": a lead with the timescale printed under it
                List<TextLine> rest = cellLines.subList(0, cellLines.size() - 1);
                if (CellKinds.looksLikeLead(TextLine.joined(rest))) {
                    List<TextLine> date = cellLines.subList(cellLines.size() - 1, cellLines.size());
                    items.add(n + 1, new Item(Kind.DATE, TextLine.joined(date), date));
                    item = new Item(Kind.LEAD, TextLine.joined(rest), rest);
                }
            }
            if (item.kind() == Kind.OPEN_DATE) {
                PrintedAction target = orphan != null ? orphan : first(row, d -> d.due == null);
                item = new Item(
                        target == null || target.due != null ? Kind.TEXT : Kind.DATE, item.text(), item.lines());
            }
            if (item.kind() == Kind.LEAD) {
                PrintedAction target = orphan != null ? orphan : first(row, d -> d.lead == null);
                if (target == null || target.lead != null) {
                    // every action here has its lead: a sentence that only looks like one ("… the SCP tool …")
                    item = new Item(Kind.TEXT, item.text(), item.lines());
                }
            }
            switch (item.kind()) {
                case OPEN_DATE -> throw new IllegalStateException("read above as a timescale or a note");
                case CONTINUATION -> continuation(item, j);
                case DATE -> {
                    PrintedAction target = orphan == null ? first(row, d -> d.due == null) : null;
                    if (target == null) {
                        orphan = new PrintedAction(null, item.at());
                        orphans.add(orphan);
                        target = orphan;
                    }
                    target.due = item.text();
                }
                case LEAD -> {
                    PrintedAction target = orphan != null ? orphan : first(row, d -> d.lead == null);
                    if (target == null || target.lead != null) {
                        unplaced(item, last);
                    } else if (target == row.get(0)
                            && before != null
                            && !before.parent
                            && before.lead == null
                            && (before.due != null || before.success != null)
                            && twoLeads(item) != null) {
                        // "Voluntary Sector Forum (VSF)" / "Family Hubs Team": the row before had no lead of its
                        // own, and two bodies are printed as one block
                        int split = twoLeads(item);
                        before.lead = TextLine.joined(item.lines().subList(0, split));
                        target.lead = TextLine.joined(
                                item.lines().subList(split, item.lines().size()));
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
                    PrintedAction target = orphan != null ? orphan : first(row, d -> d.success == null);
                    PrintedAction owner = orphan != null ? orphan : last;
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

    private static PrintedAction first(List<PrintedAction> row, Predicate<PrintedAction> wanting) {
        return row.stream().filter(wanting).findFirst().orElse(null);
    }

    /** Where a lead block holds two bodies: after a line ending ")" comes one starting with a capital. */
    static Integer twoLeads(Item item) {
        List<TextLine> lines = item.lines();
        for (int k = 1; k < lines.size(); k++) {
            String previous = lines.get(k - 1).text().strip();
            String next = lines.get(k).text().strip();
            if (previous.endsWith(")")
                    && !next.isEmpty()
                    && Character.isUpperCase(next.codePointAt(0))
                    && CellKinds.looksLikeLead(TextLine.joined(lines.subList(0, k)))
                    && CellKinds.looksLikeLead(TextLine.joined(lines.subList(k, lines.size())))) {
                return k;
            }
        }
        return null;
    }

    /** The lowercase tail of a cell cut by a page break: the success criteria of the last action that has some. */
    private void continuation(Item item, int before) {
        for (int k = before; k >= 0; k--) {
            PrintedAction d = drafts.get(k);
            if (d.success != null) {
                d.success = d.success + " " + item.text();
                return;
            }
        }
        warnings.notImported(
                item.at(), "the end of a cell cut by a page break, with no cell above it to join", item.text());
    }

    private void unplaced(Item item, PrintedAction after) {
        warnings.notImported(
                item.at(), "a cell printed after action " + after.ref + " that could not be placed", item.text());
    }

    /** Rows of cells printed with no action beside them go, in order, to actions printed with no cells at all. */
    private void placeOrphans() {
        for (PrintedAction d : drafts) {
            if (placedOrphans < orphans.size() && !d.parent && d.empty()) {
                take(d, orphans.get(placedOrphans++));
            }
        }
        for (PrintedAction orphan : orphans.subList(placedOrphans, orphans.size())) {
            warnings.notImported(
                    orphan.at,
                    "a timescale, lead and success criteria printed with no action beside them",
                    String.join(
                            " / ",
                            Stream.of(orphan.due, orphan.lead, orphan.success)
                                    .filter(s -> s != null)
                                    .toList()));
        }
    }

    private static void take(PrintedAction draft, PrintedAction orphan) {
        draft.due = orphan.due;
        draft.lead = orphan.lead;
        draft.success = orphan.success;
        draft.progress = orphan.progress;
    }
}
