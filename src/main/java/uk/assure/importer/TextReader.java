package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text and tab-separated text, as pulled out of Word or a PDF: a line with a tab is a table row whose cells
 * may hold HTML fragments; any other non-blank line is a paragraph.
 */
final class TextReader implements DocumentReader {

    @Override
    public List<Block> read(String fileName, byte[] content) {
        return read(fileName, TextDecoding.decode(fileName, content));
    }

    public List<Block> read(String fileName, String text) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            SourceLocation at = SourceLocation.line(fileName, i + 1);
            if (line.indexOf('\t') >= 0) {
                String[] raw = line.split("\t", -1);
                ReaderLimits.checkColumns(fileName + ", line " + (i + 1), raw.length);
                List<Block.Cell> cells = new ArrayList<>(raw.length);
                for (int c = 0; c < raw.length; c++) {
                    cells.add(new Block.Cell(HtmlText.toText(raw[c]), at.atColumn(c + 1)));
                }
                blocks.add(new Block.TableRow(cells, at));
            } else if (!line.isBlank()) {
                String paragraph = HtmlText.toText(line);
                if (!paragraph.isEmpty()) {
                    blocks.add(new Block.Paragraph(paragraph, at));
                }
            }
        }
        return blocks;
    }
}
