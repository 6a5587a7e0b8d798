package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as spreadsheets save it (RFC 4180): quotes, doubled quotes, line breaks in quotes, commas or semicolons. */
class CsvReaderTest {

    private final CsvReader reader = new CsvReader();

    @Test
    void quotedFieldsMayHoldSeparatorsQuotesAndLineBreaks() {
        String csv =
                "Ref,Action,Lead\r\n1,\"Publish a guide, then \"\"test\"\" it\",Police\r\n2,\"Two\nlines\",Council\r\n";

        List<Block> blocks = reader.read("plan.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(blocks).hasSize(3).allMatch(b -> b instanceof Block.TableRow);
        assertThat(texts(blocks.get(0))).containsExactly("Ref", "Action", "Lead");
        assertThat(texts(blocks.get(1))).containsExactly("1", "Publish a guide, then \"test\" it", "Police");
        assertThat(texts(blocks.get(2))).containsExactly("2", "Two\nlines", "Council");
        assertThat(blocks.get(2).at().describe()).isEqualTo("plan.csv, line 3");
        assertThat(((Block.TableRow) blocks.get(2)).cells().get(2).at().describe())
                .isEqualTo("plan.csv, line 3, column 3");
    }

    @Test
    void aRecordAfterALineBreakInQuotesIsNamedByTheLineItStartsOn() {
        List<Block> blocks = reader.read("plan.csv", "A,B\n\"x\ny\nz\",1\nnext,2\n");

        assertThat(blocks.get(2).at().row()).isEqualTo(5);
    }

    @Test
    void semicolonsWhenTheFileUsesThemAndATitleLineIsAParagraph() {
        List<Block> blocks =
                reader.read("plan.csv", "Westmoor plan, 2025\nRef;Action;Lead\n1;Do it, soon;Police\n2;More;Council\n");

        assertThat(blocks.get(0))
                .isEqualTo(new Block.Paragraph("Westmoor plan, 2025", SourceLocation.line("plan.csv", 1)));
        assertThat(texts(blocks.get(2))).containsExactly("1", "Do it, soon", "Police");
    }

    @Test
    void aByteOrderMarkAndWindowsEncodingAreRead() {
        byte[] bom = "\ufeffRef,Action\n1,Caf\u00e9 review\n".getBytes(StandardCharsets.UTF_8);
        byte[] windows = "Ref,Action\n1,Caf\u00e9 \u2013 review\n".getBytes(Charset.forName("windows-1252"));

        assertThat(texts(reader.read("plan.csv", bom).get(0))).containsExactly("Ref", "Action");
        assertThat(texts(reader.read("plan.csv", windows).get(1))).containsExactly("1", "Caf\u00e9 \u2013 review");
    }

    @Test
    void blankRecordsAreSkippedAndHtmlInAFieldIsText() {
        List<Block> blocks = reader.read("plan.csv", "Ref,Action\n,\n\n1,\"<p>One</p><p>Two &amp; three</p>\"\n");

        assertThat(blocks).hasSize(2);
        assertThat(texts(blocks.get(1))).containsExactly("1", "One\nTwo & three");
    }

    @Test
    void anUnclosedQuoteNamesTheLineItOpensOn() {
        assertThatThrownBy(() -> reader.read("plan.csv", "Ref,Action\n1,ok\n2,\"never closed\nstill open\n"))
                .isInstanceOf(ImportException.class)
                .hasMessage("plan.csv, line 3: a quoted field is never closed (a \" is missing)");
    }

    private static List<String> texts(Block block) {
        return ((Block.TableRow) block).cells().stream().map(Block.Cell::text).toList();
    }
}
