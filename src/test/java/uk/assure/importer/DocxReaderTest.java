package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Word tables as plans use them: a title, headings, merged cells, cells of several paragraphs, numbered lists. */
class DocxReaderTest {

    private final byte[] plan = OfficeFiles.docx(doc -> {
        doc.createParagraph().createRun().setText("Westmoor improvement plan");
        XWPFTable table = doc.createTable(4, 4);
        String[] headings = {"Area for improvement", "Action", "Lead", "By when"};
        for (int c = 0; c < 4; c++) {
            table.getRow(0).getCell(c).setText(headings[c]);
        }
        // Row 1: the area is merged down over rows 1 and 2.
        table.getRow(1).getCell(0).setText("Referrals lack detail.");
        tcPr(table, 1, 0).addNewVMerge().setVal(STMerge.RESTART);
        tcPr(table, 2, 0).addNewVMerge();
        table.getRow(1).getCell(1).setText("Publish a checklist.");
        table.getRow(1).getCell(1).addParagraph().createRun().setText("Train the front door team.");
        table.getRow(1).getCell(2).setText("Police");
        table.getRow(1).getCell(3).setText("Mar.25");
        table.getRow(2).getCell(1).setText("Audit twenty referrals.");
        // Row 3: one cell merged across the whole row, as a section heading.
        table.getRow(3).getCell(0).setText("Theme 2: Voice of the child");
        tcPr(table, 3, 0).addNewGridSpan().setVal(OfficeFiles.big(4));
        table.getRow(3).removeCell(3);
        table.getRow(3).removeCell(2);
        table.getRow(3).removeCell(1);
        // A numbered list after the table.
        XWPFNumbering numbering = doc.createNumbering();
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(OfficeFiles.big(0));
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(OfficeFiles.big(0));
        level.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
        level.addNewLvlText().setVal("%1.");
        level.addNewStart().setVal(OfficeFiles.big(1));
        BigInteger numId = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum)));
        for (String item : List.of("Agree the plan.", "Report to the board.")) {
            XWPFParagraph p = doc.createParagraph();
            p.setNumID(numId);
            p.createRun().setText(item);
        }
    });

    @Test
    void readsParagraphsAndRowsWithMergedCellsInTheirColumns() {
        List<Block> blocks = new DocxReader().read("plan.docx", plan);

        assertThat(blocks.get(0)).isInstanceOf(Block.Paragraph.class);
        assertThat(((Block.Paragraph) blocks.get(0)).text()).isEqualTo("Westmoor improvement plan");
        assertThat(texts(blocks.get(1))).containsExactly("Area for improvement", "Action", "Lead", "By when");
        assertThat(texts(blocks.get(2)))
                .containsExactly(
                        "Referrals lack detail.",
                        "Publish a checklist.\nTrain the front door team.",
                        "Police",
                        "Mar.25");
        assertThat(texts(blocks.get(3)))
                .as("merged down: empty below its first row")
                .containsExactly("", "Audit twenty referrals.", "", "");
        assertThat(texts(blocks.get(4)))
                .as("merged across: once, then empty for the columns it covers")
                .containsExactly("Theme 2: Voice of the child", "", "", "");
        assertThat(blocks.get(2).at().describe()).isEqualTo("plan.docx, table 1, row 2");
    }

    @Test
    void numberedListsKeepTheNumbersWordShows() {
        List<Block> blocks = new DocxReader().read("plan.docx", plan);

        assertThat(blocks.subList(5, 7))
                .extracting(b -> ((Block.Paragraph) b).text())
                .containsExactly("1. Agree the plan.", "2. Report to the board.");
    }

    @Test
    void aWordTableBecomesAPlan() {
        ParsedPlan parsed = PlanParsers.standard().parse("plan.docx", plan);

        assertThat(parsed.format()).isEqualTo("docx");
        assertThat(parsed.actions())
                .extracting(ParsedPlan.Action::text)
                .containsExactly("Publish a checklist.\nTrain the front door team.", "Audit twenty referrals.");
        assertThat(parsed.actions().get(1).findingRefs())
                .isEqualTo(parsed.actions().get(0).findingRefs());
        assertThat(parsed.findings()).extracting(ParsedPlan.Finding::text).containsExactly("Referrals lack detail.");
    }

    @Test
    void cellsKeepTheirParagraphsAndListsAsLinesAndNestedTablesAreFlattened() {
        byte[] doc = OfficeFiles.docx(d -> {
            XWPFNumbering numbering = d.createNumbering();
            BigInteger bullets =
                    numbering.addNum(numbering.addAbstractNum(list(0, STNumberFormat.BULLET, "\u2022", 1)));
            BigInteger letters =
                    numbering.addNum(numbering.addAbstractNum(list(1, STNumberFormat.LOWER_LETTER, "%1)", 1)));
            BigInteger fromFive = numbering.addNum(numbering.addAbstractNum(list(2, STNumberFormat.DECIMAL, "%1.", 5)));
            XWPFTable table = d.createTable(2, 3);
            table.getRow(0).getCell(0).setText("Ref");
            table.getRow(0).getCell(1).setText("Action");
            table.getRow(0).getCell(2).setText("Lead");
            table.getRow(1).getCell(0).setText("1.1");
            var action = table.getRow(1).getCell(1);
            action.setText("Two steps:");
            for (String step : List.of("brief the team", "check in May")) {
                XWPFParagraph p = action.addParagraph();
                p.setNumID(bullets);
                p.createRun().setText(step);
            }
            var lead = table.getRow(1).getCell(2);
            lead.setText("Both of:");
            XWPFTable inner = lead.insertNewTbl(lead.getCTTc().addNewP().newCursor());
            var innerRow = inner.createRow();
            innerRow.createCell().setText("Police");
            innerRow.createCell().setText("Health");
            for (String item : List.of("First lettered.", "Second lettered.")) {
                XWPFParagraph p = d.createParagraph();
                p.setNumID(letters);
                p.createRun().setText(item);
            }
            XWPFParagraph five = d.createParagraph();
            five.setNumID(fromFive);
            five.createRun().setText("Starts at five.");
            d.createParagraph().createRun().setText("Plain &lt;b&gt; text left as typed: 25 <sup>th</sup> May");
        });

        List<Block> blocks = new DocxReader().read("lists.docx", doc);

        assertThat(texts(blocks.get(1)))
                .containsExactly("1.1", "Two steps:\nbrief the team\ncheck in May", "Both of:\nPolice\nHealth");
        assertThat(blocks.subList(2, blocks.size()))
                .extracting(b -> ((Block.Paragraph) b).text())
                .containsExactly(
                        "a) First lettered.",
                        "b) Second lettered.",
                        "5. Starts at five.",
                        "Plain <b> text left as typed: 25 th May");
    }

    @Test
    void aRowStartingRightOfTheFirstColumnKeepsItsColumns() {
        byte[] doc = OfficeFiles.docx(d -> {
            XWPFTable table = d.createTable(2, 3);
            table.getRow(0).getCell(0).setText("Ref");
            table.getRow(0).getCell(1).setText("Action");
            table.getRow(0).getCell(2).setText("Lead");
            var row = table.getRow(1);
            row.removeCell(0);
            row.getCtRow().addNewTrPr().addNewGridBefore().setVal(OfficeFiles.big(1));
            row.getCell(0).setText("Carried on from the row above.");
            row.getCell(1).setText("Council");
        });

        List<Block> blocks = new DocxReader().read("grid.docx", doc);

        assertThat(texts(blocks.get(1))).containsExactly("", "Carried on from the row above.", "Council");
        assertThat(((Block.TableRow) blocks.get(1)).cells().get(2).at().describe())
                .isEqualTo("grid.docx, table 1, row 2, column 3");
    }

    @Test
    void aDamagedOrFakeWordFileIsRefusedWithTheFileNamed() {
        Assertions.assertThatThrownBy(() -> new DocxReader().read("fake.docx", "not a zip".getBytes()))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("fake.docx: the file is damaged");
        byte[] workbook = OfficeFiles.xlsx(b -> b.createSheet("S"));
        Assertions.assertThatThrownBy(() -> new DocxReader().read("book.docx", workbook))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("book.docx: ");
    }

    private static XWPFAbstractNum list(long id, STNumberFormat.Enum format, String text, long start) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(OfficeFiles.big(id));
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(OfficeFiles.big(0));
        level.addNewNumFmt().setVal(format);
        level.addNewLvlText().setVal(text);
        level.addNewStart().setVal(OfficeFiles.big(start));
        return new XWPFAbstractNum(abstractNum);
    }

    private static CTTcPr tcPr(XWPFTable table, int row, int cell) {
        var tc = table.getRow(row).getCell(cell).getCTTc();
        return tc.isSetTcPr() ? tc.getTcPr() : tc.addNewTcPr();
    }

    private static List<String> texts(Block block) {
        return ((Block.TableRow) block).cells().stream().map(Block.Cell::text).toList();
    }
}
