package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void joinsMidSentenceWithASpaceAndAfterAFullStopOnANewLine() {
        assertThat(Text.join("Train the front", "door staff")).isEqualTo("Train the front door staff");
        assertThat(Text.join("Audit done.", "Report next")).isEqualTo("Audit done.\nReport next");
        assertThat(Text.join(null, "Only after")).isEqualTo("Only after");
        assertThat(Text.join("Only before", " ")).isEqualTo("Only before");
    }

    @Test
    void joinsOneLineCellsKeepingTheSameTextOnce() {
        assertThat(Text.joinInline("Head of  Service", "head of service")).isEqualTo("Head of  Service");
        assertThat(Text.joinInline("June", "2026")).isEqualTo("June 2026");
        assertThat(Text.joinSpaced(null, "Team")).isEqualTo("Team");
        assertThat(Text.joinSpaced("Safeguarding", "Team")).isEqualTo("Safeguarding Team");
    }

    @Test
    void recognisesSectionHeadingsAndIntroSentences() {
        assertThat(Text.looksLikeSectionHeading("2. Early Help")).isTrue();
        assertThat(Text.looksLikeSectionHeading("Early Help")).isTrue();
        assertThat(Text.looksLikeSectionHeading("Early help is offered.")).isFalse();
        assertThat(Text.looksLikeSectionHeading("early help")).isFalse();
        assertThat(Text.looksLikeIntroSentence("The actions below answer each of the findings of the review."))
                .isTrue();
        assertThat(Text.looksLikeIntroSentence("Short.")).isFalse();
    }

    @Test
    void readsCaseRulesAndDates() {
        assertThat(Text.startsLower("  and the rest")).isTrue();
        assertThat(Text.startsLower(null)).isFalse();
        assertThat(Text.startsUpper("Head of Service")).isTrue();
        assertThat(Text.readableDue("June 2026")).isTrue();
        assertThat(Text.readableDue("when we can")).isFalse();
        assertThat(Text.isRule("-----")).isTrue();
        assertThat(Text.isRule(List.of("___", "==="))).isTrue();
        assertThat(Text.isRule(List.of("___", "Action"))).isFalse();
        assertThat(Text.endsSentence("Agreed by the board.")).isTrue();
        assertThat(Text.endsSentence("Agreed by the")).isFalse();
    }

    @Test
    void takesTheTextOfRowsAndQuotesExcerpts() {
        Block.TableRow row = Blocks.row(3, "1.1", "", "Audit cases");
        assertThat(Text.nonEmpty(row)).containsExactly("1.1", "Audit cases");
        assertThat(Text.blockText(row)).isEqualTo("1.1 | Audit cases");
        assertThat(Text.blockText(Blocks.paragraph(1, "Title"))).isEqualTo("Title");
        assertThat(Text.excerpt("a\nb")).isEqualTo("'a b'");
        String excerpt = Text.excerpt("x".repeat(100));
        assertThat(excerpt).hasSize(80).endsWith("x…'");
    }
}
