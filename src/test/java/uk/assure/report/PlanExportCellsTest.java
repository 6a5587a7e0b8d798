package uk.assure.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over generated strings, many of them starting as a formula would: no exported cell starts with a character a
 * spreadsheet reads as the start of a formula, every cell keeps its text whole (only an apostrophe is ever added), and
 * a CSV line reads back, as RFC 4180 says, into exactly the cells written.
 */
class PlanExportCellsTest {

    private static final String DANGEROUS = "=+-@\t\r";

    @Property(tries = 2000, seed = "14")
    void noCellStartsAsAFormula(@ForAll("cells") String text) {
        String safe = PlanExportCells.safe(text);
        assertThat(safe.isEmpty() || DANGEROUS.indexOf(safe.charAt(0)) < 0)
                .as("cell %s", safe)
                .isTrue();
        assertThat(safe).isIn(text, "'" + text);
        assertThat(safe.equals(text)).isEqualTo(text.isEmpty() || DANGEROUS.indexOf(text.charAt(0)) < 0);
    }

    @Property(tries = 1000, seed = "14")
    void aCsvLineReadsBackIntoTheCellsWritten(@ForAll("lines") List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i > 0 ? "," : "").append(PlanExportCells.csv(cells.get(i)));
        }
        List<String> read = readRfc4180(line.toString());
        assertThat(read)
                .containsExactlyElementsOf(
                        cells.stream().map(PlanExportCells::safe).toList());
    }

    @Provide
    Arbitrary<String> cells() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> formula = Combinators.combine(
                        Arbitraries.of('=', '+', '-', '@', '\t', '\r', ' ', '\'', '"'),
                        Arbitraries.strings()
                                .withChars("=+-@\t\r\n,\"'SUM(A1)cmd|/C calc!")
                                .ofMaxLength(20))
                .as((first, rest) -> first + rest);
        return Arbitraries.oneOf(any, formula);
    }

    @Provide
    Arbitrary<List<String>> lines() {
        return cells().list().ofMinSize(1).ofMaxSize(8);
    }

    /** A reader written from RFC 4180's grammar, apart from the writer: one record. */
    private static List<String> readRfc4180(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    assertThat(c)
                            .as("an unquoted field holds no quote or line break")
                            .isNotIn('"', '\n', '\r');
                    field.append(c);
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            assertThat(line.charAt(i)).isEqualTo(',');
            i++;
        }
    }
}
