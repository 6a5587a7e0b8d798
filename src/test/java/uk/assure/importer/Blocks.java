package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;

/** Small hand-made blocks for the stage tests: each block on its own line of "plan.txt". */
final class Blocks {

    static final String FILE = "plan.txt";

    private Blocks() {}

    static SourceLocation line(int line) {
        return SourceLocation.line(FILE, line);
    }

    static Block.Paragraph paragraph(int line, String text) {
        return new Block.Paragraph(text, line(line));
    }

    static Block.TableRow row(int line, String... cells) {
        List<Block.Cell> out = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            out.add(new Block.Cell(cells[c], line(line).atColumn(c + 1)));
        }
        return new Block.TableRow(out, line(line));
    }

    /** Lines of PDF-column text, numbered from 1; "" a blank line. */
    static List<TextLine> lines(String... texts) {
        List<TextLine> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            out.add(new TextLine(texts[i], line(i + 1)));
        }
        return out;
    }

    /** The messages of the warnings, in order. */
    static List<String> messages(Warnings warnings) {
        return warnings.list().stream().map(ParsedPlan.Warning::message).toList();
    }
}
