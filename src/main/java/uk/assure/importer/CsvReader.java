package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as spreadsheets save it (RFC 4180): fields separated by commas, or semicolons where the first line uses
 * them; quoted fields may hold separators, doubled quotes and line breaks. A record with one field is a paragraph.
 */
final class CsvReader implements DocumentReader {

    @Override
    public List<Block> read(String fileName, byte[] content) {
        return read(fileName, TextDecoding.decode(fileName, content));
    }

    public List<Block> read(String fileName, String text) {
        char separator = separator(text);
        List<Block> blocks = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                quoteLine = line;
                field.setLength(0);
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                ReaderLimits.checkColumns(fileName + ", line " + recordLine, fields.size() + 1);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                record(fileName, recordLine, fields, blocks);
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new ImportException(
                    fileName + ", line " + quoteLine + ": a quoted field is never closed (a \" is missing)");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            record(fileName, recordLine, fields, blocks);
        }
        return blocks;
    }

    private static void record(String fileName, int line, List<String> fields, List<Block> blocks) {
        SourceLocation at = SourceLocation.line(fileName, line);
        List<Block.Cell> cells = new ArrayList<>();
        int filled = 0;
        for (int c = 0; c < fields.size(); c++) {
            String text = HtmlText.toText(fields.get(c));
            if (!text.isEmpty()) {
                filled++;
            }
            cells.add(new Block.Cell(text, at.atColumn(c + 1)));
        }
        if (filled == 0) {
            return;
        }
        if (filled == 1 && !cells.get(0).text().isEmpty()) {
            blocks.add(new Block.Paragraph(cells.get(0).text(), at));
        } else {
            blocks.add(new Block.TableRow(cells, at));
        }
    }

    /**
     * Semicolons when the first few lines hold more of them than commas (outside quotes), as Excel saves CSV where
     * the comma is the decimal sign; commas otherwise. A title line above the table does not decide it alone.
     */
    static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        int lines = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length() && lines < 6; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\n') {
                lines++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The fields in each of the first records (up to {@code max}), quotes and line breaks in quotes respected. */
    static List<Integer> fieldCounts(String text, char separator, int max) {
        List<Integer> counts = new ArrayList<>();
        int count = 1;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length() && counts.size() < max; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (quoted) {
                continue;
            } else if (c == separator) {
                count++;
                any = true;
            } else if (c == '\n') {
                if (any) {
                    counts.add(count);
                }
                count = 1;
                any = false;
            } else if (c != '\r' && !Character.isWhitespace(c)) {
                any = true;
            }
        }
        return counts;
    }
}
