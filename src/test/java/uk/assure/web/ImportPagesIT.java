package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import uk.assure.importer.GoldenWorkbook;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;

/**
 * Upload → preview → confirm, as an admin does it in the browser; cancel and refusals leave nothing. Its own
 * application context, so the plans it imports are not seen by the page tests that count the demo plans.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=imports")
class ImportPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browserless browser;

    @BeforeEach
    void signIn() {
        browser = new Browserless(port);
        browser.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
    }

    @Test
    void anUploadedPlanIsPreviewedThenImportedOnConfirm() throws IOException {
        long plansBefore = count("plan");
        Document preview = upload("small-plan.tsv", fixture());

        assertThat(preview.select("h1").text()).isEqualTo("Check the plan before you import it");
        assertThat(preview.select(".govuk-summary-list").text()).contains("2 sections", "4 actions", "2 acronyms");
        assertThat(preview.select("table").text()).contains("Publish a referral checklist for all partners.", "Mar.24");
        assertThat(preview.select(".govuk-details__text").text()).contains("When the new system arrives");
        assertThat(count("plan")).as("nothing is written before confirm").isEqualTo(plansBefore);

        HttpResponse<String> confirmed = browser.post(
                preview.selectFirst("form[action$=/confirm]").attr("action"),
                Map.of("_csrf", Browserless.csrf(preview), "createAgency", "Testshire Clinic"));

        Document plan = Jsoup.parse(confirmed.body());
        assertThat(confirmed.uri().getPath()).startsWith("/plans/");
        String planId = confirmed.uri().getPath().substring("/plans/".length());
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE event_type = 'PLAN_IMPORTED' AND object_id = ?")
                        .param(planId)
                        .query(String.class)
                        .list())
                .as("the import is an audit event")
                .containsExactly(FreshDatabase.ADMIN_EMAIL);
        assertThat(plan.select(".govuk-notification-banner").text()).contains("Plan imported");
        assertThat(plan.select("table").text()).contains("Audit twenty referrals against the checklist.");
        assertThat(count("plan")).isEqualTo(plansBefore + 1);
        assertThat(count("pending_import")).isZero();
    }

    @Test
    void cancellingLeavesNothingBehind() throws IOException {
        long plansBefore = count("plan");
        Document preview = upload("small-plan.tsv", fixture());

        browser.post(
                preview.selectFirst("form[action$=/cancel]").attr("action"),
                Map.of("_csrf", Browserless.csrf(preview)));

        assertThat(count("plan")).isEqualTo(plansBefore);
        assertThat(count("pending_import")).isZero();
    }

    @Test
    void aFileOfRandomBytesIsRefusedOnTheUploadPageWithTheErrorSummary() {
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);

        Document page = upload("plan.docx", noise);

        assertThat(page.select(".govuk-error-summary").text()).contains("There is a problem", "plan.docx");
        assertThat(page.select("#file-error").text()).contains("plan.docx");
        assertThat(page.selectFirst("#file").attr("aria-describedby")).contains("file-error");
        assertThat(count("pending_import")).isZero();
    }

    @Test
    void aFileOverTheLimitIsAFieldErrorNotAStackTrace() {
        Document page = upload("huge.txt", new byte[11 * 1024 * 1024]);

        assertThat(page.select("#file-error").text()).contains("The file must be 10 MB or smaller");
    }

    @Test
    void anUnknownSheetIsAnErrorOnTheSheetField() {
        byte[] workbook = GoldenWorkbook.tracker();
        Document form = browser.page("/imports/new");
        HttpResponse<String> response = browser.upload(
                "/imports",
                Map.of("_csrf", Browserless.csrf(form), "sheet", "Actions"),
                "file",
                "tracker.xlsx",
                workbook);

        Document page = Jsoup.parse(response.body());
        assertThat(page.select("#sheet-error").text()).contains("there is no sheet 'Actions'; its sheets are Tracker");
        assertThat(page.selectFirst("#sheet").val()).isEqualTo("Actions");
        assertThat(page.selectFirst("#sheet").attr("aria-describedby")).contains("sheet-error");
    }

    @Test
    void noFileChosenIsRefused() {
        Document page = upload("", new byte[0]);

        assertThat(page.select("#file-error").text()).contains("Select a plan to upload");
    }

    private Document upload(String fileName, byte[] content) {
        Document form = browser.page("/imports/new");
        HttpResponse<String> response = browser.upload("/imports", Browserless.csrf(form), "file", fileName, content);
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    @Test
    void aNewerVersionOfAHeldPlanIsOfferedAsAnUpdateAndKeepsTheActions() throws IOException {
        String v1 = new String(fixture(), StandardCharsets.UTF_8)
                .replace("Multi-agency audit improvement plan", "Neglect strategy action plan");
        Document first = upload("neglect-v1.tsv", v1.getBytes(StandardCharsets.UTF_8));
        String planPath = browser.post(
                        first.selectFirst("form[action$=/confirm]").attr("action"),
                        Map.of("_csrf", Browserless.csrf(first)))
                .uri()
                .getPath();
        long actionsBefore = count("action");

        String v2 = v1.replace("Version 2: updated June 2024", "Version 3: updated September 2024")
                .replaceAll("(?m)^1\\.2\t.*\n", "");
        Document preview = upload("neglect-v2.tsv", v2.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.select("h2").eachText()).contains("You already have this plan");
        assertThat(preview.selectFirst("input[name=mode][value=update]").hasAttr("checked"))
                .isTrue();
        assertThat(preview.select("input[name=closeMissing] + label").eachText())
                .containsExactly("Give the ICB safeguarding team access to the MASH records.");

        HttpResponse<String> updated = browser.post(
                preview.selectFirst("form[action$=/confirm]").attr("action"),
                Map.of("_csrf", Browserless.csrf(preview), "mode", "update"));

        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.uri().getPath()).isEqualTo(planPath);
        assertThat(Jsoup.parse(updated.body())
                        .select(".govuk-notification-banner")
                        .text())
                .contains("Plan updated to the new version: 3 actions kept with their history, 0 added, 0 closed");
        assertThat(count("action")).as("the missing action is kept").isEqualTo(actionsBefore);
    }

    private byte[] fixture() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/importer/fixtures/small-plan.tsv")) {
            return in.readAllBytes();
        }
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
