package uk.assure.importer;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Writes the Word and Excel golden fixtures (invented plans) so that they can be remade and read as code:
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=uk.assure.importer.GoldenOfficeFixtures -Dexec.classpathScope=test</pre>
 * then {@code ./mvnw test -Dtest=GoldenFileTest -Dgolden.write=true} and read the expected JSON before committing.
 */
public final class GoldenOfficeFixtures {

    private static final Path GOLDEN = Path.of("src/test/resources/importer/golden");

    public static void main(String[] args) throws IOException {
        Files.write(GOLDEN.resolve("merged-cells.docx"), mergedCellsDocx());
        Files.write(GOLDEN.resolve("rag-tracker.xlsx"), ragTrackerXlsx());
    }

    /** A Word plan: areas merged down over their actions, a section row merged across, a cell with a list. */
    static byte[] mergedCellsDocx() {
        return OfficeFiles.docx(doc -> {
            doc.createParagraph().createRun().setText("Hillbrook Safeguarding Children Partnership");
            doc.createParagraph().createRun().setText("Joint targeted area inspection: action plan");
            doc.createParagraph().createRun().setText("Version 2 - updated 12 May 2025");
            String[][] rows = {
                {"Ref", "Area for improvement", "Action", "Lead agency", "Timescale", "Oversight", "How will we know?"},
                {"A. HELP AT THE FRONT DOOR", "", "", "", "", "", ""},
                {
                    "1.1",
                    "Thresholds are not understood by all partners.",
                    "Publish a one-page threshold guide.",
                    "Children's Services",
                    "Apr.25",
                    "MASH Board",
                    "Fewer referrals that need no action"
                },
                {"", "", "Brief every GP practice on the guide.", "ICB", "Jun.25", "MASH Board", "All practices briefed"
                },
                {
                    "1.2",
                    "Police referrals arrive without the child's views.",
                    "Add the child's views to the police referral form.",
                    "Police",
                    "Q2 2025",
                    "MASH Board",
                    "Audit shows views in 8 of 10 referrals"
                },
                {"B. CHILDREN IN CARE", "", "", "", "", "", ""},
                {
                    "2.1",
                    "Health assessments for children in care are late.",
                    "Weekly list of due assessments to health.",
                    "Health / Children's Services",
                    "Ongoing",
                    "Corporate Parenting Board",
                    "95% on time"
                }
            };
            XWPFTable table = doc.createTable(rows.length, 7);
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < 7; c++) {
                    table.getRow(r).getCell(c).setText(rows[r][c]);
                }
            }
            // 1.1's ref and area are merged down over its second action.
            vMerge(table, 2, 0, true);
            vMerge(table, 3, 0, false);
            vMerge(table, 2, 1, true);
            vMerge(table, 3, 1, false);
            // Section rows: one cell across the table.
            for (int r : new int[] {1, 5}) {
                XWPFTableRow row = table.getRow(r);
                tcPr(table, r, 0).addNewGridSpan().setVal(BigInteger.valueOf(7));
                for (int c = 6; c >= 1; c--) {
                    row.removeCell(c);
                }
            }
            // A cell of several paragraphs: the action has a lead-in and two steps.
            var cell = table.getRow(6).getCell(2);
            cell.addParagraph()
                    .createRun()
                    .setText("Escalate any assessment over 20 days late to the designated nurse.");
        });
    }

    /** An Excel tracker: title rows, a RAG column of single letters, dates as dates, a merged note row. */
    static byte[] ragTrackerXlsx() {
        return OfficeFiles.xlsx(book -> {
            Sheet sheet = book.createSheet("Tracker");
            sheet.createRow(0).createCell(0).setCellValue("Hillbrook SCR 'Child H' learning tracker");
            sheet.createRow(1).createCell(0).setCellValue("Lead Officer: Partnership Business Manager");
            String[] headings = {"No.", "Recommendation", "Action", "Owner", "Target date", "RAG", "Update"};
            Row head = sheet.createRow(3);
            for (int c = 0; c < headings.length; c++) {
                head.createCell(c).setCellValue(headings[c]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Object[][] rows = {
                {
                    "1",
                    "Recommendation 1: Check that neglect tools are used.",
                    "Audit the use of the neglect tool in 20 cases.",
                    "Quality Assurance Team",
                    LocalDate.of(2025, 6, 30),
                    "G",
                    "Audit done; report in July."
                },
                {
                    "2",
                    "",
                    "Re-launch the neglect tool with a briefing.",
                    "Training Sub-group",
                    LocalDate.of(2025, 9, 30),
                    "A",
                    "Briefing booked."
                },
                {
                    "3",
                    "Recommendation 2: Hear fathers.",
                    "Add fathers to the assessment template.",
                    "Children's Services",
                    "Dec 2025",
                    "R",
                    "Template change delayed by the system supplier."
                }
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(4 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    } else {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            Row note = sheet.createRow(8);
            note.createCell(0).setCellValue("Key: R behind, A at risk, G on track, B complete");
            sheet.addMergedRegion(new CellRangeAddress(8, 8, 0, 6));
        });
    }

    private static void vMerge(XWPFTable table, int row, int cell, boolean restart) {
        CTTcPr pr = tcPr(table, row, cell);
        if (restart) {
            pr.addNewVMerge().setVal(STMerge.RESTART);
        } else {
            pr.addNewVMerge();
            table.getRow(row).getCell(cell).getParagraphs().get(0).getRuns().forEach(run -> run.setText("", 0));
        }
    }

    private static CTTcPr tcPr(XWPFTable table, int row, int cell) {
        var tc = table.getRow(row).getCell(cell).getCTTc();
        return tc.isSetTcPr() ? tc.getTcPr() : tc.addNewTcPr();
    }

    private GoldenOfficeFixtures() {}
}
