package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader is chosen by content; what Assure does not read is refused with a reason, quickly, whole. */
class FormatDetectorTest {

    private static final byte[] WORD =
            OfficeFiles.docx(doc -> doc.createParagraph().createRun().setText("Plan"));
    private static final byte[] EXCEL = OfficeFiles.xlsx(
            book -> book.createSheet("Plan").createRow(0).createCell(0).setCellValue("Plan"));

    @Test
    void theContentDecidesNotTheName() {
        assertThat(FormatDetector.detect("plan.txt", WORD).format()).isEqualTo("docx");
        assertThat(FormatDetector.detect("plan.docx", EXCEL).format()).isEqualTo("xlsx");
        assertThat(FormatDetector.detect("plan.docx", bytes("Action\tLead\nDo it\tPolice\n"))
                        .format())
                .isEqualTo("text");
        assertThat(FormatDetector.detect("plan.txt", bytes("<!DOCTYPE html><html><body><p>x</p></body></html>"))
                        .format())
                .isEqualTo("html");
        assertThat(FormatDetector.detect("export", bytes("Ref,Action,Lead\n1,Do it,Police\n2,Do more,Council\n"))
                        .format())
                .isEqualTo("csv");
    }

    @Test
    void macroEnabledFilesAreRefused() {
        byte[] docm = OfficeFiles.rewrite(
                WORD,
                "[Content_Types].xml",
                types -> types.replace(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                        "application/vnd.ms-word.document.macroEnabled.main+xml"),
                "word/vbaProject.bin",
                new byte[] {1, 2, 3});

        assertThatThrownBy(() -> FormatDetector.detect("plan.docx", docm))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith(
                        "plan.docx: macro-enabled files (.docm, .xlsm) are not accepted: save it as .docx");
    }

    @Test
    void aMacroEnabledWorkbookIsRefusedByItsContentType() {
        byte[] xlsm = OfficeFiles.rewrite(
                EXCEL,
                "[Content_Types].xml",
                types -> types.replace(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
                null,
                null);

        assertThatThrownBy(() -> FormatDetector.detect("tracker.xlsx", xlsm))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("macro-enabled files");
    }

    @Test
    void aVbaProjectInAnOtherwisePlainDocumentIsRefused() {
        byte[] withMacros = OfficeFiles.rewrite(
                WORD, "[Content_Types].xml", types -> types, "word/vbaProject.bin", new byte[] {1, 2, 3});

        assertThatThrownBy(() -> FormatDetector.detect("plan.docx", withMacros)).hasMessageContaining("macro-enabled");
    }

    @Test
    void csvIsKnownByItsLinesEvenUnderAnotherName() {
        assertThat(FormatDetector.detect(
                                "export.txt",
                                bytes("Oakfield plan\nRef;Action;Lead\n1;Do it;Police\n2;Do more;Council"))
                        .format())
                .isEqualTo("csv");
        assertThat(FormatDetector.detect("plan.csv", bytes("anything at all")).format())
                .isEqualTo("csv");
        assertThat(FormatDetector.detect("notes.txt", bytes("Dear all, here is the plan.\nThanks, Sam\n"))
                        .format())
                .isEqualTo("text");
        assertThat(FormatDetector.detect("plan.txt", bytes("Ref,Action\tLead\n1,Do it\tPolice\n"))
                        .format())
                .as("tabs make it tab-separated text")
                .isEqualTo("text");
    }

    @Test
    void htmlIsKnownByItsTags() {
        assertThat(FormatDetector.detect("plan.txt", bytes("\n  <HTML><body>x</body></HTML>"))
                        .format())
                .isEqualTo("html");
        assertThat(FormatDetector.detect("plan", bytes("<table><tr><td>Action</td></tr></table>"))
                        .format())
                .isEqualTo("html");
        assertThat(FormatDetector.detect("plan.txt", bytes("Action\tLead\n<p>Do it</p>\tPolice\n"))
                        .format())
                .as("HTML inside tab-separated cells is still text")
                .isEqualTo("text");
    }

    @Test
    void aWorkbookSheetIsPassedToTheReader() {
        byte[] book = OfficeFiles.xlsx(b -> {
            b.createSheet("First").createRow(0).createCell(0).setCellValue("one");
            b.createSheet("Second").createRow(0).createCell(0).setCellValue("two");
        });

        FormatDetector.Detected detected =
                FormatDetector.detect("plan.xlsx", book, FormatDetector.DEFAULT_MAX_BYTES, "Second");

        assertThat(detected.reader().read("plan.xlsx", book))
                .extracting(b -> ((Block.Paragraph) b).text())
                .containsExactly("two");
    }

    @Test
    void aDamagedZipIsRefusedAsDamaged() {
        byte[] cut = Arrays.copyOf(WORD, WORD.length / 2);

        assertThatThrownBy(() -> FormatDetector.detect("plan.docx", cut))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("plan.docx: the file is damaged");
    }

    @Test
    void aDamagedPartInsideARealZipIsRefusedByTheReader() {
        byte[] broken =
                OfficeFiles.rewrite(WORD, "word/document.xml", xml -> xml.substring(0, xml.length() / 2), null, null);

        assertThat(FormatDetector.detect("plan.docx", broken).format()).isEqualTo("docx");
        assertThatThrownBy(() -> new DocxReader().read("plan.docx", broken))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("plan.docx: ");
    }

    @Test
    void oldOfficeFilesPdfsAndBinariesAreRefusedWithWhatToDoInstead() {
        byte[] ole2 = new byte[512];
        ole2[0] = (byte) 0xD0;
        ole2[1] = (byte) 0xCF;
        ole2[2] = 0x11;
        ole2[3] = (byte) 0xE0;
        assertThatThrownBy(() -> FormatDetector.detect("plan.doc", ole2))
                .hasMessageContaining("save it as .docx or .xlsx");
        assertThatThrownBy(() -> FormatDetector.detect("plan.pdf", bytes("%PDF-1.4\n...")))
                .hasMessageContaining("PDF");
        assertThatThrownBy(() -> FormatDetector.detect("plan.txt", new byte[] {65, 0, 66, 0}))
                .hasMessage("plan.txt: this does not look like a text, Word, Excel, CSV or HTML file");
        assertThatThrownBy(() -> FormatDetector.detect("plan.txt", new byte[0]))
                .hasMessage("plan.txt: the file is empty");
        assertThatThrownBy(() -> FormatDetector.detect("plan.txt", new byte[2 * 1024 * 1024], 1024 * 1024))
                .hasMessage("plan.txt: the file is 2 MB; files must be 1 MB or smaller");
        assertThatThrownBy(() -> FormatDetector.detect("plan.txt", new byte[11 * 1024 * 1024]))
                .hasMessageContaining("10 MB or smaller");
        byte[] utf16 = "\ufeffAction\tLead".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> FormatDetector.detect("plan.txt", utf16)).hasMessageContaining("UTF-16");
        byte[] controls = new byte[1000];
        Arrays.fill(controls, (byte) 'a');
        for (int i = 0; i < 200; i++) {
            controls[i * 5] = 0x01;
        }
        assertThatThrownBy(() -> FormatDetector.detect("plan.txt", controls))
                .hasMessageContaining("does not look like a text");
        byte[] zip = zipOf("notes.txt", bytes("hello"));
        assertThatThrownBy(() -> FormatDetector.detect("plan.docx", zip))
                .hasMessageContaining("not a Word (.docx) or Excel");
    }

