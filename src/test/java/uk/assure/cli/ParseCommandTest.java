package uk.assure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.assure.importer.GoldenWorkbook;
import uk.assure.importer.ParsedPlan;
import uk.assure.importer.PlanJson;

/** `assure parse FILE`: JSON on standard output, or one line naming the file and the reason, and a non-zero exit. */
class ParseCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsThePlanAsJson() throws Exception {
        Path file = dir.resolve("small-plan.tsv");
        Files.write(
                file,
                getClass()
                        .getResourceAsStream("/importer/fixtures/small-plan.tsv")
                        .readAllBytes());

        Result result = Result.run("parse", file.toString());

        assertThat(result.exit()).isZero();
        ParsedPlan plan = PlanJson.read(result.out());
        assertThat(plan.actions()).hasSize(4);
        assertThat(plan.actions().get(0).text()).isEqualTo("Publish a referral checklist for all partners.");
        assertThat(plan.actions().get(0).dueRaw()).isEqualTo("Mar.24");
        assertThat(plan.actions().get(0).due()).hasToString("2024-03-31");
        assertThat(result.out()).contains("\"duePrecision\" : \"MONTH\"");
    }

    @Test
    void aWorkbookSheetIsChosenWithSheet() throws Exception {
        Path file = Files.write(dir.resolve("tracker.xlsx"), GoldenWorkbook.tracker());

        Result chosen = Result.run("parse", "--sheet", "Tracker", file.toString());
        Result unknown = Result.run("parse", "--sheet", "Actions", file.toString());

        assertThat(chosen.exit()).isZero();
        assertThat(PlanJson.read(chosen.out()).actions()).hasSize(3);
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err().strip())
                .isEqualTo("assure parse: tracker.xlsx: there is no sheet 'Actions'; its sheets are Tracker");
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        Result result = Result.run("parse", dir.resolve("nowhere.docx").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip())
                .doesNotContain("\n")
                .contains("nowhere.docx")
                .contains("no such file");
    }

    @Test
    void randomBytesAreOneLineNamingTheFileAndTheReason() throws Exception {
        byte[] noise = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(noise);
        Path file = dir.resolve("noise.xlsx");
        Files.write(file, noise);

        Result result = Result.run("parse", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).doesNotContain("\n").startsWith("assure parse: noise.xlsx: ");
        assertThat(result.out()).isEmpty();
    }
}
