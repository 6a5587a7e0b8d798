package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WarningsTest {

    @Test
    void placesEachWarningAtItsLocationOrTheFile() {
        Warnings warnings = new Warnings("plan.docx");
        warnings.warn(null, "whole file");
        warnings.notImported(Blocks.line(4).atColumn(2), "a stray cell", "Some\ntext");
        warnings.first("read first");

        assertThat(warnings.list())
                .containsExactly(
                        new ParsedPlan.Warning("plan.docx", "read first"),
                        new ParsedPlan.Warning("plan.docx", "whole file"),
                        new ParsedPlan.Warning(
                                "plan.txt, line 4, column 2", "not imported (a stray cell): 'Some text'"));
    }

    @Test
    void aCopyIsFixed() {
        Warnings warnings = new Warnings("plan.txt");
        warnings.warn(null, "one");
        var copy = warnings.copy();
        warnings.warn(null, "two");
        assertThat(copy).hasSize(1);
        assertThatThrownBy(() -> copy.add(null)).isInstanceOf(UnsupportedOperationException.class);
    }
}
