package uk.assure.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.stereotype.Component;
import uk.assure.plan.Rag;

/**
 * A plan as a Word document: landscape A4, the plan's title, then each section as a heading over a table in the
 * plan's own columns and status words, its header row repeated on every page, each RAG cell shaded and its rating
 * written in words (colour only repeats them). The importer reads it back as the same plan.
 */
@Component
class PlanExportDocx {

    /** Each column's share of the page's width, in percent, in the order of {@link PlanExportColumn}. */
    /** Each column's share of the page's width, in percent: the PDF export lays its tables out the same. */
    static final int[] WIDTHS = {5, 15, 20, 9, 7, 9, 10, 9, 8, 8};

    /** The tables' text size: ten columns across a landscape page. */
    private static final int TABLE_POINTS = 9;

    /** A4 landscape less half-inch margins, in twentieths of a point. */
    private static final int TEXT_WIDTH = 16838 - 2 * 720;

    private final PackWords words;

    PlanExportDocx(PackWords words) {
        this.words = words;
    }

    byte[] write(PlanExport export) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            landscape(doc);
            headingStyles(doc);
            doc.getProperties().getCoreProperties().setTitle(export.plan().title());
            heading(doc, 1, export.plan().title());
            List<String> headings = new ArrayList<>();
            for (PlanExportColumn column : PlanExportColumn.values()) {
                headings.add(words.of(column.heading()));
            }
            String section = null;
            List<PlanExport.Row> rows = new ArrayList<>();
            for (PlanExport.Row row : export.rows()) {
                if (!rows.isEmpty() && !Objects.equals(section, row.section())) {
                    table(doc, section, headings, rows);
                    rows = new ArrayList<>();
                }
                section = row.section();
                rows.add(row);
            }
            if (!rows.isEmpty()) {
                table(doc, section, headings, rows);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void table(XWPFDocument doc, String section, List<String> headings, List<PlanExport.Row> rows) {
        if (section != null && !section.isBlank()) {
            heading(doc, 2, section);
        }
        XWPFTable table = doc.createTable(rows.size() + 1, headings.size());
        table.setWidth(String.valueOf(TEXT_WIDTH));
        // a grid in twips as well as each cell's width: LibreOffice lays a table out by its grid
        var grid = table.getCTTbl().getTblGrid() == null
                ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() < headings.size()) {
            grid.addNewGridCol();
        }
        for (int c = 0; c < headings.size(); c++) {
            grid.getGridColArray(c).setW(BigInteger.valueOf(TEXT_WIDTH * WIDTHS[c] / 100));
        }
        for (XWPFTableRow line : table.getRows()) {
            for (int c = 0; c < headings.size(); c++) {
                line.getCell(c).setWidth(String.valueOf(TEXT_WIDTH * WIDTHS[c] / 100));
            }
        }
        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        for (int c = 0; c < headings.size(); c++) {
            XWPFRun run = head.getCell(c).getParagraphs().get(0).createRun();
            run.setBold(true);
            run.setFontSize(TABLE_POINTS);
            run.setText(headings.get(c));
        }
        PlanExportColumn[] columns = PlanExportColumn.values();
        for (int r = 0; r < rows.size(); r++) {
            PlanExport.Row row = rows.get(r);
            XWPFTableRow line = table.getRow(r + 1);
            for (int c = 0; c < columns.length; c++) {
                if (columns[c] == PlanExportColumn.RAG) {
                    Rag rag = row.action().rag().rag();
                    line.getCell(c).setColor(PlanExportXlsx.fill(rag));
                    text(line.getCell(c).getParagraphs().get(0).createRun(), words.rag(rag));
                } else {
                    text(
                            line.getCell(c).getParagraphs().get(0).createRun(),
                            PlanExportCells.safe(columns[c].text(row)));
                }
            }
        }
        doc.createParagraph();
    }

    private static void landscape(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(16838));
        size.setH(BigInteger.valueOf(11906));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar margins = sect.addNewPgMar();
        BigInteger inch = BigInteger.valueOf(720);
        margins.setTop(inch);
        margins.setBottom(inch);
        margins.setLeft(inch);
        margins.setRight(inch);
    }

    /** Text with its line breaks kept as Word's. */
    private static void text(XWPFRun run, String text) {
        run.setFontSize(TABLE_POINTS);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    private static void heading(XWPFDocument doc, int level, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        p.createRun().setText(PlanExportCells.safe(text));
    }

    /** Word's built-in headings, which a new document does not yet define. */
    private static void headingStyles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        int[] sizes = {32, 26};
        for (int level = 1; level <= 2; level++) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId("Heading" + level);
            style.setType(STStyleType.PARAGRAPH);
            style.addNewName().setVal("heading " + level);
            style.addNewQFormat();
            style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
            style.getPPr().addNewKeepNext();
            var rPr = style.addNewRPr();
            rPr.addNewB();
            rPr.addNewSz().setVal(BigInteger.valueOf(sizes[level - 1]));
            styles.addStyle(new XWPFStyle(style));
        }
    }
}
