package uk.assure.importer;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Word (.docx): the body in order — paragraphs outside tables, and each table row with its cells. A cell's paragraphs
 * and list items are lines of its text; a table inside a cell adds its cells' lines. A numbered list keeps the numbers
 * Word shows ("1. ", "a) "); a bulleted one has no marker. A cell merged across columns is followed by empty cells
 * for the other columns it covers, and a cell merged down is empty on the rows below its first, so that every row
 * lines up with the heading row. HTML left as text in the document (a pasted "&lt;b&gt;") is removed as in a text
 * file. Headers, footers, footnotes and text boxes are not read.
 */
final class DocxReader implements DocumentReader {

    /** More columns than any plan has; a hostile gridSpan of millions would otherwise make millions of cells. */
    static final int MAX_COLUMNS = ReaderLimits.MAX_COLUMNS;

    @Override
    public List<Block> read(String fileName, byte[] content) {
        PoiSafety.apply();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            Reading reading = new Reading(fileName, new Numbering(doc.getNumbering()));
            reading.body(doc.getBodyElements());
            return reading.blocks;
        } catch (ImportException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw PoiSafety.explain(fileName, "Word", e);
        }
    }

    private static final class Reading {
        final String fileName;
        final Numbering numbering;
        final List<Block> blocks = new ArrayList<>();
        int tables;
        int paragraphs;

        Reading(String fileName, Numbering numbering) {
            this.fileName = fileName;
            this.numbering = numbering;
        }

        void body(List<IBodyElement> elements) {
            for (IBodyElement element : elements) {
                if (element instanceof XWPFParagraph paragraph) {
                    paragraphs++;
                    paragraph(numbering.text(paragraph));
                } else if (element instanceof XWPFTable table) {
                    tables++;
                    table(table, "table " + tables);
                } else if (element instanceof XWPFSDT control) {
                    // A content control around body text (a form field, a cover-page block): its text as paragraphs.
                    paragraphs++;
                    paragraph(control.getContent().getText());
                }
            }
        }

        void paragraph(String text) {
            String clean = HtmlText.toText(text);
            if (!clean.isEmpty()) {
                blocks.add(new Block.Paragraph(clean, new SourceLocation(fileName, "paragraph " + paragraphs, 0, 0)));
            }
        }

        void table(XWPFTable table, String part) {
            int r = 0;
            for (XWPFTableRow row : table.getRows()) {
                r++;
                SourceLocation at = new SourceLocation(fileName, part, r, 0);
                List<Block.Cell> cells = new ArrayList<>();
                CTTrPr rowPr = row.getCtRow().getTrPr();
                // Cells that start to the right of the grid's first column (w:gridBefore) keep their columns.
                int before = rowPr == null || rowPr.sizeOfGridBeforeArray() == 0
                        ? 0
                        : number(rowPr.getGridBeforeArray(0).getVal());
                for (int i = 0; i < before && cells.size() < MAX_COLUMNS; i++) {
                    cells.add(new Block.Cell("", at.atColumn(cells.size() + 1)));
                }
                for (XWPFTableCell cell : row.getTableCells()) {
                    if (cells.size() >= MAX_COLUMNS) {
                        break;
                    }
                    CTTcPr pr = cell.getCTTc().getTcPr();
                    boolean mergedFromAbove = pr != null
                            && pr.isSetVMerge()
                            && (pr.getVMerge().getVal() == null
                                    || pr.getVMerge().getVal() == STMerge.CONTINUE);
                    String text = mergedFromAbove ? "" : cellText(cell);
                    cells.add(new Block.Cell(text, at.atColumn(cells.size() + 1)));
                    int span = pr != null && pr.isSetGridSpan()
                            ? number(pr.getGridSpan().getVal())
                            : 1;
                    for (int extra = 1; extra < span && cells.size() < MAX_COLUMNS; extra++) {
                        cells.add(new Block.Cell("", at.atColumn(cells.size() + 1)));
                    }
                }
                blocks.add(new Block.TableRow(cells, at));
            }
        }

        /** Every paragraph of the cell on its own line; a table inside the cell as lines of its cells. */
        String cellText(XWPFTableCell cell) {
            StringBuilder out = new StringBuilder();
            lines(cell, out, 0);
            return HtmlText.collapse(out.toString());
        }

        private void lines(XWPFTableCell cell, StringBuilder out, int depth) {
            for (IBodyElement element : cell.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    out.append(HtmlText.toText(numbering.text(paragraph))).append('\n');
                } else if (element instanceof XWPFTable nested && depth < 10) {
                    for (XWPFTableRow row : nested.getRows()) {
                        for (XWPFTableCell inner : row.getTableCells()) {
                            lines(inner, out, depth + 1);
                        }
                    }
                } else if (element instanceof XWPFSDT control) {
                    out.append(HtmlText.toText(control.getContent().getText())).append('\n');
                }
            }
        }
    }

    private static int number(Object value) {
        if (value instanceof BigInteger big) {
            return big.bitLength() > 31 ? Integer.MAX_VALUE : Math.max(0, big.intValue());
        }
        if (value instanceof Number n) {
            return Math.max(0, n.intValue());
        }
        return 1;
    }

    /**
     * The numbers Word shows before the items of numbered lists: a counter per list (numId) and level, starting at
     * the level's start value, the deeper levels starting again after an item at a shallower one; the label made from
     * the level's text ("%1.", "%1.%2", "(%1)") in the level's format (decimal, letters, roman numerals).
     */
    private static final class Numbering {

        private final XWPFNumbering numbering;
        private final Map<BigInteger, int[]> counters = new HashMap<>();

        Numbering(XWPFNumbering numbering) {
            this.numbering = numbering;
        }

        String text(XWPFParagraph paragraph) {
            String text = paragraph.getText();
            if (text == null) {
                return "";
            }
            BigInteger numId = paragraph.getNumID();
            if (numId == null || numId.signum() == 0 || text.isBlank()) {
                return text;
            }
            int level = paragraph.getNumIlvl() == null
                    ? 0
                    : Math.max(0, Math.min(8, paragraph.getNumIlvl().intValue()));
            CTLvl[] levels = levels(numId);
            CTLvl lvl = levels[level];
            String format =
                    lvl != null && lvl.isSetNumFmt() ? lvl.getNumFmt().getVal().toString() : null;
            if (format == null || format.equals("bullet") || format.equals("none")) {
                return text;
            }
            int[] count = counters.computeIfAbsent(numId, id -> {
                int[] fresh = new int[9];
                for (int i = 0; i < 9; i++) {
                    fresh[i] = start(levels[i]) - 1;
                }
                return fresh;
            });
            count[level]++;
            for (int deeper = level + 1; deeper < 9; deeper++) {
                count[deeper] = start(levels[deeper]) - 1;
            }
            String pattern = lvl.isSetLvlText() && lvl.getLvlText().getVal() != null
                    ? lvl.getLvlText().getVal()
                    : "%" + (level + 1) + ".";
            StringBuilder label = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '%'
                        && i + 1 < pattern.length()
                        && pattern.charAt(i + 1) >= '1'
                        && pattern.charAt(i + 1) <= '9') {
                    int which = pattern.charAt(++i) - '1';
                    int n = Math.max(count[which], start(levels[which]));
                    CTLvl other = levels[which];
                    String otherFormat = other != null && other.isSetNumFmt()
                            ? other.getNumFmt().getVal().toString()
                            : "decimal";
                    boolean legal = lvl.isSetIsLgl();
                    label.append(formatted(n, which == level || !legal ? otherFormat : "decimal"));
                } else {
                    label.append(c);
                }
            }
            return label.isEmpty() ? text : label + " " + text;
        }

        private static int start(CTLvl lvl) {
            return lvl != null && lvl.isSetStart() ? number(lvl.getStart().getVal()) : 1;
        }

        /** The nine levels of a list: the abstract definition's, with the list's own overrides on top. */
        private CTLvl[] levels(BigInteger numId) {
            CTLvl[] levels = new CTLvl[9];
            try {
                XWPFNum num = numbering == null ? null : numbering.getNum(numId);
                if (num == null) {
                    return levels;
                }
                if (num.getCTNum().getAbstractNumId() != null) {
                    XWPFAbstractNum abstractNum = numbering.getAbstractNum(
                            num.getCTNum().getAbstractNumId().getVal());
                    if (abstractNum != null) {
                        for (CTLvl lvl : abstractNum.getCTAbstractNum().getLvlArray()) {
                            int i = lvl.getIlvl() == null ? 0 : lvl.getIlvl().intValue();
                            if (i >= 0 && i < 9) {
                                levels[i] = lvl;
                            }
                        }
                    }
                }
                for (CTNumLvl override : num.getCTNum().getLvlOverrideArray()) {
                    int i = override.getIlvl() == null ? -1 : override.getIlvl().intValue();
                    if (i < 0 || i >= 9) {
                        continue;
                    }
                    if (override.isSetLvl()) {
                        levels[i] = override.getLvl();
                    } else if (override.isSetStartOverride()) {
                        CTLvl copy = levels[i] == null ? CTLvl.Factory.newInstance() : (CTLvl) levels[i].copy();
                        CTDecimalNumber start = copy.isSetStart() ? copy.getStart() : copy.addNewStart();
                        start.setVal(override.getStartOverride().getVal());
                        levels[i] = copy;
                    }
                }
            } catch (RuntimeException e) {
                // A damaged numbering part: the items are read without numbers.
            }
            return levels;
        }

        private static String formatted(int n, String format) {
            return switch (format) {
                case "lowerLetter" -> letters(n).toLowerCase(Locale.ROOT);
                case "upperLetter" -> letters(n);
                case "lowerRoman" -> roman(n).toLowerCase(Locale.ROOT);
                case "upperRoman" -> roman(n);
                default -> String.valueOf(n);
            };
        }

        /** A, B, ... Z, AA, BB, ... as Word letters lists. */
        private static String letters(int n) {
            if (n < 1) {
                return String.valueOf(n);
            }
            char letter = (char) ('A' + (n - 1) % 26);
            return String.valueOf(letter).repeat(Math.min(10, (n - 1) / 26 + 1));
        }

        private static String roman(int n) {
            if (n < 1 || n > 3999) {
                return String.valueOf(n);
            }
            int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
            String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                while (n >= values[i]) {
                    out.append(symbols[i]);
                    n -= values[i];
                }
            }
            return out.toString();
        }
    }
}
