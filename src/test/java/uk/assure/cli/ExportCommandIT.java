package uk.assure.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.assure.importer.ParsedPlan;
import uk.assure.importer.PlanParsers;
import uk.assure.support.TestDatabase;

/**
 * {@code assure export} and {@code assure report pack}, as a partnership schedules them: a plan imported from the
 * command line is written back out as Excel (and reads back as the same actions), and the board pack as a PDF.
 */
class ExportCommandIT {

    private static final Map<String, String> SETTINGS = Map.of(
            "assure.demo-data", "false",
            "assure.admin.email", "cli@assure.local",
            "assure.admin.password", "a-password-for-the-cli-test",
            "logging.level.root", "warn");

    @TempDir
    Path dir;

    @BeforeEach
    void aFreshDatabase() {
        System.setProperty("assure.database.url", TestDatabase.newDatabase());
        SETTINGS.forEach(System::setProperty);
    }

    @AfterEach
    void forgetIt() {
        System.clearProperty("assure.database.url");
        SETTINGS.keySet().forEach(System::clearProperty);
    }

    @Test
    void writesAPlanAndABoardPack() throws Exception {
        byte[] source = getClass()
                .getResourceAsStream("/importer/fixtures/small-plan.tsv")
                .readAllBytes();
        Path plan = Files.write(dir.resolve("plan.tsv"), source);
        Result imported = Result.run("import", plan.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();

        Path xlsx = dir.resolve("plan.xlsx");
        Result exported = Result.run(
                "export", "Multi-agency audit improvement plan", "--format", "xlsx", "--out", xlsx.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("Wrote " + xlsx);
        ParsedPlan before = PlanParsers.standard().parse("plan.tsv", source, null);
        ParsedPlan after = PlanParsers.standard().parse("plan.xlsx", Files.readAllBytes(xlsx), null);
        assertThat(after.actions())
                .extracting(ParsedPlan.Action::ref, ParsedPlan.Action::text)
                .containsExactlyElementsOf(before.actions().stream()
                        .map(a -> tuple(a.ref(), a.text()))
                        .toList());

        Path pdf = dir.resolve("pack.pdf");
        Result pack = Result.run("report", "pack", "--next", "2026-04-09", "--format", "pdf", "--out", pdf.toString());
        assertThat(pack.exit()).as(pack.err()).isZero();
        assertThat(Files.readAllBytes(pdf)).startsWith('%', 'P', 'D', 'F');

        Result wrong = Result.run("export", "No such plan", "--format", "xlsx", "--out", xlsx.toString());
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("assure export: no plan No such plan");
        Result badFormat = Result.run("export", "x", "--format", "pptx", "--out", xlsx.toString());
        assertThat(badFormat.exit()).isEqualTo(2);
    }
}
