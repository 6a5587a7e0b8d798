package uk.assure.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import uk.assure.importer.Columns.Field;
import uk.assure.importer.Columns.Header;

/**
 * Part of header mapping, for one table: lines a row's cells up with its headings when they do not — a row wider than
 * its header (a number or a bullet split into a cell of its own, an empty cell pushing the rest right), or a row whose
 * cells slid left.
 */
final class CellAlignment {

    private static final Pattern REF_ONLY = Pattern.compile("^\\(?\\d{1,3}(?:\\.\\d{1,3}){0,3}[a-z]?\\)?[.)]?$");
    private static final Pattern BULLET_ONLY = Pattern.compile("^[\\u25aa\\u2022\\u00b7\\u25cf\\u25e6\\uf0b7\\-–*]$");

    private final List<Block> blocks;
    private final Header header;
    private final int tableStart;
    private final Map<Integer, Layout> layouts = new HashMap<>();

    /** @param tableStart the block index of the table's header row */
    CellAlignment(List<Block> blocks, Header header, int tableStart) {
        this.blocks = blocks;
        this.header = header;
        this.tableStart = tableStart;
    }

    /** The row's cells, one per heading where they can be lined up; the row at block index. */
    List<Block.Cell> align(Block.TableRow row, int index) {
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
     * A row whose cells slid to the left (the action in the Ref column, the lead under the area): put it back, using
     * the timescale column as the anchor, when the first cell is long text where a number belongs.
     */
    private List<Block.Cell> shiftedLeft(List<Block.Cell> cells) {
        int ref = header.column(Field.REF);
        int due = header.column(Field.DUE);
        if (ref != 0
                || due < 1
                || cells.isEmpty()
                || cells.get(0).text().length() <= 12
                || REF_ONLY.matcher(cells.get(0).text()).matches()
                || Text.readableDue(text(cells, due))) {
            return cells;
        }
        for (int shift = 1; shift <= 3 && shift <= due; shift++) {
            if (Text.readableDue(text(cells, due - shift))) {
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
}
