package uk.assure.importer;

import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Excel (.xlsx): one sheet — the first, or the one chosen by name or 1-based number — row by row. Each non-empty row
 * is a table row with a cell for every column up to its last; a merged region's text is in its first cell and every
 * other cell of the region (across and down) is empty. Numbers read as Excel shows them, dates in full ("29 January
 * 2010") unless the sheet's own format is already unambiguous, formulas by the value Excel saved (never run).
 * A row with text only in column A (a title, "Lead officer: ...", a note) is a paragraph.
 */
final class XlsxReader implements DocumentReader {

    static final int MAX_ROWS = 100_000;
    static final int MAX_COLUMNS = ReaderLimits.MAX_COLUMNS;
    private static final DateTimeFormatter FULL_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final String sheet;

    /** @param sheet the sheet to read, by name or 1-based number; null or blank for the first */
    public XlsxReader(String sheet) {
        this.sheet = sheet;
    }

    @Override
    public List<Block> read(String fileName, byte[] content) {
        PoiSafety.apply();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet chosen = choose(fileName, workbook);
            String part = "sheet " + chosen.getSheetName();
            if (chosen.getLastRowNum() >= MAX_ROWS) {
                throw new ImportException(fileName + ", " + part + ": the sheet has more than " + MAX_ROWS
                        + " rows, far more than a plan; delete the unused rows or copy the plan to a new workbook");
            }
            Set<Long> covered = new HashSet<>();
            Set<Long> acrossCovered = new HashSet<>();
            Set<Integer> rowsWithAcross = new HashSet<>();
            for (CellRangeAddress region : chosen.getMergedRegions()) {
                for (int r = region.getFirstRow(); r <= Math.min(region.getLastRow(), MAX_ROWS); r++) {
                    for (int c = region.getFirstColumn(); c <= Math.min(region.getLastColumn(), MAX_COLUMNS); c++) {
                        if (r != region.getFirstRow() || c != region.getFirstColumn()) {
                            covered.add(key(r, c));
                        }
                        if (c != region.getFirstColumn()) {
                            acrossCovered.add(key(r, c));
                            rowsWithAcross.add(r);
                        }
                    }
                }
            }
            // A sheet converted from a Word table (as LibreOffice and Excel do it) lays the table on a grid of every
            // column edge in the document and merges each cell across the grid columns it covers, unevenly from row
            // to row, so that grid columns do not line up with the headings. Where most rows have such merges, each
            // merged cell is read as one cell, as Word had it; elsewhere a merged cell keeps every column it covers
            // (the first with the text), so that rows stay aligned with their headings.
            boolean wordGrid = rowsWithAcross.size() * 2 > chosen.getPhysicalNumberOfRows();
            DataFormatter formatter = new DataFormatter(Locale.UK);
            List<Block> blocks = new ArrayList<>();
            for (Row row : chosen) {
                int last = Math.min(row.getLastCellNum(), MAX_COLUMNS);
                SourceLocation at = new SourceLocation(fileName, part, row.getRowNum() + 1, 0);
                List<Block.Cell> cells = new ArrayList<>(Math.max(0, last));
                int filled = 0;
                for (int c = 0; c < last; c++) {
                    if (wordGrid && acrossCovered.contains(key(row.getRowNum(), c))) {
                        continue;
                    }
                    Cell cell = row.getCell(c);
                    String text = cell == null || covered.contains(key(row.getRowNum(), c))
                            ? ""
                            : HtmlText.toText(value(cell, formatter));
                    if (!text.isEmpty()) {
                        filled++;
                    }
                    cells.add(new Block.Cell(text, at.atColumn(c + 1)));
                }
                if (wordGrid) {
                    while (!cells.isEmpty()
                            && cells.get(cells.size() - 1).text().isEmpty()) {
                        cells.remove(cells.size() - 1);
                    }
                }
                if (filled == 0) {
                    continue; // a blank row, or one whose only cells are covered by a merge
                }
                if (filled == 1 && !cells.get(0).text().isEmpty()) {
                    // Text alone in column A: a title, a heading or a note, as a line outside a table is. (Not only
                    // above the table: a sheet made from a Word document holds the document's paragraphs between its
                    // tables, and those are lines of text, not rows.)
                    blocks.add(new Block.Paragraph(cells.get(0).text(), at.atColumn(1)));
                } else {
                    blocks.add(new Block.TableRow(cells, at));
                }
            }
            return blocks;
        } catch (ImportException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw PoiSafety.explain(fileName, "Excel", e);
        }
    }

    /** The cell's text: a formula by the value Excel saved with it. */
    private static String value(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> number(cell, formatter);
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> error(cell);
            default -> "";
        };
    }

    /**
     * A number as Excel shows it (so "1" not "1.0", "50%" for a percentage). A date in the sheet's own format when
     * that spells the month or puts the day first; otherwise — Excel's default short date, which it shows in the
     * reader's locale, or a month-first format — in full, "29 January 2010", so that no one reads 3/4 the wrong way.
     */
    private static String number(Cell cell, DataFormatter formatter) {
        double value = cell.getNumericCellValue();
        String format =
                cell.getCellStyle() == null ? "General" : cell.getCellStyle().getDataFormatString();
        int formatIndex = cell.getCellStyle() == null ? 0 : cell.getCellStyle().getDataFormat();
        if (format != null && DateUtil.isADateFormat(formatIndex, format) && DateUtil.isValidExcelDate(value)) {
            String lower = format.toLowerCase(Locale.ROOT).replaceAll("\\[[^]]*]|\"[^\"]*\"", "");
            String order = lower.replaceAll("[^dmy]", "");
            boolean isDate = lower.contains("d") || lower.contains("y");
            if (isDate && !lower.contains("mmm") && order.startsWith("m")) {
                return cell.getLocalDateTimeCellValue().toLocalDate().format(FULL_DATE);
            }
        }
        return formatter.formatRawCellContents(value, formatIndex, format);
    }

    private static String error(Cell cell) {
        try {
            return FormulaError.forInt(cell.getErrorCellValue()).getString();
        } catch (RuntimeException e) {
            return "#ERROR";
        }
    }

    private Sheet choose(String fileName, XSSFWorkbook workbook) {
        if (workbook.getNumberOfSheets() == 0) {
            throw new ImportException(fileName + ": the workbook has no sheets");
        }
        if (sheet == null || sheet.isBlank()) {
            return workbook.getSheetAt(0);
        }
        String wanted = sheet.strip();
        Sheet byName = workbook.getSheet(wanted);
        if (byName != null) {
            return byName;
        }
        if (wanted.matches("\\d{1,4}")) {
            int n = Integer.parseInt(wanted);
            if (n >= 1 && n <= workbook.getNumberOfSheets()) {
                return workbook.getSheetAt(n - 1);
            }
        }
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        throw new ImportException(
                fileName + ": there is no sheet '" + wanted + "'; its sheets are " + String.join(", ", names));
    }

    private static long key(int row, int column) {
        return ((long) row << 16) | column;
    }
}
