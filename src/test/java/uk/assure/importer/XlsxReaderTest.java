package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
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
        assertThat(texts(blocks.get(2))).containsExactly("1", "Publish the escalation guide.", "Police", "31 March 2025", "G");
        assertThat(texts(blocks.get(3))).as("a formula by its value").startsWith("2");
        assertThat(blocks.get(2).at().describe()).isEqualTo("tracker.xlsx, sheet Tracker, row 4");
        assertThat(blocks.get(4)).as("a merged row with text only in its first cell reads as a line")
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
        assertThat(plan.actions()).extracting(ParsedPlan.Action::ref, ParsedPlan.Action::text, ParsedPlan.Action::dueRaw,
                ParsedPlan.Action::statusRaw).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", "Publish the escalation guide.", "31 March 2025", "G"),
                        org.assertj.core.groups.Tuple.tuple("2", "Audit ten cases.", "Ongoing", "A"));
        assertThat(plan.actions().get(0).due()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    private static List<String> texts(Block block) {
        return ((Block.TableRow) block).cells().stream().map(Block.Cell::text).toList();
    }
}
