package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which layout reads a document: PDF text with columns as lines, or a table; never both. */
class ColumnTextAssemblerTest {

    private static final TextReader TEXT = new TextReader();

    @Test
    void pdfTextWithRefsOnTheirOwnLinesIsAcceptedAndATableIsNot() throws IOException {
        String pdf = Files.readString(Path.of("src/test/resources/importer/golden/pdf-columns.txt"));
        String table = Files.readString(Path.of("src/test/resources/importer/golden/page-breaks.txt"));

        assertThat(new ColumnTextAssembler().accepts(TEXT.read("a.txt", pdf))).isTrue();
        assertThat(new ColumnTextAssembler().accepts(TEXT.read("b.txt", table))).isFalse();
        assertThat(new TableAssembler().accepts(TEXT.read("a.txt", pdf))).isFalse();
    }

    @Test
    void aParentEndingInAColonLeavesItsCellsToItsFirstChild() throws IOException {
        ParsedPlan plan = PlanParsers.standard().parse("pdf-columns.txt",
                Files.readAllBytes(Path.of("src/test/resources/importer/golden/pdf-columns.txt")));

        assertThat(plan.actions()).extracting(ParsedPlan.Action::ref).containsExactly("1.1", "1.2", "2.1", "2.1.1", "2.1.2");
        ParsedPlan.Action parent = plan.actions().get(2);
        assertThat(parent.lead()).isNull();
        assertThat(parent.dueRaw()).isNull();
        assertThat(plan.actions().get(3).lead()).isEqualTo("Designated Nurse Safeguarding");
        assertThat(plan.actions().get(0).dueRaw()).as("taken out from among the wrapped text").isEqualTo("May 2025");
        assertThat(plan.actions().get(0).text()).doesNotContain("May 2025");
    }
}
