package uk.assure.importer;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Excel (.xlsx): one sheet — the first, or the one chosen by name or number — row by row. Each cell reads as Excel
 * shows it (dates and numbers in the sheet's own format, formulas by their last value); a merged cell's text is in
 * its first cell and the others are empty. A row with text only in its first cell above the first table row is a
 * paragraph (a title).
 */
public final class XlsxReader implements DocumentReader {

    static final int MAX_ROWS = 100_000;
    static final int MAX_COLUMNS = 200;

    private final String sheet;

    public XlsxReader(String sheet) {
        this.sheet = sheet;
    }

    @Override
    public List<Block> read(String fileName, byte[] content) {
        PoiSafety.apply();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet chosen = choose(fileName, workbook);
            String part = "sheet " + chosen.getSheetName();
            if (chosen.getLastRowNum() > MAX_ROWS) {
                throw new ImportException(fileName + ", " + part + ": more than " + MAX_ROWS
                        + " rows; a plan's tracker is far smaller, so this does not look like one");
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
            // A sheet converted from Word merges every cell across two or more grid columns, unevenly from row to
            // row; there each merged cell is read as one cell, as Word had it. Elsewhere a merged cell keeps its
            // columns, so that rows stay aligned with their headings.
            boolean logical = rowsWithAcross.size() * 2 > chosen.getPhysicalNumberOfRows();
            DataFormatter formatter = new DataFormatter(java.util.Locale.UK);
            List<Block> blocks = new ArrayList<>();
            for (Row row : chosen) {
                int last = Math.min(row.getLastCellNum(), MAX_COLUMNS);
                SourceLocation at = new SourceLocation(fileName, part, row.getRowNum() + 1, 0);
                List<Block.Cell> cells = new ArrayList<>();
                int filled = 0;
                for (int c = 0; c < last; c++) {
                    if (logical && acrossCovered.contains(key(row.getRowNum(), c))) {
                        continue;
                    }
                    Cell cell = row.getCell(c);
                    String text = cell == null || covered.contains(key(row.getRowNum(), c)) ? ""
                            : HtmlText.collapse(value(cell, formatter));
                    if (!text.isEmpty()) {
                        filled++;
                    }
                    cells.add(new Block.Cell(text, at.atColumn(c + 1)));
                }
                if (logical) {
                    while (!cells.isEmpty() && cells.get(cells.size() - 1).text().isEmpty()) {
                        cells.remove(cells.size() - 1);
                    }
                }
                if (filled == 0) {
                    continue;
                }
                if (filled == 1 && !cells.get(0).text().isEmpty()) {
                    // Text alone in column A: a title, a heading or a note, as a line outside a table would be.
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

    /** As Excel shows the cell; a formula by the value Excel saved with it (a workbook's formulas are never run). */
    private static String value(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() != CellType.FORMULA) {
            return formatter.formatCellValue(cell);
        }
        return switch (cell.getCachedFormulaResultType()) {
            case NUMERIC -> formatter.formatRawCellContents(cell.getNumericCellValue(),
                    cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }

    private Sheet choose(String fileName, XSSFWorkbook workbook) {
        if (workbook.getNumberOfSheets() == 0) {
            throw new ImportException(fileName + ": the workbook has no sheets");
        }
        if (sheet == null || sheet.isBlank()) {
            return workbook.getSheetAt(0);
        }
        Sheet byName = workbook.getSheet(sheet.strip());
        if (byName != null) {
            return byName;
        }
        if (sheet.strip().matches("\\d{1,3}")) {
            int n = Integer.parseInt(sheet.strip());
            if (n >= 1 && n <= workbook.getNumberOfSheets()) {
                return workbook.getSheetAt(n - 1);
            }
        }
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        throw new ImportException(fileName + ": there is no sheet '" + sheet + "'; its sheets are " + String.join(", ", names));
    }

    private static long key(int row, int column) {
        return ((long) row << 16) | column;
    }
}
