package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Row assembly's draft of an action in PDF-column text: the shared {@link ActionDraft} plus the blocks of lines printed
 * after it (its cells, placed in the second pass) and what the line-by-line reading is waiting for.
 */
final class PrintedAction extends ActionDraft {

    /** The blocks of lines printed after this action, for the second pass to place. */
    final List<List<TextLine>> cells = new ArrayList<>();
    /** A month read among the action's lines, waiting for its year. */
    String pendingMonth;

    SourceLocation pendingAt;
    /** The lead column is printed in among the action's own lines from here on. */
    boolean leadInText;
    /** A parent ("… by:") whose cells were handed to its first child. */
    boolean parent;

    /** @param ref null for a row of cells printed with no action beside it */
    PrintedAction(String ref, SourceLocation at) {
        super(at);
        this.ref = ref;
        this.text = "";
    }

    /** Another line of the action's own text. */
    void appendText(String line) {
        text = text.isEmpty() ? line : text + " " + line;
    }

    /** No timescale, lead, success criteria or progress yet. */
    boolean empty() {
        return due == null && lead == null && success == null && progress == null;
    }

    /** "2" for action 2.1.3: the objective it is under. */
    String objective() {
        return ref.substring(0, ref.indexOf('.'));
    }
}
