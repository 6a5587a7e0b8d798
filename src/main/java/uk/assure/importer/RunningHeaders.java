package uk.assure.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Row assembly's first look at the document: paragraphs printed more than once, the running headers and footers
 * repeated on every page, which are dropped wherever they appear.
 */
final class RunningHeaders {

    private final Map<String, Integer> counts = new HashMap<>();

    RunningHeaders(List<Block> blocks) {
        for (Block block : blocks) {
            if (block instanceof Block.Paragraph p) {
                counts.merge(key(p.text()), 1, Integer::sum);
            }
        }
    }

    /** The paragraph (compared on one line, ignoring case) appears more than once in the document. */
    boolean isRepeated(String paragraph) {
        return counts.getOrDefault(key(paragraph), 0) > 1;
    }

    private static String key(String paragraph) {
        return HtmlText.oneLine(paragraph).toLowerCase(Locale.ROOT);
    }
}
