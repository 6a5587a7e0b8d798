package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextLineTest {

    @Test
    void blocksBecomeLinesWithABlankWhereLinesWereSkipped() {
        List<TextLine> lines = TextLine.of(List.of(
                Blocks.paragraph(1, "1.1 Add a household"),
                Blocks.paragraph(2, "members section\nJuly 2026"),
                Blocks.row(4, "Head of", "Service")));

        assertThat(lines)
                .extracting(TextLine::text)
                .containsExactly("1.1 Add a household", "members section", "July 2026", "", "Head of Service");
        assertThat(lines.get(2).at()).isEqualTo(Blocks.line(2));
        assertThat(lines.get(3).blank()).isTrue();
        assertThat(lines.get(3).at()).isNull();
    }

    @Test
    void joinsLinesOnOneLine() {
        assertThat(TextLine.joined(Blocks.lines("Head of ", " Service"))).isEqualTo("Head of Service");
    }
}
