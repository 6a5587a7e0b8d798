package uk.assure.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.assure.plan.NewPlan.GlossaryTerm;
import uk.assure.support.English;

class PlanFormatsTest {

    private final PlanFormats formats = new PlanFormats(English.MESSAGES);
    private final List<GlossaryTerm> glossary = List.of(
            new GlossaryTerm("MASH", "Multi-Agency Safeguarding Hub"),
            new GlossaryTerm("MASH Board", "The board that oversees the MASH"),
            new GlossaryTerm("DA", "Domestic \"abuse\" <b>"));

    @Test
    void acronymsUsedInTheTextShowTheirMeaning() {
        assertThat(formats.withAcronyms("Refer to the MASH today", glossary))
                .isEqualTo("Refer to the <abbr title=\"Multi-Agency Safeguarding Hub\">MASH</abbr> today");
    }

    @Test
    void theLongestTermWinsAndOnlyWholeWordsMatch() {
        assertThat(formats.withAcronyms("Report to the MASH Board; DASH and MASHED are not terms", glossary))
                .isEqualTo(
                        "Report to the <abbr title=\"The board that oversees the MASH\">MASH Board</abbr>; DASH and MASHED are not terms");
    }

    @Test
    void theTextAndTheMeaningsAreEscapedSoNothingInAPlanBecomesMarkup() {
        String html = formats.withAcronyms("<script>alert(1)</script> DA & risk", glossary);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("<abbr title=\"Domestic &quot;abuse&quot; &lt;b&gt;\">DA</abbr> &amp; risk");
    }

    @Test
    void withoutAGlossaryTheTextIsOnlyEscaped() {
        assertThat(formats.withAcronyms("a < b", List.of())).isEqualTo("a &lt; b");
    }
}
