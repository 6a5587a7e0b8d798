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

    /** The messages of the warnings, in order. */
    static List<String> messages(Warnings warnings) {
        return warnings.list().stream().map(ParsedPlan.Warning::message).toList();
    }
}
