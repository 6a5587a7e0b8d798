package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * The reader stage for PDF-column text: the document as lines, blank ones kept (they separate the column blocks),
 * each with where it was.
 */
record TextLine(String text, SourceLocation at) {

    boolean blank() {
        return text.isBlank();
    }

    /** The blocks as lines; a jump in line numbers becomes a blank line, a row's cells one line. */
    static List<TextLine> of(List<Block> blocks) {
        List<TextLine> lines = new ArrayList<>();
        int previous = 0;
        for (Block block : blocks) {
            int row = block.at() == null ? previous + 1 : block.at().row();
            if (row > previous + 1 && !lines.isEmpty()) {
                lines.add(new TextLine("", null));
            }
            previous = row;
            String text = block instanceof Block.Paragraph p
                    ? p.text()
                    : String.join(
                            " ",
                            ((Block.TableRow) block)
                                    .cells().stream().map(Block.Cell::text).toList());
            for (String part : text.split("\n")) {
                lines.add(new TextLine(part, block.at()));
            }
        }
        return lines;
    }

    /** The lines' text on one line. */
    static String joined(List<TextLine> group) {
        return HtmlText.oneLine(
                String.join(" ", group.stream().map(TextLine::text).toList()));
    }
}
