package uk.assure.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.assure.importer.Columns.Field;
import uk.assure.importer.Columns.Header;

/**
 * The header mapping stage: which column of the current table is which field, by its heading ({@link Columns}), and
 * by content — whether the Ref column numbers the findings or the actions, and rows whose cells do not line up with
 * the headings ({@link CellAlignment}). Keeps the first table's mapping for the preview.
 */
final class HeaderMapping {

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

    private final List<Block> blocks;
    private final Warnings warnings;
    private final List<ParsedPlan.ColumnMapping> columns = new ArrayList<>();
    private Header header;
    private boolean refsNumberActions;
    private boolean anyStatusColumn;
    private CellAlignment alignment;

    HeaderMapping(List<Block> blocks, Warnings warnings) {
        this.blocks = blocks;
        this.warnings = warnings;
    }

    /** The current table's header; null before the first. */
    Header header() {
        return header;
    }

    /** The first table's headings and the field each went into. */
    List<ParsedPlan.ColumnMapping> columns() {
        return List.copyOf(columns);
    }

    /** Some table had a status column. */
    boolean anyStatusColumn() {
        return anyStatusColumn;
    }

    /** A header row at block index starts a table. True when it repeats the previous table's headings. */
    boolean start(Header next, int index) {
        boolean repeat = next.sameAs(header);
        boolean first = header == null;
        header = next;
        refsNumberActions = refsNumberActions(next, index);
        alignment = new CellAlignment(blocks, next, index);
        anyStatusColumn |= next.has(Field.STATUS);
        if (first) {
            for (int c = 0; c < next.width(); c++) {
                String heading = next.headings().get(c);
                if (!heading.isBlank()) {
                    Field field = next.fields().get(c);
                    columns.add(new ParsedPlan.ColumnMapping(heading, field == null ? "not imported" : field.label));
                }
            }
        }
        return repeat;
    }

    /** The finding column's heading when it names a theme ("Early Help") rather than the column ("Findings"). */
    String findingColumnTitle() {
        if (!header.has(Field.FINDING)) {
            return null;
        }
        String heading = header.headings().get(header.column(Field.FINDING));
        return GENERIC_FINDING_HEADINGS.contains(Columns.normalise(heading)) ? null : heading;
    }

    /** The Ref column numbers the findings (areas) rather than the actions: 003's layout. */
    boolean refsNumberFindings() {
        return header.has(Field.REF) && header.has(Field.FINDING) && !refsNumberActions;
    }

    /** This table's Ref column numbers its actions. */
    boolean refsNumberActions() {
        return refsNumberActions;
    }

    /**
     * A data row's text by field, lined up with the headings; text in a column no field matches is reported. Text of
     * two cells in one field is joined on a new line.
     */
    Map<Field, String> values(Block.TableRow row, int index) {
        List<Block.Cell> cells = alignment.align(row, index);
        Map<Field, String> values = new EnumMap<>(Field.class); // in the fields' order, so warnings come in one order
        for (int c = 0; c < cells.size(); c++) {
            String text = cells.get(c).text();
            if (text.isBlank()) {
                continue;
            }
            Field field = c < header.width() ? header.fields().get(c) : null;
            if (field == null) {
                String heading = c < header.width() ? header.headings().get(c) : "";
                warnings.notImported(
                        cells.get(c).at(),
                        "column " + (heading.isBlank() ? String.valueOf(c + 1) : "'" + heading + "'")
                                + " matches no field",
                        text);
                continue;
            }
            values.merge(field, text, (a, b) -> a + "\n" + b);
        }
        return values;
    }

    /**
     * Whether this table's Ref column numbers its actions: some row has a ref and an action but no finding beside it
     * ("(1b)" under "(1a)"). Otherwise, with a finding column, the refs number the findings.
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
}
