package uk.assure.importer;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Word (.docx): paragraphs outside tables in order, and each table row with its cells. A cell's paragraphs and list
 * items are lines; a numbered list keeps the numbers Word shows ("1.", "2."); a cell merged across columns is
 * repeated empty for the columns it covers, and a cell merged down is empty on the rows below its first.
 * Headers, footers and text boxes are not read.
 */
public final class DocxReader implements DocumentReader {

    @Override
    public List<Block> read(String fileName, byte[] content) {
        PoiSafety.apply();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            List<Block> blocks = new ArrayList<>();
            Numbering numbering = new Numbering();
            int tables = 0;
            int paragraphs = 0;
            for (IBodyElement element : doc.getBodyElements()) {
                if (element.getElementType() == BodyElementType.PARAGRAPH) {
                    paragraphs++;
                    String text = HtmlText.collapse(numbering.text((XWPFParagraph) element));
                    if (!text.isEmpty()) {
                        blocks.add(new Block.Paragraph(text, new SourceLocation(fileName, "paragraph " + paragraphs, 0, 0)));
                    }
                } else if (element.getElementType() == BodyElementType.TABLE) {
                    tables++;
                    table((XWPFTable) element, fileName, "table " + tables, numbering, blocks);
                }
            }
            return blocks;
        } catch (ImportException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw PoiSafety.explain(fileName, "Word", e);
        }
    }

    private static void table(XWPFTable table, String fileName, String part, Numbering numbering, List<Block> blocks) {
        int r = 0;
        for (XWPFTableRow row : table.getRows()) {
            r++;
            SourceLocation at = new SourceLocation(fileName, part, r, 0);
            List<Block.Cell> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                boolean mergedFromAbove = pr != null && pr.isSetVMerge()
                        && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
                String text = mergedFromAbove ? "" : HtmlText.collapse(cellText(cell, numbering));
                cells.add(new Block.Cell(text, at.atColumn(cells.size() + 1)));
                int span = pr != null && pr.isSetGridSpan() ? ((BigInteger) pr.getGridSpan().getVal()).intValue() : 1;
                for (int extra = 1; extra < span; extra++) {
                    cells.add(new Block.Cell("", at.atColumn(cells.size() + 1)));
                }
            }
            blocks.add(new Block.TableRow(cells, at));
        }
    }

    /** Every paragraph of the cell on its own line; a table inside the cell as lines of its cells. */
    private static String cellText(XWPFTableCell cell, Numbering numbering) {
        StringBuilder out = new StringBuilder();
        for (IBodyElement element : cell.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                out.append(numbering.text(paragraph)).append('\n');
            } else if (element instanceof XWPFTable nested) {
                for (XWPFTableRow row : nested.getRows()) {
                    for (XWPFTableCell inner : row.getTableCells()) {
                        out.append(cellText(inner, numbering)).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** The numbers Word shows before the items of numbered lists, counted per list and level. */
    private static final class Numbering {

        private final Map<BigInteger, int[]> counters = new HashMap<>();

        String text(XWPFParagraph paragraph) {
            String text = paragraph.getText();
            BigInteger numId = paragraph.getNumID();
            if (numId == null || text == null || text.isBlank()) {
                return text == null ? "" : text;
            }
            int level = paragraph.getNumIlvl() == null ? 0 : Math.min(8, paragraph.getNumIlvl().intValue());
            String format = paragraph.getNumFmt();
            String pattern = paragraph.getNumLevelText();
            if (format == null && paragraph.getNumIlvl() == null) {
                // No level written: Word takes level 0, which POI does not look up by itself.
                CTLvl lvl = levelZero(paragraph, numId);
                format = lvl == null || !lvl.isSetNumFmt() ? null : lvl.getNumFmt().getVal().toString();
                pattern = lvl == null || !lvl.isSetLvlText() ? null : lvl.getLvlText().getVal();
            }
            if (format == null || format.equals("bullet") || format.equals("none")) {
                return text;
            }
            int[] count = counters.computeIfAbsent(numId, id -> new int[9]);
            count[level]++;
            for (int deeper = level + 1; deeper < 9; deeper++) {
                count[deeper] = 0;
            }
            if (pattern == null || pattern.isBlank()) {
                pattern = "%" + (level + 1) + ".";
            }
            StringBuilder label = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '%' && i + 1 < pattern.length() && Character.isDigit(pattern.charAt(i + 1))) {
                    int which = pattern.charAt(++i) - '1';
                    int n = which >= 0 && which < 9 ? Math.max(1, count[which]) : 1;
                    label.append(which == level ? formatted(n, format) : String.valueOf(n));
                } else {
                    label.append(c);
                }
            }
            return label + " " + text;
        }

        private static CTLvl levelZero(XWPFParagraph paragraph, BigInteger numId) {
            try {
                XWPFNumbering numbering = paragraph.getDocument().getNumbering();
                XWPFNum num = numbering == null ? null : numbering.getNum(numId);
                if (num == null || num.getCTNum().getAbstractNumId() == null) {
                    return null;
                }
                XWPFAbstractNum abstractNum = numbering.getAbstractNum(num.getCTNum().getAbstractNumId().getVal());
                if (abstractNum == null) {
                    return null;
                }
                for (CTLvl lvl : abstractNum.getCTAbstractNum().getLvlArray()) {
                    if (lvl.getIlvl() == null || lvl.getIlvl().intValue() == 0) {
                        return lvl;
                    }
                }
                return null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static String formatted(int n, String format) {
            return switch (format) {
                case "lowerLetter" -> String.valueOf((char) ('a' + (n - 1) % 26));
                case "upperLetter" -> String.valueOf((char) ('A' + (n - 1) % 26));
                case "lowerRoman" -> roman(n).toLowerCase(java.util.Locale.ROOT);
                case "upperRoman" -> roman(n);
                default -> String.valueOf(n);
            };
        }

        private static String roman(int n) {
            String[] r = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
            return n < r.length ? r[n] : String.valueOf(n);
        }
    }
}
