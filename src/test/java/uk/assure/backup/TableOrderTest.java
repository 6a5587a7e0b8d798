package uk.assure.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableOrderTest {

    @Test
    void eachTableComesAfterTheTablesItsForeignKeysPointAt() {
        List<String> order = TableOrder.of(
                List.of("progress_update", "action", "plan", "partnership", "evidence_file"),
                Map.of(
                        "evidence_file", Set.of("progress_update"),
                        "progress_update", Set.of("action", "partnership"),
                        "action", Set.of("plan", "partnership", "action"),
                        "plan", Set.of("partnership")));

        assertThat(order).containsExactly("partnership", "plan", "action", "progress_update", "evidence_file");
    }

    @Test
    void tablesWithNothingBetweenThemGoAlphabeticallySoEveryBackupRepeatsTheOrder() {
        assertThat(TableOrder.of(List.of("zebra", "apple", "mango"), Map.of()))
                .containsExactly("apple", "mango", "zebra");
    }

    @Test
    void aCircleOfForeignKeysIsNamedRatherThanLoadedWrong() {
        assertThatThrownBy(() -> TableOrder.of(List.of("a", "b"), Map.of("a", Set.of("b"), "b", Set.of("a"))))
                .hasMessageContaining("go round in a circle")
                .hasMessageContaining("[a, b]");
    }
}
