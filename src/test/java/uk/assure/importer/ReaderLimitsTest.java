package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Documents built to be slow are refused, naming where, before any work that grows with them. */
class ReaderLimitsTest {

    private final PlanParser parsers = PlanParsers.standard();

    @Test
    void aCsvRowWiderThanAnyPlanIsRefusedNamingItsLine() {
        String wide = "Plan\n" + "Action,".repeat(10_000) + "Lead\n";
        assertThatThrownBy(() -> parsers.parse("wide.csv", bytes(wide), null))
                .isInstanceOf(ImportException.class)
                .hasMessage("wide.csv, line 2: more than 200 columns in one row; a plan's table has far fewer, so "
                        + "this is not a plan Assure can read");
    }

    @Test
    void aTabSeparatedRowWiderThanAnyPlanIsRefused() {
        String wide = "Action\t".repeat(5_000) + "Lead\n";
        assertThatThrownBy(() -> new TextReader().read("wide.tsv", wide))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("wide.tsv, line 1: more than 200 columns");
    }

    @Test
    void twoHundredColumnsAreStillRead() {
        String header = "Action," + "Note,".repeat(198) + "Lead\n";
        assertThat(new CsvReader().read("wide.csv", header)).hasSize(1);
    }

    @Test
    void htmlNestedDeeperThanAnyPlanIsRefused() {
        String nested = "<table><tr><td>" + "<div>".repeat(1_000) + "x" + "</div>".repeat(1_000) + "</td></tr></table>";
        assertThatThrownBy(() -> new HtmlReader().read("nested.html", bytes(nested)))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("nested.html: elements nested more than 100 deep");
    }

    @Test
    void anHtmlTableWiderThanAnyPlanIsRefusedNamingItsRow() {
        String wide = "<table><tr>" + "<td>a</td>".repeat(300) + "</tr></table>";
        assertThatThrownBy(() -> new HtmlReader().read("wide.html", bytes(wide)))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("wide.html, table 1, row 1: more than 200 columns");
    }

    @Test
    void aPlanNestedAsWordNestsItIsRead() {
        String word = "<table><tr><td><div><p><span><b><i>Action</i></b></span></p></div></td><td>Lead</td></tr>"
                + "</table>";
        assertThat(new HtmlReader().read("plan.html", bytes(word))).hasSize(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
