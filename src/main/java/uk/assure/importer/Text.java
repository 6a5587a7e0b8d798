package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import uk.assure.plan.DueDate;
import uk.assure.plan.DuePrecision;

/**
 * Text helpers the assembly stages share: joining text a page break split, what a heading or a rule looks like, and
 * the short excerpt a warning quotes.
 */
final class Text {

    private static final Pattern RULE = Pattern.compile("^[-_=–—\\s]+$");
    private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.!?;:)\"”']$", Pattern.DOTALL);

    private Text() {}

    /** Joins text split by a page break: mid-sentence with a space, after a full stop on a new line. */
    static String join(String before, String after) {
        if (after == null || after.isBlank()) {
            return before;
        }
        if (before == null || before.isBlank()) {
            return after;
        }
        return before + (endsSentence(before) ? "\n" : " ") + after;
    }

    /** Joins the two halves of a one-line cell (a lead, a date); the same text twice is kept once. */
    static String joinInline(String before, String after) {
        if (after == null || after.isBlank()) {
            return before;
        }
        if (before == null || before.isBlank()) {
            return after;
        }
        return HtmlText.oneLine(before).equalsIgnoreCase(HtmlText.oneLine(after)) ? before : before + " " + after;
    }

    /** The next piece of a line-by-line value: "Head of" + "Service" → "Head of Service". */
    static String joinSpaced(String before, String after) {
        return before == null ? after : before + " " + after;
    }

    /** Ends as a sentence does: a full stop, a colon, a closing bracket or quote. */
    static boolean endsSentence(String text) {
        return ENDS_SENTENCE.matcher(text).matches();
    }

    /** Short, one line, starting with a capital or a number, no closing full stop: "2. Early Help". */
    static boolean looksLikeSectionHeading(String text) {
        String t = HtmlText.oneLine(text);
        if (t.isEmpty() || t.length() > 120 || t.split("\\s+").length > 16) {
            return false;
        }
        if (t.endsWith(".") || t.endsWith(",") || t.endsWith(";") || t.contains("\n")) {
            return false;
        }
        int first = t.codePointAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first);
    }

    /** "The actions below answer the inspection's findings.": a sentence introducing a table. */
    static boolean looksLikeIntroSentence(String text) {
        String t = HtmlText.oneLine(text);
        return t.endsWith(".") && t.length() > 40;
    }

    static boolean startsLower(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        return !t.isEmpty() && Character.isLowerCase(t.codePointAt(0));
    }

    static boolean startsUpper(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        return !t.isEmpty() && Character.isUpperCase(t.codePointAt(0));
    }

    /** A timescale the due-date parser can read: "June 2026", "Q3", "Ongoing". */
    static boolean readableDue(String text) {
        return text != null && DueDate.parse(HtmlText.oneLine(text)).precision() != DuePrecision.UNKNOWN;
    }

    /** A line of dashes, underscores or equals signs. */
    static boolean isRule(String text) {
        return RULE.matcher(text).matches();
    }

    static boolean isRule(List<String> cells) {
        return cells.stream().allMatch(Text::isRule);
    }

    /** The row's cells that hold text, in order. */
    static List<String> nonEmpty(Block.TableRow row) {
        List<String> out = new ArrayList<>();
        for (Block.Cell cell : row.cells()) {
            if (!cell.text().isBlank()) {
                out.add(cell.text());
            }
        }
        return out;
    }

    /** A paragraph's text, or a row's cells joined with " | ". */
    static String blockText(Block block) {
        if (block instanceof Block.Paragraph p) {
            return p.text();
        }
        return String.join(" | ", nonEmpty((Block.TableRow) block));
    }

    /** The text quoted in a warning: one line, cut at 80 characters. */
    static String excerpt(String text) {
        String t = HtmlText.oneLine(text);
        return t.length() <= 80 ? "'" + t + "'" : "'" + t.substring(0, 77) + "…'";
    }
}
