package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing the text path (reader, detector, assemblers): whatever the bytes, the parser returns a plan or throws the
 * declared {@link ImportException}; nothing else escapes. Inputs lean towards plan-like text (tabs, headings, HTML).
 */
class ParserFuzzTest {

    private static final PlanParser PARSER = PlanParsers.standard();

    @Property(tries = 400)
    void planLikeTextParsesOrFailsWithTheDeclaredError(@ForAll("planLikeText") String text) {
        parse("fuzz.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void arbitraryBytesParseOrFailWithTheDeclaredError(@ForAll byte[] bytes) {
        if (bytes.length > 0) {
            parse("fuzz.bin", bytes);
        }
    }

    @Property(tries = 200)
    void arbitraryCsvAndHtmlParseOrFailWithTheDeclaredError(@ForAll("planLikeText") String text) {
        parse("fuzz.csv", text.replace('\t', ',').getBytes(StandardCharsets.UTF_8));
        parse(
                "fuzz.html",
                ("<table><tr><td>" + text.replace("\t", "</td><td>").replace("\n", "</td></tr><tr><td>")
                                + "</td></tr></table>")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The readers alone, through a parser with no assemblers: reading succeeds or fails with ImportException. */
    private static final PlanParser READING_ONLY = new PlanParser(List.of());

    private static final List<DocumentReader> READERS = List.of(
            new TextReader(),
            new CsvReader(),
            new HtmlReader(),
            new DocxReader(),
            new XlsxReader(null),
            new XlsxReader("Sheet 2"));

    @Property(tries = 300)
    void anyTextThroughEveryReaderReadsOrFailsWithTheDeclaredError(@ForAll("markupText") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (String name : List.of("fuzz.txt", "fuzz.csv", "fuzz.html", "fuzz.docx")) {
            readOnly(name, bytes);
        }
        for (DocumentReader reader : READERS) {
            read(reader, bytes);
        }
    }

    @Property(tries = 300)
    void anyBytesThroughEveryReaderReadOrFailWithTheDeclaredError(@ForAll byte[] bytes) {
        readOnly("fuzz.bin", bytes);
        for (DocumentReader reader : READERS) {
            read(reader, bytes);
        }
    }

    @Property(tries = 300)
    void bytesBehindAZipHeaderFailWithTheDeclaredError(@ForAll byte[] tail) {
        byte[] bytes = new byte[tail.length + 4];
        bytes[0] = 0x50;
        bytes[1] = 0x4B;
        bytes[2] = 0x03;
        bytes[3] = 0x04;
        System.arraycopy(tail, 0, bytes, 4, tail.length);
        readOnly("fuzz.docx", bytes);
    }

    private static void readOnly(String name, byte[] bytes) {
        try {
            READING_ONLY.parse(name, bytes);
        } catch (ImportException expected) {
            assertThat(expected.getMessage()).startsWith(name).doesNotContain("\n");
        }
    }

    private static void read(DocumentReader reader, byte[] bytes) {
        try {
            assertThat(reader.read("fuzz.x", bytes)).doesNotContainNull();
        } catch (ImportException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.x");
        }
    }

    @Provide
    Arbitrary<String> markupText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("\t\n\r<>&\";,'/= abcdpltr1").ofMaxLength(200),
                Arbitraries.strings().all().ofMaxLength(100),
                Arbitraries.of(
                        "<table><tr><td rowspan=9999999>a<td colspan=-1>b</table>",
                        "<html><p>x</p>",
                        "\"unclosed,quote\n",
                        "a;b;c\n1;2;3\n4;5;6\n",
                        "<script>x</script><table><tr><th>h"));
    }

    private static void parse(String name, byte[] bytes) {
        try {
            ParsedPlan plan = PARSER.parse(name, bytes);
            assertThat(plan.actions()).allSatisfy(a -> assertThat(a.text()).isNotNull());
        } catch (ImportException expected) {
            assertThat(expected.getMessage()).startsWith(name);
        }
    }

    @Provide
    Arbitrary<String> planLikeText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of(
                        "Action",
                        "Lead",
                        "Timescale",
                        "Ref",
                        "Area for improvement",
                        "Progress",
                        "RAG",
                        "Status",
                        "How will we know?",
                        "On track",
                        "Completed",
                        "R",
                        "A",
                        "G",
                        "Mar.19",
                        "29 January 2010",
                        "Ongoing",
                        "1.2.3",
                        "(1a)",
                        "Recommendation 1:",
                        "Finding 2:",
                        "Acronyms:",
                        "MASH",
                        "V2: Updated",
                        "<p>",
                        "</p>",
                        "<ol><li>",
                        "</li></ol>",
                        "&amp;",
                        "&#0;",
                        "&",
                        "<",
                        ">",
                        "\"",
                        "•",
                        "▪",
                        "-----"),
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.of("\t", "\t", "\t", "\n", "\n", "\r\n", " ", ""));
        return pieces.list().ofMaxSize(120).map(list -> String.join("", list));
    }
}
