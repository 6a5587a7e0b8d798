package uk.assure.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An extract is text: escaped first, then only PostgreSQL's match markers become markup. */
class SearchMarksTest {

    @Test
    void markupInTheTextIsEscapedAndOnlyMatchesAreMarked() {
        assertThat(Search.marked("<b>child's</b> \u0002audit\u0003 & <script>x</script>"))
                .isEqualTo("&lt;b&gt;child&#39;s&lt;/b&gt; <mark>audit</mark> &amp; &lt;script&gt;x&lt;/script&gt;");
    }
}
