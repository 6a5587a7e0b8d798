package uk.assure.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML pages (a plan saved from Word or a web page): each {@code <table>} row with its cells, colspan and rowspan
 * kept in their columns; headings, paragraphs and list items outside tables as paragraphs, in order. Scripts,
 * styles and the head are ignored; nothing is ever rendered or run.
 */
final class HtmlReader implements DocumentReader {

    private static final int MAX_SPAN = 50;

    @Override
    public List<Block> read(String fileName, byte[] content) {
        Document doc = Jsoup.parse(TextDecoding.decode(fileName, content));
        doc.outputSettings().prettyPrint(false);
        ReaderLimits.checkDepth(fileName, doc);
        doc.select("script, style, noscript, template, head, iframe, object, embed, svg, math")
                .remove();
        // In HTML a line break in the source is a space; only <br>, <p>, <li> and the like make lines.
        doc.body().traverse((node, depth) -> {
            if (node instanceof TextNode text
                    && !(node.parent() instanceof Element parent
                            && (parent.normalName().equals("pre")
                                    || parent.normalName().equals("textarea")))) {
                text.text(text.getWholeText().replaceAll("\\s+", " "));
            }
        });
        State state = new State(fileName);
        walk(doc.body(), state);
        state.flushText();
        return state.blocks;
    }

    private static final class State {
        final String fileName;
        final List<Block> blocks = new ArrayList<>();
        final StringBuilder loose = new StringBuilder();
        int tables;
        int paragraphs;

        State(String fileName) {
            this.fileName = fileName;
        }

        void paragraph(String text) {
            String clean = HtmlText.collapse(text);
            if (!clean.isEmpty()) {
                paragraphs++;
                blocks.add(new Block.Paragraph(clean, new SourceLocation(fileName, "paragraph " + paragraphs, 0, 0)));
            }
        }

        void flushText() {
            if (!loose.isEmpty()) {
                paragraph(HtmlText.toText(loose.toString()));
                loose.setLength(0);
            }
        }
    }

    /**
     * Text outside tables: each block (heading, paragraph, list item, div) a paragraph; loose text and inline elements
     * gathered, as escaped HTML so that line breaks survive and an escaped "&lt;b&gt;" stays text, until the next block.
     */
    private static void walk(Element element, State state) {
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode text) {
                state.loose.append(text.outerHtml());
            } else if (node instanceof Element child) {
                String name = child.normalName();
                if (name.equals("table")) {
                    state.flushText();
                    table(child, state);
                } else if (name.equals("br")) {
                    state.loose.append("<br>");
                } else if (child.selectFirst("table") != null
                        || name.equals("ul")
                        || name.equals("ol")
                        || name.equals("dl")) {
                    // Holds a table, or is a list whose items are paragraphs each.
                    state.flushText();
                    walk(child, state);
                    state.flushText();
                } else if (child.isBlock() || name.equals("li") || name.matches("h[1-6]")) {
                    state.flushText();
                    state.paragraph(HtmlText.toText(child.html()));
                } else {
                    state.loose.append(child.outerHtml());
                }
            }
        }
    }

    private static void table(Element table, State state) {
        state.tables++;
        String part = "table " + state.tables;
        Map<Integer, int[]> pendingRowspans = new HashMap<>(); // column -> rows still covered
        int r = 0;
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue; // a row of a table inside a cell: read with that cell's text
            }
            r++;
            SourceLocation at = new SourceLocation(state.fileName, part, r, 0);
            List<Block.Cell> cells = new ArrayList<>();
            int column = 0;
            for (Element td : tr.children()) {
                if (!td.normalName().equals("td") && !td.normalName().equals("th")) {
                    continue;
                }
                column = skipCovered(pendingRowspans, cells, column, at);
                cells.add(new Block.Cell(HtmlText.toText(td.html()), at.atColumn(column + 1)));
                int colspan = span(td.attr("colspan"));
                int rowspan = span(td.attr("rowspan"));
                for (int extra = 1; extra < colspan; extra++) {
                    cells.add(new Block.Cell("", at.atColumn(column + 1 + extra)));
                }
                if (rowspan > 1) {
                    for (int c = column; c < column + colspan; c++) {
                        pendingRowspans.put(c, new int[] {rowspan - 1});
                    }
                }
                column += colspan;
                ReaderLimits.checkColumns(state.fileName + ", " + part + ", row " + r, column);
            }
            skipCovered(pendingRowspans, cells, column, at);
            state.blocks.add(new Block.TableRow(cells, at));
        }
    }

    /** Empty cells for the columns a rowspan from above still covers, from this column on. */
    private static int skipCovered(Map<Integer, int[]> pending, List<Block.Cell> cells, int column, SourceLocation at) {
        while (pending.containsKey(column)) {
            cells.add(new Block.Cell("", at.atColumn(column + 1)));
            int[] left = pending.get(column);
            if (--left[0] <= 0) {
                pending.remove(column);
            }
            column++;
        }
        return column;
    }

    private static int span(String value) {
        try {
            return Math.max(1, Math.min(MAX_SPAN, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
