package uk.assure.importer;

/**
 * Where a piece of text came from, for warnings and errors a person can act on: the file, and the sheet (Excel) or
 * table (Word), the row and the column, each 1-based; 0 or null when the format has no such thing.
 */
record SourceLocation(String file, String part, int row, int column) {

    public static SourceLocation line(String file, int line) {
        return new SourceLocation(file, null, line, 0);
    }

    public SourceLocation atColumn(int column) {
        return new SourceLocation(file, part, row, column);
    }

    /** "plan.xlsx, sheet Actions, row 12, column 3" */
    public String describe() {
        StringBuilder out = new StringBuilder(file == null ? "the file" : file);
        if (part != null && !part.isBlank()) {
            out.append(", ").append(part);
        }
        if (row > 0) {
            out.append(part == null ? ", line " : ", row ").append(row);
        }
        if (column > 0) {
            out.append(", column ").append(column);
        }
        return out.toString();
    }
}
