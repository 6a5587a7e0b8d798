package uk.assure.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.stereotype.Component;
import uk.assure.report.BoardPack.ActionRef;
import uk.assure.report.BoardPack.Count;
import uk.assure.system.Message;
import uk.assure.web.Formats;

/**
 * A pack as a Word document: the same sections, in the same order and words, as the page and the PDF. Headings are
 * Word's own (so its navigation pane and a screen reader find them), each table's first row repeats on every page,
 * and each chart is a PNG with its alternative text, followed by the table of the same numbers.
 */
@Component
class PackDocx {

    private final PackWords words;
    private final Formats formats;

    PackDocx(PackWords words, Formats formats) {
        this.words = words;
        this.formats = formats;
    }

    byte[] docx(BoardPack pack) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            headingStyles(doc);
            doc.getProperties()
                    .getCoreProperties()
                    .setTitle(w(Message.of("report.pack.documentTitle", formats.date(pack.nextMeeting()))));
            heading(doc, 1, w(Message.of(pack.published() ? "report.published.title" : "report.pack.title")));
            facts(doc, pack);
            boolean several = pack.plans().size() > 1;

            heading(doc, 2, w(Message.of("report.section.summary")));
            summary(doc, "plan", pack.summary().byPlan());
            summary(doc, "section", pack.summary().bySection());
            summary(doc, "agency", pack.summary().byAgency());

            heading(doc, 2, w(Message.of("report.section.exceptions")));
            List<List<String>> rows = new ArrayList<>();
            for (BoardPack.ExceptionRow e : pack.exceptions()) {
                rows.add(List.of(
                        action(e.action(), several),
                        words.rag(e.rag()),
                        words.of(e.reason()),
                        nullToEmpty(e.lead()),
                        e.latestUpdate() == null
                                ? w(Message.of("report.noUpdate"))
                                : w(Message.of("report.latest", formats.date(e.latestUpdateOn()), e.latestUpdate()))));
            }
            table(
                    doc,
                    rows,
                    "report.col.action",
                    "report.col.rag",
                    "report.col.why",
                    "report.col.lead",
                    "report.col.latest");

            heading(doc, 2, w(Message.of("report.section.slippage")));
            rows = new ArrayList<>();
            for (BoardPack.Slip s : pack.slippage()) {
                List<String> reasons =
                        s.reasons().stream().map(r -> w(r.words(formats))).toList();
                rows.add(List.of(
                        action(s.action(), several),
                        formats.date(s.originalDue()),
                        formats.date(s.currentDue()),
                        String.valueOf(s.revisions()),
                        String.valueOf(s.daysSlipped()),
                        reasons.isEmpty() ? w(Message.of("report.noReason")) : String.join("\n", reasons)));
            }
            table(
                    doc,
                    rows,
                    "report.col.action",
                    "report.col.originalDue",
                    "report.col.currentDue",
                    "report.col.revisions",
                    "report.col.daysSlipped",
                    "report.col.reasons");

            heading(doc, 2, w(Message.of("report.section.changes")));
            changes(doc, pack, several);

            heading(doc, 2, w(Message.of("report.section.stale", pack.staleDays())));
            if (pack.notUpdated().isEmpty()) {
                paragraph(doc, w(Message.of("report.none")));
            }
            for (BoardPack.AgencyGroup g : pack.notUpdated()) {
                heading(doc, 3, g.agency() == null ? words.noAgency() : g.agency());
                rows = new ArrayList<>();
                for (BoardPack.StaleRow s : g.actions()) {
                    rows.add(List.of(
                            action(s.action(), several), formats.date(s.lastUpdateOn()), String.valueOf(s.days())));
                }
                table(doc, rows, "report.col.action", "report.col.lastUpdate", "report.col.days");
            }

            heading(doc, 2, w(Message.of("report.section.due", formats.date(pack.nextMeeting()))));
            rows = new ArrayList<>();
            for (BoardPack.DueRow d : pack.fallingDue()) {
                rows.add(List.of(
                        action(d.action(), several), formats.date(d.due()), words.rag(d.rag()), nullToEmpty(d.lead())));
            }
            table(doc, rows, "report.col.action", "report.col.due", "report.col.rag", "report.col.lead");

