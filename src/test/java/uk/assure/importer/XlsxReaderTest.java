package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** An Excel tracker: a title row, headings, dates and numbers as Excel shows them, merged cells, a chosen sheet. */
class XlsxReaderTest {

    private final byte[] tracker = OfficeFiles.xlsx(book -> {
        Sheet notes = book.createSheet("Notes");
        notes.createRow(0).createCell(0).setCellValue("Read me first");
        Sheet sheet = book.createSheet("Tracker");
        book.setSheetOrder("Tracker", 0);
        sheet.createRow(0).createCell(0).setCellValue("Westmoor learning tracker");
        Row head = sheet.createRow(2);
        String[] headings = {"Ref", "Action", "Owner", "Target date", "RAG"};
        for (int c = 0; c < headings.length; c++) {
            head.createCell(c).setCellValue(headings[c]);
        }
        CellStyle date = book.createCellStyle();
        date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("d mmmm yyyy"));
        Row first = sheet.createRow(3);
        first.createCell(0).setCellValue(1);
        first.createCell(1).setCellValue("Publish the escalation guide.");
        first.createCell(2).setCellValue("Police");
        first.createCell(3).setCellValue(LocalDate.of(2025, 3, 31));
        first.getCell(3).setCellStyle(date);
        first.createCell(4).setCellValue("G");
        Row second = sheet.createRow(4);
        second.createCell(0).setCellFormula("A4+1");
        second.createCell(1).setCellValue("Audit ten cases.");
        second.createCell(2).setCellValue("Council");
        second.createCell(3).setCellValue("Ongoing");
        second.createCell(4).setCellValue("A");
        Row merged = sheet.createRow(5);
        merged.createCell(0).setCellValue("Notes to the board");
        merged.createCell(2).setCellValue("(hidden under the merge)");
        sheet.addMergedRegion(new CellRangeAddress(5, 5, 0, 4));
        book.setForceFormulaRecalculation(false);
        book.getCreationHelper().createFormulaEvaluator().evaluateAll();
    });

    @Test
    void readsTheFirstSheetAsExcelShowsIt() {
        List<Block> blocks = new XlsxReader(null).read("tracker.xlsx", tracker);

        assertThat(blocks.get(0)).isInstanceOf(Block.Paragraph.class);
        assertThat(((Block.Paragraph) blocks.get(0)).text()).isEqualTo("Westmoor learning tracker");
        assertThat(texts(blocks.get(2)))
                .containsExactly("1", "Publish the escalation guide.", "Police", "31 March 2025", "G");
        assertThat(texts(blocks.get(3))).as("a formula by its value").startsWith("2");
        assertThat(blocks.get(2).at().describe()).isEqualTo("tracker.xlsx, sheet Tracker, row 4");
        assertThat(blocks.get(4))
                .as("a merged row with text only in its first cell reads as a line")
                .isInstanceOf(Block.Paragraph.class);
    }

    @Test
    void aSheetIsChosenByNameOrNumberAndAnUnknownOneIsNamed() {
        assertThat(new XlsxReader("Notes").read("tracker.xlsx", tracker)).hasSize(1);
        assertThat(new XlsxReader("2").read("tracker.xlsx", tracker)).hasSize(1);
        assertThatThrownBy(() -> new XlsxReader("Actions").read("tracker.xlsx", tracker))
                .isInstanceOf(ImportException.class)
                .hasMessage("tracker.xlsx: there is no sheet 'Actions'; its sheets are Tracker, Notes");
    }

    @Test
    void anExcelTrackerWithSingleLetterRagBecomesAPlan() {
        ParsedPlan plan = PlanParsers.standard().parse("tracker.xlsx", tracker);

        assertThat(plan.format()).isEqualTo("xlsx");
        assertThat(plan.actions())
                .extracting(
                        ParsedPlan.Action::ref,
                        ParsedPlan.Action::text,
                        ParsedPlan.Action::dueRaw,
                        ParsedPlan.Action::statusRaw)
                .containsExactly(
                        Tuple.tuple("1", "Publish the escalation guide.", "31 March 2025", "G"),
                        Tuple.tuple("2", "Audit ten cases.", "Ongoing", "A"));
        assertThat(plan.actions().get(0).due()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void valuesReadAsAPersonWouldSayThem() {
        byte[] book = OfficeFiles.xlsx(b -> {
            Sheet sheet = b.createSheet("Actions");
            Row head = sheet.createRow(0);
            String[] headings = {"Ref", "Action", "Due", "Done", "Share", "Cost", "Note"};
            for (int c = 0; c < headings.length; c++) {
                head.createCell(c).setCellValue(headings[c]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(2.5);
            row.createCell(1).setCellValue("Line one\nline two");
            row.createCell(2).setCellValue(LocalDate.of(2010, 1, 29));
            CellStyle shortDate = b.createCellStyle();
            shortDate.setDataFormat((short) 14); // Excel's built-in short date, shown month first by POI
            row.getCell(2).setCellStyle(shortDate);
            row.createCell(3).setCellValue(true);
            row.createCell(4).setCellValue(0.5);
            CellStyle percent = b.createCellStyle();
            percent.setDataFormat(b.createDataFormat().getFormat("0%"));
            row.getCell(4).setCellStyle(percent);
            row.createCell(5).setCellFormula("2*3");
            row.createCell(6).setCellValue("Publish &lt;b&gt; <b>guide</b>");
            b.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        List<Block> blocks = new XlsxReader("1").read("book.xlsx", book);

        assertThat(texts(blocks.get(1)))
                .containsExactly(
                        "2.5", "Line one\nline two", "29 January 2010", "TRUE", "50%", "6", "Publish <b> guide");
    }

    @Test
    void mergedCellsHoldTheirTextInTheFirstCellAcrossAndDown() {
        byte[] book = OfficeFiles.xlsx(b -> {
            Sheet sheet = b.createSheet("Plan");
            String[][] rows = {
                {"Area", "Action", "Lead", "Due"},
                {"Referrals", "Checklist", "Police", "May"},
                {"", "Audit", "Council", "June"},
                {"Theme 2", "", "", ""},
                {"Voice", "Ask children", "All", "July"}
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 0)); // down
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 1, 3)); // across, not from column A
            sheet.getRow(3).getCell(0).setCellValue("");
            sheet.getRow(3).getCell(1).setCellValue("Theme 2");
        });

        List<Block> blocks = new XlsxReader(null).read("plan.xlsx", book);

        assertThat(blocks).allMatch(b -> b instanceof Block.TableRow);
        assertThat(texts(blocks.get(2))).containsExactly("", "Audit", "Council", "June");
        assertThat(texts(blocks.get(3))).containsExactly("", "Theme 2", "", "");
        assertThat(((Block.TableRow) blocks.get(3)).cells().get(1).at().describe())
                .isEqualTo("plan.xlsx, sheet Plan, row 4, column 2");
    }

    @Test
    void aSheetOfAHundredThousandRowsIsRefused() {
        byte[] book = OfficeFiles.xlsx(
                b -> b.createSheet("Huge").createRow(200_000).createCell(0).setCellValue("x"));

        assertThatThrownBy(() -> new XlsxReader(null).read("huge.xlsx", book))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("huge.xlsx, sheet Huge: the sheet has more than 100000 rows");
    }

    @Test
    void aFakeWorkbookIsRefusedWithTheFileNamed() {
        assertThatThrownBy(() -> new XlsxReader(null).read("fake.xlsx", "a,b\n".getBytes()))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("fake.xlsx: the file is damaged");
    }

    private static List<String> texts(Block block) {
        return ((Block.TableRow) block).cells().stream().map(Block.Cell::text).toList();
    }
}
