package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
        parse("fuzz.html", ("<table><tr><td>" + text.replace("\t", "</td><td>").replace("\n", "</td></tr><tr><td>")
                + "</td></tr></table>").getBytes(StandardCharsets.UTF_8));
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
                Arbitraries.of("Action", "Lead", "Timescale", "Ref", "Area for improvement", "Progress", "RAG", "Status",
                        "How will we know?", "On track", "Completed", "R", "A", "G", "Mar.19", "29 January 2010",
                        "Ongoing", "1.2.3", "(1a)", "Recommendation 1:", "Finding 2:", "Acronyms:", "MASH", "V2: Updated",
                        "<p>", "</p>", "<ol><li>", "</li></ol>", "&amp;", "&#0;", "&", "<", ">", "\"", "•", "▪", "-----"),
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.of("\t", "\t", "\t", "\n", "\n", "\r\n", " ", ""));
        return pieces.list().ofMaxSize(120).map(list -> String.join("", list));
    }
}
