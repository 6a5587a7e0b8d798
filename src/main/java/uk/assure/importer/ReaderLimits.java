package uk.assure.importer;

import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * How big a plan's parts may be: far past any real plan (the widest seen has about twenty columns, Word nests a
 * cell a dozen elements deep), near enough that a document built to be slow is refused at once, before any work
 * that grows with its size.
 */
final class ReaderLimits {

    /** Columns in one row of a table. */
    static final int MAX_COLUMNS = 200;

    /** Elements inside one another in an HTML document. */
    static final int MAX_DEPTH = 100;

    private ReaderLimits() {}

    /** Refuses a row with more columns than a plan's table has, naming where. */
    static void checkColumns(String where, int columns) {
        if (columns > MAX_COLUMNS) {
            throw new ImportException(where + ": more than " + MAX_COLUMNS + " columns in one row; a plan's table has "
                    + "far fewer, so this is not a plan Assure can read");
        }
    }

    /** Refuses HTML nested deeper than any plan saved from Word or a web page. */
    static void checkDepth(String fileName, Element root) {
        int[] deepest = {0};
        NodeTraversor.traverse(
                (NodeVisitor) (node, depth) -> {
                    if (depth > deepest[0]) {
                        deepest[0] = depth;
                    }
                },
                root);
        if (deepest[0] > MAX_DEPTH) {
            throw new ImportException(fileName + ": elements nested more than " + MAX_DEPTH
                    + " deep; a plan saved from Word or a web page is nested far less, so this is not a plan Assure "
                    + "can read");
        }
    }
}
