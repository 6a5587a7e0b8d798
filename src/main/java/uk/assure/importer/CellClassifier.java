package uk.assure.importer;

import static uk.assure.importer.CellKinds.DATE_FRAGMENT;
import static uk.assure.importer.CellKinds.DATE_HEAD;
import static uk.assure.importer.CellKinds.LIST_ITEM;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Header mapping by content for PDF-column text: each block of lines printed after an action classified as a
 * timescale, an open timescale ("Ongoing"), a lead, a sentence or the lowercase tail of a cell cut by a page break.
 */
final class CellClassifier {

    enum Kind {
        DATE,
        OPEN_DATE,
        LEAD,
        TEXT,
        CONTINUATION
    }

    /** One cell printed after the actions: what it looks like, its text on one line, where it starts. */
    record Item(Kind kind, String text, List<TextLine> lines) {
        SourceLocation at() {
            return lines.get(0).at();
        }
    }

    private CellClassifier() {}

    /** Each block as a timescale, a lead, a sentence or the tail of a cut cell; "June 2026 Head of …" as two. */
    static List<Item> classify(List<List<TextLine>> cells) {
        List<Item> items = new ArrayList<>();
        for (List<TextLine> cell : cells) {
            String text = TextLine.joined(cell);
            String first = cell.get(0).text().strip();
            if (Text.startsLower(first)) {
                items.add(new Item(Kind.CONTINUATION, text, cell));
            } else if (CellKinds.isDate(text)) {
                items.add(new Item(Kind.DATE, text, cell));
            } else if (CellKinds.isOpenTimescale(text)) {
                items.add(new Item(Kind.OPEN_DATE, text, cell));
            } else if (DATE_HEAD.matcher(first).matches()
                    || DATE_FRAGMENT.matcher(first).matches() && !first.isBlank()) {
                dateAndRest(cell, items);
            } else {
                items.add(leadOrText(cell));
            }
        }
        return items;
    }

    /**
     * "August 2026 Quality" / "- September" / "Assurance" / "2026" / "Group": a timescale and the lead beside it
     * printed line by line into each other; the date pieces make the timescale, the rest the lead.
     */
    private static void dateAndRest(List<TextLine> cell, List<Item> items) {
        StringBuilder due = new StringBuilder();
        List<TextLine> rest = new ArrayList<>();
        for (TextLine line : cell) {
            String t = line.text().strip();
            Matcher head = DATE_HEAD.matcher(t);
            Matcher fragment = DATE_FRAGMENT.matcher(t);
            if (!due.isEmpty() && t.matches("[-\u2013]")) {
                continue; // the dash of a range on a line of its own
            }
            if (due.isEmpty() && head.matches()) {
                due.append(head.group(1));
                rest.add(new TextLine(head.group(2), line.at()));
            } else if (!t.isEmpty() && fragment.matches() && (fragment.group(1) != null || fragment.group(2) != null)) {
                String piece = t.replaceFirst("^-\\s*", "").replaceFirst("\\s*-$", "");
                if (!due.isEmpty()) {
                    due.append(due.toString().matches("(?s).*\\d{4}$") ? " - " : " ");
                }
                due.append(piece);
            } else {
                rest.add(line);
            }
        }
        String dueText = due.toString();
        if (dueText.isEmpty() || !CellKinds.isDate(dueText)) {
            items.add(leadOrText(cell));
            return;
        }
        items.add(new Item(Kind.DATE, dueText, cell));
        if (!rest.isEmpty()) {
            items.add(leadOrText(rest));
        }
    }

    /** A role or body on one line; else a sentence, a numbered list in it kept one item a line. */
    private static Item leadOrText(List<TextLine> cell) {
        String text = TextLine.joined(cell);
        if (CellKinds.looksLikeLead(text)) {
            return new Item(Kind.LEAD, text, cell);
        }
        StringBuilder out = new StringBuilder();
        for (TextLine line : cell) {
            String t = HtmlText.oneLine(line.text());
            if (!out.isEmpty()) {
                out.append(LIST_ITEM.matcher(t).find() ? "\n" : " ");
            }
            out.append(t);
        }
        return new Item(Kind.TEXT, out.toString(), cell);
    }
}
