package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTML pages: tables with merged cells, text outside them in order; scripts and styles ignored, nothing rendered. */
class HtmlReaderTest {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html><head><title>Not read</title><style>td { color: red }</style><script>alert('head')</script></head>
            <body>
            <h1>Westmoor
                plan</h1>
            <p>Intro &amp; purpose<br>second line</p>
            <ul><li>First point</li><li>Second point</li></ul>
            Loose <b>text</b> here
            <table>
              <thead><tr><th>Area for improvement</th><th>Action</th><th>Lead</th></tr></thead>
              <tbody>
              <tr><td rowspan="2">Referrals lack detail.</td><td>Publish a <b>checklist</b>.</td><td>Police</td></tr>
              <tr><td>Audit &lt;b&gt;twenty&lt;/b&gt; referrals.</td><td>Council</td></tr>
              <tr><td colspan="2">Theme 2</td><td><p>One</p><ul><li>two</li><li>three</li></ul></td></tr>
              <tr><td>Nested</td><td><table><tr><td>inner a</td><td>inner b</td></tr></table></td><td>x</td></tr>
              </tbody>
            </table>
            <script>document.write('body')</script>
            <div>After the table</div>
            </body></html>""";

    private final List<Block> blocks = new HtmlReader().read("plan.html", PAGE.getBytes(StandardCharsets.UTF_8));

    @Test
    void textOutsideTablesIsParagraphsInOrder() {
        List<String> paragraphs = blocks.stream()
                .filter(b -> b instanceof Block.Paragraph)
                .map(b -> ((Block.Paragraph) b).text())
                .toList();

        assertThat(paragraphs)
                .containsExactly(
                        "Westmoor plan",
                        "Intro & purpose\nsecond line",
                        "First point",
                        "Second point",
                        "Loose text here",
                        "After the table");
    }

    @Test
    void tableRowsKeepMergedCellsInTheirColumns() {
        List<List<String>> rows = blocks.stream()
                .filter(b -> b instanceof Block.TableRow)
                .map(HtmlReaderTest::texts)
                .toList();

        assertThat(rows)
                .containsExactly(
                        List.of("Area for improvement", "Action", "Lead"),
                        List.of("Referrals lack detail.", "Publish a checklist.", "Police"),
                        List.of("", "Audit <b>twenty</b> referrals.", "Council"),
                        List.of("Theme 2", "", "One\ntwo\nthree"),
                        List.of("Nested", "inner a\ninner b", "x"));
        Block.TableRow third = (Block.TableRow) blocks.stream()
                .filter(b -> b instanceof Block.TableRow)
                .toList()
                .get(2);
        assertThat(third.cells().get(1).at().describe()).isEqualTo("plan.html, table 1, row 3, column 2");
    }

    @Test
    void scriptsStylesAndTheHeadAreNeverRead() {
        assertThat(blocks.toString()).doesNotContain("alert", "document.write", "color", "Not read");
    }

    @Test
    void aFragmentWithoutHtmlOrBodyIsRead() {
        List<Block> read = new HtmlReader()
                .read(
                        "x.html",
                        "<table><tr><td>a</td><td rowspan=3>b</td></tr><tr><td>c</td></tr></table>"
                                .getBytes(StandardCharsets.UTF_8));

        assertThat(read).extracting(b -> texts(b)).containsExactly(List.of("a", "b"), List.of("c", ""));
    }

    private static List<String> texts(Block block) {
        return ((Block.TableRow) block).cells().stream().map(Block.Cell::text).toList();
    }
}