    @Test
    void aZipBombIsRefusedNotInflated() {
        byte[] bomb = OfficeFiles.rewrite(
                WORD,
                "word/document.xml",
                xml -> xml.replace("<w:t>Plan</w:t>", "<w:t>Plan" + " ".repeat(8 * 1024 * 1024) + "</w:t>"),
                null,
                null);
        assertThat(bomb.length).as("small on disk").isLessThan(100 * 1024);

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(FormatDetector.detect("bomb.docx", bomb).format())
                    .as("detecting does not inflate it")
                    .isEqualTo("docx");
            assertThatThrownBy(() -> new PlanParser(List.of()).parse("bomb.docx", bomb))
                    .isInstanceOf(ImportException.class)
                    .hasMessageStartingWith("bomb.docx: ")
                    .hasMessageContaining("zip bomb");
        });
    }

    @Test
    void aWorkbookZipBombIsRefusedToo() {
        byte[] bomb = OfficeFiles.rewrite(
                EXCEL,
                "xl/worksheets/sheet1.xml",
                xml -> xml.replace("<sheetData", " ".repeat(8 * 1024 * 1024) + "<sheetData"),
                null,
                null);

        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> assertThatThrownBy(() -> new PlanParser(List.of()).parse("bomb.xlsx", bomb))
                        .isInstanceOf(ImportException.class)
                        .hasMessageContaining("zip bomb"));
    }

    @Test
    void anExternalEntityIsNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        byte[] xxe = OfficeFiles.rewrite(
                WORD,
                "word/document.xml",
                xml -> xml.replaceFirst("\\?>", "?><!DOCTYPE d [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>")
                        .replace("<w:t>Plan</w:t>", "<w:t>&x;</w:t>"),
                null,
                null);

        try {
            List<Block> blocks = new DocxReader().read("xxe.docx", xxe);
            assertThat(blocks.toString()).doesNotContain("TOP-SECRET-CONTENT");
        } catch (ImportException refused) {
            assertThat(refused.getMessage()).startsWith("xxe.docx: ").doesNotContain("TOP-SECRET-CONTENT");
        }
    }

    @Test
    void fiveMegabytesOfRandomBytesFailQuicklyWithTheDeclaredError() {
        byte[] noise = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(noise);
        byte[] zipNoise = noise.clone();
        zipNoise[0] = 0x50;
        zipNoise[1] = 0x4B;
        zipNoise[2] = 0x03;
        zipNoise[3] = 0x04;

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            PlanParser parser = new PlanParser(List.of());
            assertThatThrownBy(() -> parser.parse("noise.xlsx", noise)).isInstanceOf(ImportException.class);
            assertThatThrownBy(() -> parser.parse("noise.docx", zipNoise))
                    .isInstanceOf(ImportException.class)
                    .hasMessageStartingWith("noise.docx: the file is damaged");
            assertThatThrownBy(() -> new DocxReader().read("noise.docx", zipNoise))
                    .isInstanceOf(ImportException.class);
            assertThatThrownBy(() -> new XlsxReader(null).read("noise.xlsx", zipNoise))
                    .isInstanceOf(ImportException.class);
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zipOf(String name, byte[] content) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