            heading(doc, 2, w(Message.of("report.section.completed")));
            if (pack.comparedWith() == null) {
                paragraph(doc, w(Message.of("report.pack.noSnapshot")));
            } else {
                rows = new ArrayList<>();
                for (BoardPack.DoneRow d : pack.completed()) {
                    String impact =
                            d.evidenceOfImpact() == null ? w(Message.of("report.noImpact")) : d.evidenceOfImpact();
                    if (d.impactEvidenced() != null) {
                        impact +=
                                " " + w(Message.of(d.impactEvidenced() ? "report.impact.in" : "report.impact.notYet"));
                    }
                    rows.add(List.of(action(d.action(), several), nullToEmpty(d.lead()), impact));
                }
                table(doc, rows, "report.col.action", "report.col.lead", "report.col.impact");
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void facts(XWPFDocument doc, BoardPack pack) {
        if (pack.published()) {
            paragraph(doc, w(Message.of("report.published.notice", formats.dateTime(pack.madeAt()))));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                w(Message.of("report.pack.plans")),
                String.join(
                        "\n",
                        pack.plans().stream().map(BoardPack.PlanRef::title).toList())));
        rows.add(List.of(
                w(Message.of("report.pack.comparedWith")),
                pack.comparedWith() == null
                        ? w(Message.of("report.pack.noSnapshot"))
                        : w(Message.of(
                                "report.pack.snapshot",
                                pack.comparedWith().name(),
                                formats.date(pack.comparedWith().heldOn()),
                                formats.dateTime(pack.comparedWith().takenAt())))));
        rows.add(List.of(w(Message.of("report.pack.nextMeeting")), formats.date(pack.nextMeeting())));
        rows.add(List.of(w(Message.of("report.pack.made")), formats.dateTime(pack.madeAt())));
        for (List<String> row : rows) {
            XWPFParagraph p = doc.createParagraph();
            XWPFRun key = p.createRun();
            key.setBold(true);
            key.setText(row.get(0) + ": ");
            text(p.createRun(), row.get(1));
        }
    }

