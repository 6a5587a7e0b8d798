package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as spreadsheets save it, and HTML tables with merged cells; neither is ever run or rendered. */
class CsvAndHtmlReaderTest {

    @Test
    void csvFieldsMayHoldCommasQuotesAndLineBreaks() {
        String csv =
                "\ufeffRef,Action,Lead\r\n1,\"Publish a guide, then \"\"test\"\" it\",Police\r\n2,\"Two\nlines\",Council\r\n";

        List<Block> blocks = new CsvReader().read("plan.csv", csv);

        assertThat(blocks).hasSize(3);
        assertThat(texts(blocks.get(1))).containsExactly("1", "Publish a guide, then \"test\" it", "Police");
        assertThat(texts(blocks.get(2))).containsExactly("2", "Two\nlines", "Council");
        assertThat(blocks.get(2).at().row()).isEqualTo(3);
    }

    @Test
    void semicolonsAreReadWhenTheFirstLineUsesThem() {
        List<Block> blocks = new CsvReader().read("plan.csv", "Ref;Action;Lead\n1;Do it, soon;Police\n");

        assertThat(texts(blocks.get(1))).containsExactly("1", "Do it, soon", "Police");
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        assertThatThrownBy(() -> new CsvReader().read("plan.csv", "Ref,Action\n1,ok\n2,\"never closed\n"))
                .isInstanceOf(ImportException.class)
                .hasMessage("plan.csv, line 3: a quoted field is never closed (a \" is missing)");
    }

    @Test
    void htmlTablesKeepMergedCellsInTheirColumnsAndScriptsAreIgnored() {
        String html = """
                <html><head><title>x</title><script>alert(1)</script></head><body>
                <h1>Westmoor plan</h1>
                <p>Intro &amp; purpose</p>
                <table>
                  <tr><th>Area for improvement</th><th>Action</th><th>Lead</th></tr>
                  <tr><td rowspan="2">Referrals lack detail.</td><td>Publish a <b>checklist</b>.</td><td>Police</td></tr>
                  <tr><td>Audit &lt;b&gt;twenty&lt;/b&gt; referrals.</td><td>Council</td></tr>
                  <tr><td colspan="3">Theme 2</td></tr>
                </table>
                <script>document.write('no')</script>
                </body></html>""";

        List<Block> blocks = new HtmlReader().read("plan.html", html.getBytes(StandardCharsets.UTF_8));

        assertThat(blocks.subList(0, 2))
                .extracting(b -> ((Block.Paragraph) b).text())
                .containsExactly("Westmoor plan", "Intro & purpose");
        assertThat(texts(blocks.get(3))).containsExactly("Referrals lack detail.", "Publish a checklist.", "Police");
        assertThat(texts(blocks.get(4)))
                .as("rowspan: empty below; escaped tags stay text")
                .containsExactly("", "Audit <b>twenty</b> referrals.", "Council");
        assertThat(texts(blocks.get(5))).containsExactly("Theme 2", "", "");
        assertThat(blocks)
                .noneMatch(b -> b.toString().contains("alert") || b.toString().contains("document.write"));
    }

    @Test
    void anHtmlPlanIsReadByItsContentWhateverItsName() {
        String html = "<table><tr><td>Action</td><td>Lead</td><td>Timescale</td></tr>"
                + "<tr><td>Publish a checklist.</td><td>Police</td><td>Mar.25</td></tr></table>";

        ParsedPlan plan = PlanParsers.standard().parse("export.txt", html.getBytes(StandardCharsets.UTF_8));

        assertThat(plan.format()).isEqualTo("html");
        assertThat(plan.actions()).extracting(ParsedPlan.Action::text).containsExactly("Publish a checklist.");
    }

    private static List<String> texts(Block block) {
        return ((Block.TableRow) block).cells().stream().map(Block.Cell::text).toList();
    }
}
