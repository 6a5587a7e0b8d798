package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunningHeadersTest {

    @Test
    void aParagraphPrintedOnEveryPageIsRepeatedWhateverItsCaseAndSpacing() {
        RunningHeaders headers = new RunningHeaders(List.of(
                Blocks.paragraph(1, "Eastvale Improvement Plan"),
                Blocks.paragraph(2, "Introduction"),
                Blocks.row(3, "Eastvale Improvement Plan", "x"),
                Blocks.paragraph(9, "EASTVALE  improvement plan")));

        assertThat(headers.isRepeated("Eastvale Improvement Plan")).isTrue();
        assertThat(headers.isRepeated("Introduction")).isFalse();
        assertThat(headers.isRepeated("Not in the document")).isFalse();
    }
}
