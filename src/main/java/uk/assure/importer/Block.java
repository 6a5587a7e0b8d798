package uk.assure.importer;

import java.util.List;

/**
 * What a reader finds in a document, in document order: paragraphs outside tables, and table rows. Every reader
 * (text, Word, Excel, CSV, HTML) turns its format into this, so that one assembler can read them all.
 */
sealed interface Block {

    SourceLocation at();

    /** Text outside any table: a title, a heading, a preamble line. HTML removed; line breaks kept as \n. */
    record Paragraph(String text, SourceLocation at) implements Block {}

    /** One row of a table. A cell spanning several columns appears once per column it covers, the first holding the text. */
    record TableRow(List<Cell> cells, SourceLocation at) implements Block {
        public TableRow {
            cells = List.copyOf(cells);
        }

        public String text(int column) {
            return column < cells.size() ? cells.get(column).text() : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(c -> c.text().isBlank());
        }
    }

    /**
     * One cell: its text with HTML tags removed and entities decoded, paragraphs and bullet items separated by \n,
     * other whitespace collapsed to single spaces and trimmed.
     */
    record Cell(String text, SourceLocation at) {}
}
