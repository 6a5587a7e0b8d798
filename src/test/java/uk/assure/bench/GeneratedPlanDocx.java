package uk.assure.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A large Word plan made in code with a fixed seed, for the import benchmark: a title, then one table per section
 * with a header row (Ref | Area for improvement | Action | Lead | Timescale | Oversight | Expected impact |
 * Progress), each area answered by several actions whose area cell is left empty below the first, as plans do.
 */
public final class GeneratedPlanDocx {

    private static final String[] LEADS = {
        "Children's Services", "Police", "CDDFT", "Primary Care", "YOS", "NPS & CRC", "Education", "LSCB Business Unit"
    };
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"
    };
    private static final String[] STATUSES = {"Completed", "Work underway", "Outstanding", "On track"};
    private static final String[] WORDS = ("review audit multi agency practice children families referral threshold "
                    + "strategy meeting supervision training briefing quality assurance safeguarding partners board evidence "
                    + "assessment plan timely information sharing front door voice child neglect domestic abuse managers staff")
            .split(" ");

    private GeneratedPlanDocx() {}

    public static byte[] generate(int actions, long seed) {
        Random random = new Random(seed);
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Generated Partnership");
            doc.createParagraph().createRun().setText("Improvement action plan (generated, seed " + seed + ")");
            doc.createParagraph().createRun().setText("Version 1");
            int sections = Math.max(1, actions / 200);
            int written = 0;
            for (int s = 1; s <= sections; s++) {
                doc.createParagraph()
                        .createRun()
                        .setText(s + ". SECTION " + s + " " + words(random, 3).toUpperCase());
                XWPFTable table = doc.createTable(1, 8);
                String[] headings = {
                    "Ref",
                    "Area for improvement",
                    "Action",
                    "Lead",
                    "Timescale",
                    "Oversight & Monitoring",
                    "Expected impact",
                    "Progress"
                };
                for (int c = 0; c < headings.length; c++) {
                    table.getRow(0).getCell(c).setText(headings[c]);
                }
                int inSection = s == sections ? actions - written : actions / sections;
                int area = 0;
                for (int a = 0; a < inSection; a++) {
                    XWPFTableRow row = table.createRow();
                    boolean newArea = a == 0 || random.nextInt(3) == 0;
                    if (newArea) {
                        area++;
                        row.getCell(0).setText(s + "." + area);
                        row.getCell(1).setText(capitalised(words(random, 25)) + ".");
                    }
                    row.getCell(2).setText(capitalised(words(random, 18)) + ".");
                    row.getCell(3).setText(LEADS[random.nextInt(LEADS.length)]);
                    row.getCell(4).setText(MONTHS[random.nextInt(12)] + "." + (24 + random.nextInt(3)));
                    row.getCell(5).setText(random.nextBoolean() ? "MASH Board" : "LSCB Executive");
                    row.getCell(6).setText(capitalised(words(random, 12)));
                    row.getCell(7).setText(STATUSES[random.nextInt(STATUSES.length)] + " " + words(random, 10));
                    written++;
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String words(Random random, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
