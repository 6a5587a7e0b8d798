package uk.assure.report;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.assure.support.TestPlans.aPlan;
import static uk.assure.support.TestPlans.aSection;
import static uk.assure.support.TestPlans.anAction;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import uk.assure.account.Role;
import uk.assure.account.SignedInUser;
import uk.assure.account.UserRepository;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.DueDate;
import uk.assure.plan.PlanWriter;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.TestClock;
import uk.assure.support.TestPlans.ActionBuilder;
import uk.assure.system.Scope;

/**
 * The published version: a marker planted in every kind of item an admin can mark as not for publication (a whole
 * action, the action's wording, its expected impact, its evidence of impact, an update's narrative and its reason for
 * a new date) is in the full pack where the pack shows that kind of item, and in no published output: not the page,
 * not the PDF's text, not the Word document's text. Each mark is made on the action page and audited.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=published-pack")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedPackIT {

    private static final String PASSWORD = "a long enough test password";
    private static final String EMAIL = "manager@published.test";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final List<String> SHOWN_IN_FULL =
            List.of("SECRET-WORDING", "SECRET-WHOLE", "SECRET-EVIDENCE", "SECRET-NARRATIVE", "SECRET-REASON");
    private static final List<String> EVERY_MARKER = List.of(
            "SECRET-WORDING",
            "SECRET-WHOLE",
            "SECRET-EVIDENCE",
            "SECRET-NARRATIVE",
            "SECRET-REASON",
            "SECRET-EXPECTED",
            "SECRET-HIDDEN-ACTION-UPDATE");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    PartnershipDirectory directory;

    @Autowired
    PlanWriter writer;

    @Autowired
    ProgressService progress;

    @Autowired
    BoardPacks packs;

    long partnership;
    String planId;
    String snapshotId;
    LocalDate day0;
    SignedInUser admin;
    Browserless browser;

    @BeforeAll
    void aPlanWithSecrets() {
        Scope.everyPartnership(this::setUp);
        browser = new Browserless(port);
        browser.signIn(EMAIL, PASSWORD);
        mark("1.1", "TEXT");
        mark("1.1", "EXPECTED_IMPACT");
        mark("1.3", "EVIDENCE_OF_IMPACT");
        mark("1.4", "ACTION");
        mark("1.1", "update:" + updateOf("1.1"));
        mark("1.2", "update:" + updateOf("1.2"));
    }

    private void setUp() {
        TestClock clock = TestClock.of(port);
        Instant now = clock.instant();
        day0 = LocalDate.ofInstant(now, clock.getZone());
        partnership = directory.createPartnership("Published partnership").id();
        long police = directory.createAgency(partnership, "Police", null, List.of());
        long adminId = users.create(
                partnership,
                new UserRepository.NewUser(EMAIL, "Business Manager", Role.ADMIN, null),
                passwords.encode(PASSWORD));
        admin = new SignedInUser(adminId, "x", partnership, EMAIL, "Business Manager", null, Role.ADMIN, null, true);
        PlanWriter.Created plan = writer.create(
                partnership,
                aPlan().titled("Published plan")
                        .with(aSection("1")
                                .titled("Front door")
                                .with(action(
                                        "1.1", "SECRET-WORDING Audit the door", police, -10, ActionStatus.NOT_STARTED))
                                .with(action("1.2", "Train the staff", police, 100, ActionStatus.NOT_STARTED))
                                .with(action("1.3", "Write the policy", police, 20, ActionStatus.IN_PROGRESS))
                                .with(action("1.4", "SECRET-WHOLE Review", police, -5, ActionStatus.NOT_STARTED)))
                        .build(),
                now.minus(Duration.ofDays(5)));
        planId = plan.externalId();
        jdbc.sql("UPDATE action SET expected_impact = 'SECRET-EXPECTED' WHERE plan_id = ? AND ref = '1.1'")
                .param(plan.planId())
                .update();
        jdbc.sql("UPDATE action SET evidence_of_impact = 'SECRET-EVIDENCE' WHERE plan_id = ? AND ref = '1.3'")
                .param(plan.planId())
                .update();
        snapshotId = Scope.partnership(
                partnership,
                () -> packs.takeSnapshot(admin, "The board", day0, planId).externalId());
        clock.move(Duration.ofDays(2));
        Instant later = clock.instant();
        Scope.partnership(partnership, () -> {
            record("1.1", ProgressEntry.note("SECRET-NARRATIVE the auditor", ActionStatus.IN_PROGRESS), later);
            record(
                    "1.2",
                    ProgressEntry.note("The trainer left", ActionStatus.NOT_STARTED)
                            .withRevisedDue(DueDate.exact(day0.plusDays(130)), "SECRET-REASON trainer"),
                    later);
            record("1.3", ProgressEntry.note("Policy published", ActionStatus.COMPLETED), later);
            record("1.4", ProgressEntry.note("SECRET-HIDDEN-ACTION-UPDATE", ActionStatus.IN_PROGRESS), later);
            return null;
        });
    }

    @Test
    void everyMarkIsAuditedAndShownOnTheActionPage() {
        long events = Scope.everyPartnership(() -> jdbc.sql(
                        "SELECT count(*) FROM audit_event WHERE event_type = 'PUBLICATION_WITHHELD' AND partnership_id = ?")
                .param(partnership)
                .query(Long.class)
                .single());
        assertThat(events).isEqualTo(6);
        var page = browser.page("/plans/" + planId + "/actions/" + actionOf("1.1"));
        assertThat(page.select("#publication ~ ul .govuk-tag--grey")).hasSize(2);

        // unmarking and marking again: two more events, the same marks
        mark("1.2", "TEXT");
        unmark("1.2", "TEXT");
        assertThat(Scope.everyPartnership(() -> jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE event_type = 'PUBLICATION_RESTORED' AND partnership_id = ?")
                        .param(partnership)
                        .query(Long.class)
                        .single()))
                .isEqualTo(1);
        HttpResponse<String> unknown = browser.firstAnswer(
                "POST",
                "/plans/" + planId + "/actions/" + actionOf("1.1") + "/publication",
                Map.of("item", "NOTHING", "_csrf", csrf("1.1")));
        assertThat(unknown.statusCode()).isEqualTo(302);
        HttpResponse<String> otherUpdate = browser.firstAnswer(
                "POST",
                "/plans/" + planId + "/actions/" + actionOf("1.3") + "/publication",
                Map.of("item", "update:" + updateOf("1.1"), "_csrf", csrf("1.3")));
        assertThat(otherUpdate.statusCode()).isEqualTo(404);
    }

    @Test
    void noMarkedItemIsInAnyPublishedOutputAndEachIsInTheFullPack() throws Exception {
        String query = "?plan=" + planId + "&snapshot=" + snapshotId + "&next=" + day0.plusDays(30);
        String fullHtml = browser.page("/reports/pack" + query).select("main").text();
        String fullPdf = pdfText(bytes("/reports/pack.pdf" + query));
        String fullDocx = docxText(bytes("/reports/pack.docx" + query));
        for (String shown : SHOWN_IN_FULL) {
            assertThat(fullHtml).as("full page").contains(shown);
            assertThat(fullPdf).as("full PDF").contains(shown);
            assertThat(fullDocx).as("full Word").contains(shown);
        }

        var published = browser.page("/reports/pack/published" + query);
        String html = published.select("main").text();
        byte[] pdf = bytes("/reports/pack/published.pdf" + query);
        byte[] docx = bytes("/reports/pack/published.docx" + query);
        Files.write(Path.of("target/board-pack-published.pdf"), pdf);
        String pdfText = pdfText(pdf);
        String docxText = docxText(docx);
        for (String marker : EVERY_MARKER) {
            assertThat(published.html()).as("published page").doesNotContain(marker);
            assertThat(pdfText).as("published PDF").doesNotContain(marker);
            assertThat(docxText).as("published Word").doesNotContain(marker);
        }
        String made = "This is the published version of the board pack, made "
                + day0.plusDays(2).format(DAY);
        assertThat(html).contains(made);
        assertThat(pdfText.replaceAll("\\s+", " ")).contains(made);
        assertThat(docxText).contains(made);
        assertThat(pdfText.indexOf("published version")).isLessThan(pdfText.indexOf("1. Summary"));
        // what is not marked is still there: the other actions, the unmarked update
        assertThat(html).contains("Train the staff", "Write the policy");
        assertThat(html).doesNotContain("null");
    }

    private ActionBuilder action(String ref, String text, long agency, int dueIn, ActionStatus status) {
        return anAction(ref)
                .text(text)
                .ledBy(agency, null)
                .leadRaw("Police")
                .due(LocalDate.now(TestClock.of(port)).plusDays(dueIn).format(DAY))
                .status(status, null);
    }

    private void mark(String ref, String item) {
        HttpResponse<String> answer = browser.firstAnswer(
                "POST",
                "/plans/" + planId + "/actions/" + actionOf(ref) + "/publication",
                Map.of("item", item, "withhold", "true", "_csrf", csrf(ref)));
        assertThat(answer.statusCode()).as(ref + " " + item).isEqualTo(302);
    }

    private void unmark(String ref, String item) {
        HttpResponse<String> answer = browser.firstAnswer(
                "POST",
                "/plans/" + planId + "/actions/" + actionOf(ref) + "/publication",
                Map.of("item", item, "withhold", "false", "_csrf", csrf(ref)));
        assertThat(answer.statusCode()).isEqualTo(302);
    }

    private String csrf(String ref) {
        return Browserless.csrf(browser.page("/plans/" + planId + "/actions/" + actionOf(ref)));
    }

    private String actionOf(String ref) {
        return Scope.everyPartnership(() -> jdbc.sql(
                        "SELECT a.external_id FROM action a JOIN plan p ON p.id = a.plan_id WHERE p.external_id = ? AND a.ref = ?")
                .params(planId, ref)
                .query(String.class)
                .single());
    }

    private String updateOf(String ref) {
        return Scope.everyPartnership(
                () -> jdbc.sql("""
                        SELECT u.external_id FROM progress_update u JOIN action a ON a.id = u.action_id
                        JOIN plan p ON p.id = a.plan_id WHERE p.external_id = ? AND a.ref = ?""").params(planId, ref).query(String.class).single());
    }

    private void record(String ref, ProgressEntry entry, Instant at) {
        var row = jdbc.sql("SELECT a.external_id, a.version FROM action a JOIN plan p ON p.id = a.plan_id "
                        + "WHERE p.external_id = ? AND a.ref = ?")
                .params(planId, ref)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)})
                .single();
        progress.recordAt(
                partnership,
                (String) row[0],
                (Integer) row[1],
                entry,
                new ProgressService.Author(admin.userId(), "Business Manager"),
                at);
    }

    private byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header(
                                        "Cookie",
                                        Browserless.SESSION_COOKIE + "=" + browser.cookie(Browserless.SESSION_COOKIE))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor words = new XWPFWordExtractor(document)) {
            return words.getText();
        }
    }
}
