package uk.assure.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import uk.assure.plan.StatusVocabulary;

/**
 * The plan's status words for the preview: those of a RAG key ("Red", "Amber", "Green" alone in a row, dropped from
 * the rows), or else those its actions' status cells use.
 */
final class StatusKey {

    private final Set<String> keyWords = new LinkedHashSet<>();
    private final Set<String> usedWords = new LinkedHashSet<>();
    private boolean keySeen;

    /** One or two cells each holding exactly a status word: a row of the RAG key, its words remembered. */
    boolean isRagKey(List<String> cells) {
        if (cells.size() > 2) {
            return false;
        }
        List<String> words = new ArrayList<>();
        for (String cell : cells) {
            String oneLine = HtmlText.oneLine(cell);
            var reading = StatusVocabulary.read(oneLine);
            if (reading.isEmpty() || !reading.get().word().equalsIgnoreCase(oneLine)) {
                return false;
            }
            words.add(oneLine);
        }
        keyWords.addAll(words);
        keySeen = true;
        return true;
    }

    /** An action's status as written, for the vocabulary when there is no key. */
    void used(ParsedPlan.Action action) {
        if (keyWords.isEmpty() || !keySeen) {
            StatusVocabulary.read(action.statusRaw()).ifPresent(r -> usedWords.add(r.word()));
        }
    }

    /** The key's words if the plan has a key, else the words its actions used, in order of first use. */
    List<String> vocabulary() {
        return new ArrayList<>(keySeen ? keyWords : usedWords);
    }
}
