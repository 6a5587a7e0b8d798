package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusKeyTest {

    private static ParsedPlan.Action withStatus(String status) {
        ActionDraft draft = new ActionDraft(null);
        draft.text = "An action";
        draft.status = status;
        return draft.parse(new Warnings(Blocks.FILE));
    }

    @Test
    void aRowOfStatusWordsAloneIsARagKey() {
        StatusKey key = new StatusKey();
        assertThat(key.isRagKey(List.of("Red", "Amber"))).isTrue();
        assertThat(key.isRagKey(List.of("Green"))).isTrue();
        assertThat(key.isRagKey(List.of("Red – behind"))).isFalse();
        assertThat(key.isRagKey(List.of("Red", "Amber", "Green"))).isFalse();

        key.used(withStatus("Completed"));
        assertThat(key.vocabulary()).containsExactly("Red", "Amber", "Green");
    }

    @Test
    void withNoKeyTheVocabularyIsTheStatusesUsed() {
        StatusKey key = new StatusKey();
        key.used(withStatus("In progress"));
        key.used(withStatus("Completed"));
        key.used(withStatus("In progress"));
        key.used(withStatus(null));

        assertThat(key.vocabulary()).containsExactly("In progress", "Completed");
    }
}