    private void summary(XWPFDocument doc, String group, List<Count> counts) throws IOException {
        heading(doc, 3, w(Message.of("report.summary." + group)));
        if (counts.isEmpty()) {
            paragraph(doc, w(Message.of("report.none")));
            return;
        }
        PackChart chart = PackChart.of(counts);
        String title = w(Message.of("report.chart.title." + group));
        XWPFRun run = doc.createParagraph().createRun();
        double scale = Math.min(1.0, 460.0 / chart.width());
        try {
            run.addPicture(
                    new ByteArrayInputStream(chart.png(words.ragNames(), words.noAgency())),
                    Document.PICTURE_TYPE_PNG,
                    group + "-chart.png",
                    Units.toEMU(chart.width() * scale),
                    Units.toEMU(chart.height() * scale));
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
        // the picture's alternative text, as Word's "Alt Text" pane shows it
        run.getCTR()
                .getDrawingArray(0)
                .getInlineArray(0)
                .getDocPr()
                .setDescr(title + ". " + w(Message.of("report.chart.desc")));
        List<List<String>> rows = new ArrayList<>();
        for (Count count : counts) {
            List<String> row = new ArrayList<>();
            row.add(count.label() == null ? words.noAgency() : count.label());
            count.cells().forEach(n -> row.add(String.valueOf(n)));
            row.add(String.valueOf(count.total()));
            rows.add(row);
        }
        List<String> headers = new ArrayList<>();
        headers.add(w(Message.of("dashboard.col.name")));
        headers.addAll(words.ragNames());
        headers.add(w(Message.of("dashboard.col.total")));
        paragraph(doc, title).getRuns().get(0).setBold(true);
        writeTable(doc, headers, rows);
    }

    private void changes(XWPFDocument doc, BoardPack pack, boolean several) {
        BoardPack.Changes c = pack.changes();
        if (c == null) {
            paragraph(doc, w(Message.of("report.pack.noSnapshot")));
            return;
        }
        if (!c.notCovered().isEmpty()) {
            paragraph(
                    doc,
                    w(Message.of(
                            "report.changes.notCovered",
                            String.join(
                                    ", ",
                                    c.notCovered().stream()
                                            .map(BoardPack.PlanRef::title)
                                            .toList()))));
        }
        list(doc, w(Message.of("report.changes.added", c.added().size())), refs(c.added(), several));
        list(doc, w(Message.of("report.changes.completed", c.completed().size())), refs(c.completed(), several));
        list(doc, w(Message.of("report.changes.closed", c.closed().size())), refs(c.closed(), several));
        list(
                doc,
                w(Message.of("report.changes.newlyOverdue", c.newlyOverdue().size())),
                refs(c.newlyOverdue(), several));
        list(
                doc,
                w(Message.of("report.changes.rag", c.ragChanged().size())),
                c.ragChanged().stream()
                        .map(r -> action(r.action(), several) + ": "
                                + w(Message.of("report.fromTo", words.rag(r.from()), words.rag(r.to()))))
                        .toList());
        list(
                doc,
                w(Message.of("report.changes.due", c.dueRevised().size())),
                c.dueRevised().stream()
                        .map(d -> action(d.action(), several) + ": "
                                + w(Message.of("report.fromTo", date(d.from()), date(d.to())))
                                + (d.reason() == null ? "" : " " + w(Message.of("report.because", d.reason()))))
                        .toList());
        list(
                doc,
                w(Message.of("report.changes.status", c.statusChanged().size())),
                c.statusChanged().stream()
                        .map(s -> action(s.action(), several) + ": "
                                + w(Message.of("report.fromTo", s.from().label(), s.to().label())))
                        .toList());
        list(
                doc,
                w(Message.of("report.changes.updates", c.updatesAdded().size())),
                c.updatesAdded().stream()
                        .map(u -> action(u.action(), several) + ": "
                                + w(Message.of("report.updates", u.count(), formats.date(u.latestOn()))))
                        .toList());
        list(
                doc,
                w(Message.of("report.changes.findings", c.findingsAdded().size())),
                c.findingsAdded().stream()
                        .map(f -> f.planTitle() + ": " + (f.ref() == null ? "" : f.ref() + " ") + f.text())
                        .toList());
    }

    private String date(LocalDate date) {
        return date == null ? w(Message.of("report.noDate")) : formats.date(date);
    }

    private List<String> refs(List<ActionRef> actions, boolean several) {
        return actions.stream().map(a -> action(a, several)).toList();
    }

    private void list(XWPFDocument doc, String title, List<String> items) {
        heading(doc, 3, title);
        if (items.isEmpty()) {
            paragraph(doc, w(Message.of("report.none")));
        }
        for (String item : items) {
            XWPFParagraph p = paragraph(doc, "• " + item);
            p.setIndentationLeft(360);
        }
    }

    private String action(ActionRef a, boolean withPlan) {
        String said = a.ref() == null ? a.text() : a.ref() + " " + a.text();
        return withPlan ? said + " " + w(Message.of("report.inPlan", a.planTitle())) : said;
    }

    private void table(XWPFDocument doc, List<List<String>> rows, String... headerKeys) {
        if (rows.isEmpty()) {
            paragraph(doc, w(Message.of("report.none")));
            return;
        }
        List<String> headers = new ArrayList<>();
        for (String key : headerKeys) {
            headers.add(words.of(Message.of(key)));
        }
        writeTable(doc, headers, rows);
    }

    private static void writeTable(XWPFDocument doc, List<String> headers, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, headers.size());
        table.setWidth("100%");
        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        for (int c = 0; c < headers.size(); c++) {
            XWPFRun run = head.getCell(c).getParagraphs().get(0).createRun();
            run.setBold(true);
            run.setText(headers.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            row.setCantSplitRow(true);
            for (int c = 0; c < headers.size(); c++) {
                text(
                        row.getCell(c).getParagraphs().get(0).createRun(),
                        rows.get(r).get(c));
            }
        }
        doc.createParagraph();
    }

    /** Text with its line breaks kept as Word's. */
    private static void text(XWPFRun run, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        text(p.createRun(), text);
        return p;
    }

    private static void heading(XWPFDocument doc, int level, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        p.createRun().setText(text);
    }

    /** Word's built-in headings ("heading 1" to "heading 3"), which a new document does not yet define. */
    private static void headingStyles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        int[] sizes = {36, 28, 24};
        for (int level = 1; level <= 3; level++) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId("Heading" + level);
            style.setType(STStyleType.PARAGRAPH);
            style.addNewName().setVal("heading " + level);
            style.addNewQFormat();
            style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
            style.getPPr().addNewKeepNext();
            style.getPPr().addNewSpacing().setBefore(BigInteger.valueOf(240));
            var rPr = style.addNewRPr();
            rPr.addNewB();
            rPr.addNewSz().setVal(BigInteger.valueOf(sizes[level - 1]));
            styles.addStyle(new XWPFStyle(style));
        }
    }

    private String w(Message message) {
        return words.of(message);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
