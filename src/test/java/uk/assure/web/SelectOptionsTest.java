package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class SelectOptionsTest {

    @Test
    void valuesAndLabelsAreEscapedTheChosenOneSelectedAndLongLabelsCut() {
        Map<String, String> plans = new LinkedHashMap<>();
        plans.put("p1", "Plan <script>alert(1)</script> & \"more\"");
        plans.put("p\"2", "Short");
        plans.put("p3", "x".repeat(70));

        String html = SelectOptions.of(plans, "p\"2", 60);
        Document select = Jsoup.parseBodyFragment("<select>" + html + "</select>");

        assertThat(html).doesNotContain("<script>").doesNotContain("value=\"p\"2\"");
        assertThat(select.select("option").eachText())
                .containsExactly("Plan <script>alert(1)</script> & \"more\"", "Short", "x".repeat(57) + "...");
        assertThat(select.select("option").eachAttr("value")).containsExactly("p1", "p\"2", "p3");
        assertThat(select.select("option[selected]").eachAttr("value")).containsExactly("p\"2");
    }

    @Test
    void nothingChosenSelectsNothing() {
        assertThat(SelectOptions.of(Map.of("p1", "One"), null, 60)).isEqualTo("<option value=\"p1\">One</option>");
    }
}
