package uk.assure.importer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML as text: tags removed, entities decoded, each paragraph, list item and line break on a line of its own,
 * other whitespace collapsed. Plans pasted from Word carry {@code <p>}, {@code <ul><li>} and {@code <b>} in their
 * cells; none of it is ever rendered as HTML.
 */
final class HtmlText {

    private HtmlText() {}

    /** True when the text holds something that looks like an HTML tag or entity. */
    public static boolean looksLikeHtml(String text) {
        return text != null
                && (text.indexOf('<') >= 0 && text.matches("(?s).*</?[a-zA-Z][^>]{0,200}>.*")
                        || text.matches("(?s).*&(#\\d{1,6}|[a-zA-Z]{2,8});.*"));
    }

    public static String toText(String fragment) {
        if (fragment == null) {
            return "";
        }
        if (!looksLikeHtml(fragment)) {
            return collapse(fragment);
        }
        StringBuilder out = new StringBuilder();
        for (Node node : Jsoup.parseBodyFragment(fragment).body().childNodes()) {
            append(node, out);
        }
        return collapse(out.toString());
    }

    private static void append(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            out.append(text.getWholeText());
        } else if (node instanceof Element element) {
            boolean block = element.isBlock()
                    || element.normalName().equals("br")
                    || element.normalName().equals("li");
            if (block) {
                out.append('\n');
            }
            for (Node child : element.childNodes()) {
                append(child, out);
            }
            if (block) {
                out.append('\n');
            }
        }
    }

    /** Runs of spaces and tabs to one space; blank lines dropped; each line trimmed; bullets (▪ • ·) removed. */
    public static String collapse(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace('\u00a0', ' ').replace("\r", "").split("\n")) {
            String clean = line.replaceAll("[\\t \\u2007\\u202f]+", " ")
                    .strip()
                    .replaceFirst("^[\\u25aa\\u2022\\u00b7\\u25cf\\u25e6\\uf0b7\\-\\u2013] +", "");
            if (!clean.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(clean);
            }
        }
        return out.toString();
    }

    /** All whitespace, line breaks included, to single spaces: how lead, due and status cells are compared. */
    public static String oneLine(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").strip();
    }
}
