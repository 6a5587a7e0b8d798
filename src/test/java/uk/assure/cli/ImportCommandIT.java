package uk.assure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.assure.support.TestDatabase;

/**
 * {@code assure import FILE}: into the database the app uses, with no web server; run twice, the second run of a
 * newer version updates the plan in place and lists what is missing.
 */
class ImportCommandIT {

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
    void importsThenUpdatesTheSamePlan() throws Exception {
        String v1 = new String(getClass()
                .getResourceAsStream("/importer/fixtures/small-plan.tsv")
                .readAllBytes());
        Path first = Files.writeString(dir.resolve("plan-v1.tsv"), v1);
        Path second = Files.writeString(
                dir.resolve("plan-v2.tsv"),
                v1.replace("Version 2: updated June 2024", "Version 3: updated September 2024")
                        .replaceAll("(?m)^1\\.2\t.*\n", ""));

        Result imported = Result.run("import", first.toString());
        Result updated = Result.run("import", "--close-missing", second.toString());

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported \"Multi-agency audit improvement plan\"", "4 actions");
        assertThat(updated.exit()).as(updated.err()).isZero();
        assertThat(updated.out())
                .contains("missing  Give the ICB safeguarding team access to the MASH records. (closed as superseded)")
                .contains("to Version 3: updated September 2024: 3 actions kept with their history, 0 added, 1 closed");
    }

    @Test
    void theAuditLogVerifiesFromTheCommandLine() {
        Result verified = Result.run("audit", "verify");

        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("The audit log is intact");
    }

    @Test
    void anUnreadableFileIsOneLineAndWritesNothing() throws Exception {
        Path noise = Files.write(dir.resolve("noise.docx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});

        Result result = Result.run("import", noise.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).doesNotContain("\n").startsWith("assure import: noise.docx: ");
    }
}
