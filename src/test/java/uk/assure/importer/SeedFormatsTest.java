package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The seed plans exist as text and as Word and Excel files made from that text. Read by the Word and Excel readers,
 * their table rows should say what the text reader makes of the .txt: the same cells, in the same order. Runs only
 * where the seeds are (../shared/seeds, beside the project); nothing of theirs is kept in this repository.
 */
class SeedFormatsTest {

    private static final Path SEEDS = Path.of("../shared/seeds");

    @TestFactory
    Stream<DynamicTest> wordAndExcelSeedsReadAsTheirText() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS.resolve("docx")), "no seeds beside the project");
        List<DynamicTest> tests = new ArrayList<>();
        for (String format : List.of("docx", "xlsx")) {
            Path dir = SEEDS.resolve(format);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith("." + format))
                        .sorted()
                        .forEach(file -> {
                            String base = file.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
                            Path text = SEEDS.resolve(base + ".txt");
                            if (Files.isRegularFile(text)) {
                                tests.add(DynamicTest.dynamicTest(
                                        file.getFileName().toString(), () -> compare(file, text, format)));
                            }
                        });
            }
        }
        return tests.stream();
    }

    private static void compare(Path file, Path text, String format) throws IOException {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(FormatDetector.detect(name, bytes).format()).isEqualTo(format);
        DocumentReader reader = format.equals("docx") ? new DocxReader() : new XlsxReader(null);
        // Every line of the text became a row of the sheet, so for Excel paragraphs count as rows of one cell: the
        // sheet cannot tell a line without tabs from one whose other cells are empty. In Word the lines without
        // tabs became paragraphs outside the tables, so only table rows are compared.
        boolean paragraphsAreRows = format.equals("xlsx");
        List<String> read = rows(reader.read(name, bytes), paragraphsAreRows);
        List<String> expected =
                rows(new TextReader().read(text.getFileName().toString(), Files.readAllBytes(text)), paragraphsAreRows);

        int matched = matched(read, expected);
        double share = (double) matched / Math.max(1, Math.max(read.size(), expected.size()));
        if (matched < Math.max(read.size(), expected.size())) {
            System.out.printf(
                    "%s: %d of %d rows (text has %d) match (%.1f%%)%n",
                    name, matched, read.size(), expected.size(), share * 100);
            printDifferences(name, read, expected);
        }
        assertThat(share)
                .as("%s: share of table rows read as in the text", name)
                .isGreaterThanOrEqualTo(0.98);
    }

    /**
     * Each table row as its cells' texts, all whitespace as one space, joined with " | ". Empty cells at the end of
     * a row are left off: a Word or Excel table is as wide as its widest row, while a line of text ends where its
     * last tab is.
     */
    private static List<String> rows(List<Block> blocks, boolean paragraphsAreRows) {
        List<String> rows = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Block.Paragraph paragraph && paragraphsAreRows) {
                rows.add(normal(paragraph.text()));
            } else if (block instanceof Block.TableRow row) {
                List<String> cells = new ArrayList<>(
                        row.cells().stream().map(c -> normal(c.text())).toList());
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
                rows.add(String.join(" | ", cells));
            }
        }
        return rows;
    }

    /**
     * A cell's text with all whitespace as one space, less what making the Word and Excel seeds from the text changed
     * by itself, which no reader can undo:
     * <ul>
     *   <li>an HTML list ({@code <ol><li>}) in the text became a Word numbered list, and Word shows its number
     *       ("1. ") where the text reader, reading the HTML, has none: a leading list number is not compared;</li>
     *   <li>LibreOffice turned a ref typed as "8." or "2.10" into the number 8 or 2.1, which Excel shows as "8" and
     *       "2.1": a cell that is a number is compared as that number;</li>
     *   <li>Markdown emphasis in the text ("**APPENDIX 1**", "## <the area> ...") became formatting.</li>
     * </ul>
     */
    private static String normal(String text) {
        String clean = text.replaceAll("\\s+", " ")
                .strip()
                .replaceFirst("^#{1,6} ", "")
                .replaceAll("\\*\\*", "")
                .replaceFirst("^\\d{1,3}[.)] (?=\\S)", "");
        if (clean.matches("\\d{1,6}(\\.\\d{1,6})?\\.?")) {
            clean = new BigDecimal(clean.replaceFirst("\\.$", ""))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return clean;
    }

    /** Rows in common, in order (longest common subsequence), so one extra or missing row costs one row. */
    private static int matched(List<String> a, List<String> b) {
        int[][] lcs = lcs(a, b);
        return lcs[0][0];
    }

    private static int[][] lcs(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        return lcs;
    }

    private static void printDifferences(String name, List<String> read, List<String> expected) {
        int[][] lcs = lcs(read, expected);
        int i = 0;
        int j = 0;
        while (i < read.size() || j < expected.size()) {
            if (i < read.size() && j < expected.size() && read.get(i).equals(expected.get(j))) {
                i++;
                j++;
            } else if (j < expected.size() && (i == read.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                System.out.printf("  %s text row %d only: %s%n", name, j + 1, shorten(expected.get(j++)));
            } else {
                System.out.printf("  %s read row %d only: %s%n", name, i + 1, shorten(read.get(i++)));
            }
        }
    }

    private static String shorten(String row) {
        return row.length() > 300 ? row.substring(0, 300) + "…" : row;
    }
}
