package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;

/**
 * Each seed plan uploaded as a user would, as text, then the same plan as .docx and .xlsx: the preview shows the
 * right number of actions; the text version is imported, and the Word and Excel versions are recognised as the
 * same plan and update it with every action matched and none missing. Runs only when ../shared is beside the repo.
 */
@AppTest
@TestPropertySource(properties = {"assure.test.context=seed-upload", "assure.demo-data=false"})
class SeedUploadIT {

    private static final Path SEEDS = Path.of("../shared/seeds");

    @LocalServerPort
    int port;

    Browserless browser;

    static Stream<String> seeds() throws IOException {
        if (!Files.isDirectory(SEEDS)) {
            return Stream.of("(none)");
        }
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files
                    .map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".txt"))
                    .map(n -> n.replace(".txt", ""))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @BeforeEach
    void signIn() {
        browser = new Browserless(port);
        browser.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void theTextWordAndExcelVersionsAreTheSamePlan(String stem) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "../shared is not beside the repo");
        int actions = new ObjectMapper()
                .readTree(SEEDS.resolve("../fixtures/truth/" + stem + ".truth.json")
                        .toFile())
                .get("actions")
                .size();

        Document text = upload(stem + ".txt", Files.readAllBytes(SEEDS.resolve(stem + ".txt")));
        assertThat(text.select(".govuk-summary-list").text()).contains(actions + " actions");
        HttpResponse<String> imported = browser.post(
                text.selectFirst("form[action$=/confirm]").attr("action"),
                Map.of("_csrf", Browserless.csrf(text), "mode", "new"));
        assertThat(imported.statusCode()).isEqualTo(200);
        String planPath = imported.uri().getPath();
        assertThat(planPath).startsWith("/plans/");

        for (Path other :
                new Path[] {SEEDS.resolve("docx/" + stem + ".docx"), SEEDS.resolve("xlsx/" + stem + ".xlsx")}) {
            if (!Files.exists(other)) {
                continue; // 002 exists only as text from a PDF
            }
            Document preview = upload(other.getFileName().toString(), Files.readAllBytes(other));
            assertThat(preview.select(".govuk-summary-list").text())
                    .as(other.toString())
                    .contains(actions + " actions");
            assertThat(preview.select("h2").eachText()).as(other.toString()).contains("You already have this plan");
            assertThat(preview.select("input[name=closeMissing]"))
                    .as("nothing missing in " + other)
                    .isEmpty();
            HttpResponse<String> updated = browser.post(
                    preview.selectFirst("form[action$=/confirm]").attr("action"),
                    Map.of("_csrf", Browserless.csrf(preview), "mode", "update"));
            assertThat(updated.uri().getPath()).isEqualTo(planPath);
            assertThat(Jsoup.parse(updated.body())
                            .select(".govuk-notification-banner")
                            .text())
                    .as(other.toString())
                    .contains(actions + " actions kept with their history, 0 added, 0 closed");
        }
        assertThat(browser.page(planPath).select("tbody tr").size())
                .as("the plan page lists every action")
                .isGreaterThanOrEqualTo(actions);
    }

    private Document upload(String fileName, byte[] content) {
        Document form = browser.page("/imports/new");
        HttpResponse<String> response = browser.upload("/imports", Browserless.csrf(form), "file", fileName, content);
        assertThat(response.statusCode())
                .as(fileName + ": "
                        + Jsoup.parse(response.body())
                                .select(".govuk-error-summary")
                                .text())
                .isEqualTo(200);
        return Jsoup.parse(response.body(), response.uri().toString());
    }
}
