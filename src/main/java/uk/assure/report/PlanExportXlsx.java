package uk.assure.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.springframework.stereotype.Component;
import uk.assure.plan.DuePrecision;
import uk.assure.plan.NewPlan;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.plan.Rag;
import uk.assure.system.Message;

/**
 * A plan as an Excel workbook, streamed (SXSSF) so a large plan keeps a small heap: the plan's title, then one row per
 * action under a frozen header row with filters on, a section's title on a row of its own above its actions, the RAG
 * cell filled and its rating in words, a drop-down of the plan's status words on the Status column, due dates given to
 * the day as real dates, and the plan's glossary on a second sheet. The importer reads the first sheet back as the
 * same plan.
 */
@Component
class PlanExportXlsx {

    /** Rows above the header: the title and a blank row. */
    private static final int HEADER_ROW = 2;

    /** Excel's limit on the text of a list typed into a data validation. */
    private static final int LIST_LIMIT = 255;

    private final PackWords words;

    PlanExportXlsx(PackWords words) {
        this.words = words;
    }

    /** The light shade behind a RAG cell's words (black text on it is easy to read); the same in Word. */
    static String fill(Rag rag) {
        return switch (rag) {
            case RED -> "F4B6B0";
            case AMBER -> "FFDD82";
            case NO_DUE_DATE -> "DCD3EC";
            case GREEN -> "B4DCC4";
            case AWAITING_SIGN_OFF -> "A8DCD9";
            case COMPLETED -> "B9D0E6";
            case CLOSED -> "D9DCDE";
        };
    }

    byte[] write(PlanExport export) {
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book, words.of(Message.of("export.date.format")));
            SXSSFSheet sheet = book.createSheet(sheetName(words.of(Message.of("export.sheet.plan"))));
            Row title = sheet.createRow(0);
            text(title.createCell(0), export.plan().title(), styles.bold);
            PlanExportColumn[] columns = PlanExportColumn.values();
            Row head = sheet.createRow(HEADER_ROW);
            for (int c = 0; c < columns.length; c++) {
                text(head.createCell(c), words.of(columns[c].heading()), styles.bold);
                sheet.setColumnWidth(c, width(columns[c]));
            }
            int r = HEADER_ROW + 1;
            String section = null;
            for (PlanExport.Row row : export.rows()) {
                if (row.section() != null
                        && !row.section().isBlank()
                        && !row.section().equals(section)) {
                    text(sheet.createRow(r++).createCell(0), row.section(), styles.bold);
                }
                section = row.section();
                Row line = sheet.createRow(r++);
                for (int c = 0; c < columns.length; c++) {
                    Cell cell = line.createCell(c);
                    if (columns[c] == PlanExportColumn.RAG) {
                        Rag rag = row.action().rag().rag();
                        text(cell, words.rag(rag), styles.rag.get(rag));
                    } else if (columns[c] == PlanExportColumn.DUE && exactDay(row.action())) {
                        cell.setCellValue(row.action().currentDue().date());
                        cell.setCellStyle(styles.date);
                    } else {
                        text(cell, columns[c].text(row), styles.wrap);
                    }
                }
            }
            int last = Math.max(r - 1, HEADER_ROW);
            sheet.createFreezePane(0, HEADER_ROW + 1);
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, last, 0, columns.length - 1));
            statusList(sheet, export.statusWords(), last);
            glossary(book, export.plan().glossary(), styles);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
        }
    }

    /** A drop-down of the status words on the Status column (when the words fit Excel's limit on a list). */
    private static void statusList(SXSSFSheet sheet, List<String> statuses, int last) {
        String joined = String.join(",", statuses);
        if (statuses.isEmpty()
                || joined.length() > LIST_LIMIT
                || statuses.stream().anyMatch(s -> s.contains(","))) {
            return;
        }
        if (last <= HEADER_ROW) {
            return;
        }
        int column = PlanExportColumn.STATUS.ordinal();
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(statuses.toArray(String[]::new)),
                new CellRangeAddressList(HEADER_ROW + 1, last, column, column));
        validation.setShowErrorBox(false);
        validation.setSuppressDropDownArrow(true);
        sheet.addValidationData(validation);
    }

    private void glossary(SXSSFWorkbook book, List<NewPlan.GlossaryTerm> glossary, Styles styles) {
        SXSSFSheet sheet = book.createSheet(sheetName(words.of(Message.of("export.sheet.glossary"))));
        Row head = sheet.createRow(0);
        text(head.createCell(0), words.of(Message.of("export.glossary.term")), styles.bold);
        text(head.createCell(1), words.of(Message.of("export.glossary.meaning")), styles.bold);
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 80 * 256);
        int r = 1;
        for (NewPlan.GlossaryTerm term : glossary) {
            Row row = sheet.createRow(r++);
            text(row.createCell(0), term.term(), styles.wrap);
            text(row.createCell(1), term.meaning(), styles.wrap);
        }
        sheet.createFreezePane(0, 1);
    }

    private static boolean exactDay(ActionPage action) {
        return action.currentDue() != null
                && action.currentDue().date() != null
                && action.currentDue().precision() == DuePrecision.DAY;
    }

    private static void text(Cell cell, String text, CellStyle style) {
        cell.setCellValue(PlanExportCells.safe(text));
        cell.setCellStyle(style);
    }

    private static int width(PlanExportColumn column) {
        return switch (column) {
            case REF, DUE, STATUS, RAG -> 14 * 256;
            case LEAD, OVERSIGHT -> 22 * 256;
            default -> 45 * 256;
        };
    }

    /** Sheet names may not hold : \ / ? * [ ] and are at most 31 characters. */
    private static String sheetName(String name) {
        String tidy = name.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        return tidy.length() > 31 ? tidy.substring(0, 31) : tidy;
    }

    /** The few styles the workbook uses, made once (a workbook holds at most 64,000). */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle wrap;
        final CellStyle date;
        final Map<Rag, CellStyle> rag = new EnumMap<>(Rag.class);

        Styles(SXSSFWorkbook book, String dateFormat) {
            Font font = book.createFont();
            font.setBold(true);
            bold = book.createCellStyle();
            bold.setFont(font);
            wrap = book.createCellStyle();
            wrap.setWrapText(true);
            date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat(dateFormat));
            for (Rag r : Rag.values()) {
                XSSFCellStyle style = (XSSFCellStyle) book.createCellStyle();
                style.setFillForegroundColor(new XSSFColor(hex(fill(r)), null));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                style.setBorderBottom(BorderStyle.THIN);
                rag.put(r, style);
            }
        }

        private static byte[] hex(String rgb) {
            int value = Integer.parseInt(rgb, 16);
            return new byte[] {(byte) (value >> 16), (byte) (value >> 8), (byte) value};
        }
    }
}
