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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
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
import uk.assure.plan.FindingKind;
import uk.assure.plan.NewPlan;
import uk.assure.plan.PlanWriter;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.Chromium;
import uk.assure.support.TestClock;
import uk.assure.support.TestPlans.ActionBuilder;
import uk.assure.system.Scope;

/**
 * A plan with a known history and a snapshot taken part way through it: the pack must say exactly what happened
 * since, section by section, and say it the same way on the page, in the PDF and in the Word document. Then the pack
 * is issued, and opens again unchanged after the plan has moved on.
 *
 * <p>The plan (day 0 is the day the test starts; the snapshot is taken on day 0, the pack made on day 2):
 * <ul>
 *   <li>1.1 Police, due day -10, not started: Red; after the snapshot a note moves it to In progress;</li>
 *   <li>1.2 Council, due day 100: Green; after, its due date is revised to day 130 ("Trainer left");</li>
 *   <li>1.3 Police, due day 20, in progress: Green; after, completed (signed off), with evidence of impact;</li>
 *   <li>1.4 Council, due day 5, not started, created 100 days ago: Amber (stale), never updated;</li>
 *   <li>1.6 Council, due day 1, not started: Amber; by day 2 it is overdue (Red);</li>
 *   <li>1.7 Council, due day 50, in progress: Green; after, closed ("Merged into 1.2");</li>
 *   <li>after the snapshot: action 1.5 (Police, due day 60) and finding 2 are added.</li>
 * </ul>
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=board-pack")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardPackIT {

    private static final String PASSWORD = "a long enough test password";
    private static final String EMAIL = "manager@pack.test";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final String HOSTILE = "Audit the front door & <b>reception</b>";

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

    LocalDate day0;
    long partnership;
    String planId;
    String snapshotId;
    SignedInUser admin;
    Browserless browser;

    @BeforeAll
    void aPlanWithAKnownHistory() {
        Scope.everyPartnership(this::setUp);
        browser = new Browserless(port);
        browser.signIn(EMAIL, PASSWORD);
    }

    private void setUp() {
        TestClock clock = TestClock.of(port);
        Instant now = clock.instant();
        day0 = LocalDate.ofInstant(now, clock.getZone());
        partnership = directory.createPartnership("Pack partnership").id();
        long police = directory.createAgency(partnership, "Police", null, List.of());
        long council = directory.createAgency(partnership, "Council", null, List.of());
        long adminId = users.create(
                partnership,
                new UserRepository.NewUser(EMAIL, "Business Manager", Role.ADMIN, null),
                passwords.encode(PASSWORD));
        admin = new SignedInUser(adminId, "x", partnership, EMAIL, "Business Manager", null, Role.ADMIN, null, true);
        PlanWriter.Created plan = writer.create(
                partnership,
                aPlan().titled("Pack plan")
                        .with(aSection("1")
                                .titled("Front door")
                                .with(action("1.1", HOSTILE, police, "Police", -10, ActionStatus.NOT_STARTED))
                                .with(action(
                                        "1.2", "Train the staff", council, "Council", 100, ActionStatus.NOT_STARTED))
                                .with(action("1.3", "Write the policy", police, "Police", 20, ActionStatus.IN_PROGRESS))
                                .with(action(
                                        "1.4", "Review the cases", council, "Council", 5, ActionStatus.NOT_STARTED))
                                .with(action("1.6", "Book the venue", council, "Council", 1, ActionStatus.NOT_STARTED))
                                .with(action(
                                        "1.7", "Merge the panels", council, "Council", 50, ActionStatus.IN_PROGRESS)))
                        .build(),
                now.minus(Duration.ofDays(5)));
        planId = plan.externalId();
        // midday of the day 100 days back, in the app's zone: the same instant less 100 days can fall on another
        // day there when summer time lies between (late evening in the winter)
        Instant hundredDaysBack =
                day0.minusDays(100).atTime(12, 0).atZone(clock.getZone()).toInstant();
        jdbc.sql("UPDATE action SET created_at = ? WHERE plan_id = ? AND ref = '1.4'")
                .params(Timestamp.from(hundredDaysBack), plan.planId())
                .update();
        jdbc.sql("UPDATE action SET evidence_of_impact = ? WHERE plan_id = ? AND ref = '1.3'")
                .params("Repeat referrals <fell> by a third", plan.planId())
                .update();

        snapshotId = Scope.partnership(
                partnership,
                () -> packs.takeSnapshot(admin, "The board of 12 March", day0, planId)
                        .externalId());

        // the history after the snapshot, two days on
        clock.move(Duration.ofDays(2));
        Instant later = clock.instant();
        Scope.partnership(partnership, () -> {
            record("1.1", ProgressEntry.note("Still waiting for the auditor", ActionStatus.IN_PROGRESS), later);
            record(
                    "1.2",
                    ProgressEntry.note("The trainer left", ActionStatus.NOT_STARTED)
                            .withRevisedDue(DueDate.exact(day0.plusDays(130)), "Trainer left"),
                    later);
            record("1.3", ProgressEntry.note("Policy published", ActionStatus.COMPLETED), later);
            record("1.7", ProgressEntry.note("Merged", ActionStatus.CLOSED).withStatusReason("Merged into 1.2"), later);
            writer.addToSection(
                    partnership,
                    plan.planId(),
                    new NewPlan.Section(
                            "1",
                            "Front door",
                            null,
                            List.of(new NewPlan.Finding("2", FindingKind.RECOMMENDATION, "Leaders must see the data")),
                            List.of(new NewPlan.Action(
                                    "1.5",
                                    "Check the audit",
                                    List.of(),
                                    List.of(new NewPlan.Lead(police, null)),
                                    "Police",
                                    DueDate.exact(day0.plusDays(60)),
                                    null,
                                    null,
                                    null,
                                    null,
                                    ActionStatus.NOT_STARTED,
                                    null))),
                    later);
            return null;
        });
    }

    private ActionBuilder action(String ref, String text, long agency, String lead, int dueIn, ActionStatus status) {
        return anAction(ref)
                .text(text)
                .ledBy(agency, null)
                .leadRaw(lead)
                .due(LocalDate.now(TestClock.of(port)).plusDays(dueIn).format(DAY))
                .status(status, null);
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

    private String date(int days) {
        return day0.plusDays(days).format(DAY);
    }

    private String query() {
        return "?plan=" + planId + "&snapshot=" + snapshotId + "&next=" + day0.plusDays(30);
    }

    /** What each section must say, in order, as text any of the three formats shows. */
    private List<String> expectedInOrder() {
        return List.of(
                "The board of 12 March",
                "1. Summary",
                "2. Exceptions",
                "1.1",
                HOSTILE,
                "Still waiting for the auditor",
                "1.6",
                "Book the venue",
                "No update yet",
                "1.4",
                "Review the cases",
                "3. Slippage",
                "Train the staff",
                "Trainer left",
                "4. Changes since the snapshot",
                "Actions added (1)",
                "Check the audit",
                "Completed and signed off (1)",
                "Write the policy",
                "Closed (1)",
                "Merge the panels",
                "Newly overdue (1)",
                "Book the venue",
                "RAG changed (3)",
                "Green to Completed",
                "Amber to Red",
                "Green to Closed",
                "Due date revised (1)",
                date(100) + " to " + date(130),
                "because: Trainer left",
                "Status changed (3)",
                "Not started to In progress",
                "In progress to Completed",
                "In progress to Closed",
                "Updates added (4)",
                "Findings added (1)",
                "Leaders must see the data",
                "5. Not updated in 60 days",
                "Council",
                "Review the cases",
                "6. Falling due before the next meeting on " + date(30),
                "Review the cases",
                date(5),
                "7. Completed since the snapshot",
                "Write the policy",
                "Repeat referrals <fell> by a third");
    }

    private static void assertInOrder(String text, List<String> expected, String format) {
        String flat = text.replaceAll("\\s+", " ");
        int at = 0;
        for (String want : expected) {
            int found = flat.indexOf(want.replaceAll("\\s+", " "), at);
            assertThat(found)
                    .as(format + ": \"" + want + "\" after position " + at)
                    .isGreaterThanOrEqualTo(0);
            at = found + 1;
        }
    }

    @Test
    @Order(1)
    void thePageSaysEveryNumberAndRowOfThePack() throws Exception {
        Document page = browser.page("/reports/pack" + query());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/board-pack.html"), page.outerHtml());

        // 1. counts: Red, Amber, No due date, Green, Awaiting sign-off, Completed, Closed, Total
        assertThat(cells(page, "#counts-plan tbody tr"))
                .containsExactly(List.of("Pack plan", "2", "1", "0", "2", "0", "1", "1", "7"));
        assertThat(cells(page, "#counts-section tbody tr"))
                .containsExactly(List.of("Front door", "2", "1", "0", "2", "0", "1", "1", "7"));
        assertThat(cells(page, "#counts-agency tbody tr"))
                .containsExactly(
                        List.of("Council", "1", "1", "0", "1", "0", "0", "1", "4"),
                        List.of("Police", "1", "0", "0", "1", "0", "1", "0", "3"));
        Element chart = page.selectFirst("svg[role=img]");
        assertThat(chart.attr("aria-labelledby")).isEqualTo("chart-plan-title chart-plan-desc");
        assertThat(chart.select("title").text()).isEqualTo("Actions by RAG in each plan");
        assertThat(chart.select("desc").text()).contains("the table that follows gives the same numbers");
        assertThat(chart.select("pattern")).hasSize(7);

        // 2. exceptions: Red first, then Amber, each with why, lead and latest update
        List<List<String>> exceptions = cells(page, "#exceptions-table tbody tr");
        assertThat(exceptions).hasSize(3);
        assertThat(exceptions.get(0).get(0)).isEqualTo("1.1 " + HOSTILE);
        assertThat(exceptions.get(0).subList(1, 5))
                .containsExactly(
                        "Red", exceptions.get(0).get(2), "Police", date(2) + ": Still waiting for the auditor");
        assertThat(exceptions.get(0).get(2)).startsWith("Due " + date(-10) + ", 12 days ago");
        assertThat(exceptions.get(1))
                .containsExactly("1.6 Book the venue", "Red", exceptions.get(1).get(2), "Council", "No update yet");
        assertThat(exceptions.get(1).get(2)).startsWith("Due " + date(1) + ", 1 day ago");
        assertThat(exceptions.get(2).subList(0, 2)).containsExactly("1.4 Review the cases", "Amber");
        assertThat(exceptions.get(2).get(2)).contains("102 days");
        assertThat(page.select("#exceptions-table b"))
                .as("free text stays text")
                .isEmpty();

        // 3. slippage
        assertThat(cells(page, "#slippage-table tbody tr"))
                .containsExactly(List.of(
                        "1.2 Train the staff",
                        date(100),
                        date(130),
                        "1",
                        "30",
                        date(2) + ", to " + date(130) + ": Trainer left"));

        // 4. changes, grouped
        assertThat(items(page, "#changes-added-list")).containsExactly("1.5 Check the audit");
        assertThat(items(page, "#changes-completed-list")).containsExactly("1.3 Write the policy");
        assertThat(items(page, "#changes-closed-list")).containsExactly("1.7 Merge the panels");
        assertThat(items(page, "#changes-newlyOverdue-list")).containsExactly("1.6 Book the venue");
        assertThat(items(page, "#changes-rag-list"))
                .containsExactly(
                        "1.3 Write the policy: Green to Completed",
                        "1.6 Book the venue: Amber to Red",
                        "1.7 Merge the panels: Green to Closed");
        assertThat(items(page, "#changes-due-list"))
                .containsExactly("1.2 Train the staff: " + date(100) + " to " + date(130) + " because: Trainer left");
        assertThat(items(page, "#changes-status-list"))
                .containsExactly(
                        "1.1 " + HOSTILE + ": Not started to In progress",
                        "1.3 Write the policy: In progress to Completed",
                        "1.7 Merge the panels: In progress to Closed");
        assertThat(items(page, "#changes-updates-list"))
                .containsExactly(
                        "1.1 " + HOSTILE + ": 1 update, the latest on " + date(2),
                        "1.2 Train the staff: 1 update, the latest on " + date(2),
                        "1.3 Write the policy: 1 update, the latest on " + date(2),
                        "1.7 Merge the panels: 1 update, the latest on " + date(2));
        assertThat(items(page, "#changes-findings-list")).containsExactly("Pack plan: 2 Leaders must see the data");

        // 5. not updated in the staleness window, per lead agency
        assertThat(page.select("#not-updated-0 caption").text()).isEqualTo("Council");
        assertThat(cells(page, "#not-updated-0 tbody tr"))
                .containsExactly(List.of("1.4 Review the cases", date(-100), "102"));
        assertThat(page.select("#not-updated-1")).isEmpty();

        // 6. falling due before the next meeting
        assertThat(cells(page, "#falling-due-table tbody tr"))
                .containsExactly(List.of("1.4 Review the cases", date(5), "Amber", "Council"));

        // 7. completed since the snapshot, with the evidence of impact
        assertThat(cells(page, "#completed-table tbody tr"))
                .containsExactly(List.of("1.3 Write the policy", "Police", "Repeat referrals <fell> by a third"));

        assertInOrder(page.select("main").text(), expectedInOrder(), "HTML");
    }

    @Test
    @Order(2)
    void thePdfAndTheWordDocumentSayTheSameInTheSameOrder() throws Exception {
        BoardPacks.Request request = new BoardPacks.Request(List.of(planId), snapshotId, day0.plusDays(30));
        byte[] pdf = Scope.partnership(partnership, () -> packs.pdf(admin, request));
        byte[] docx = Scope.partnership(partnership, () -> packs.docx(admin, request));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/board-pack.pdf"), pdf);
        Files.write(Path.of("target/board-pack.docx"), docx);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertInOrder(text, expectedInOrder(), "PDF");
            // PDF/UA: tagged, with a structure tree, a title shown as the window's title, and a language
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Board pack for the meeting of " + date(30));
            assertThat(text).contains("Pack plan 2 1 0 2 0 1 1 7");
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor words = new XWPFWordExtractor(document)) {
            String text = words.getText();
            assertInOrder(text, expectedInOrder(), "Word");
            assertThat(text.replaceAll("\\s+", " ")).contains("Pack plan 2 1 0 2 0 1 1 7");
            assertThat(document.getAllPictures()).hasSize(3);
            assertThat(document.getParagraphs().stream()
                            .filter(p -> "Heading2".equals(p.getStyle()))
                            .map(p -> p.getText().substring(0, 2)))
                    .containsExactly("1.", "2.", "3.", "4.", "5.", "6.", "7.");
            assertThat(document.getTables().get(1).getRow(0).isRepeatHeader()).isTrue();
        }
    }

    @Test
    @Order(3)
    void anIssuedPackIsAuditedSnapshotsItselfAndOpensAgainUnchanged() throws Exception {
        String csrf = Browserless.csrf(browser.page("/reports/pack" + query()));
        HttpResponse<String> issued = browser.firstAnswer(
                "POST",
                "/reports/packs",
                Map.of(
                        "plan",
                        planId,
                        "snapshot",
                        snapshotId,
                        "next",
                        day0.plusDays(30).toString(),
                        "_csrf",
                        csrf));
        assertThat(issued.statusCode()).isEqualTo(302);
        String location = issued.headers().firstValue("Location").orElseThrow();
        String packId = location.substring(location.lastIndexOf('/') + 1);
        String before = browser.page("/reports/packs/" + packId).select("main").html();

        var event = Scope.everyPartnership(() -> jdbc.sql("""
                        SELECT actor, after_state::text FROM audit_event WHERE event_type = 'BOARD_PACK_ISSUED' AND object_id = ?""")
                .param(packId)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .single());
        assertThat(event.get(0)).isEqualTo(EMAIL);
        assertThat(event.get(1)).contains(snapshotId, planId);

        HttpResponse<byte[]> pdf = bytes("/reports/packs/" + packId + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("filename*=UTF-8''board-pack%20" + day0.plusDays(30) + ".pdf");
        byte[] stored = Scope.everyPartnership(() -> jdbc.sql("SELECT pdf FROM board_pack WHERE external_id = ?")
                .param(packId)
                .query(byte[].class)
                .single());
        assertThat(pdf.body()).isEqualTo(stored);

        // the plan moves on; the issued pack does not, and the next pack compares with what this board saw
        Scope.partnership(partnership, () -> {
            record(
                    "1.4",
                    ProgressEntry.note("Cases reviewed at last", ActionStatus.IN_PROGRESS),
                    TestClock.of(port).instant());
            return null;
        });
        assertThat(browser.page("/reports/packs/" + packId).select("main").html())
                .isEqualTo(before);
        assertThat(bytes("/reports/packs/" + packId + "/pdf").body()).isEqualTo(stored);
        Document next = browser.page("/reports/pack?plan=" + planId);
        assertThat(next.select("#compared-with").text()).startsWith("Board pack for the meeting of " + date(30));
        assertThat(items(next, "#changes-updates-list"))
                .containsExactly("1.4 Review the cases: 1 update, the latest on " + date(2));
    }

    @Test
    @Order(4)
    void axeFindsNothingOnThePackPageOrTheReportsPageAndItsFormErrors() {
        try (Chromium chromium = new Chromium(port)) {
            chromium.open("/sign-in");
            chromium.driver().findElement(By.id("email")).sendKeys(EMAIL);
            chromium.driver().findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
            new WebDriverWait(chromium.driver(), Duration.ofSeconds(15))
                    .until(d -> !chromium.path().equals("/sign-in"));
            chromium.secondStep(EMAIL);
            Map<String, List<String>> violations = new LinkedHashMap<>();
            chromium.open("/reports/pack" + query());
            chromium.screenshot("board-pack");
            violations.put("pack", chromium.accessibilityViolations());
            chromium.open("/reports");
            chromium.screenshot("reports");
            violations.put("reports", chromium.accessibilityViolations());
            chromium.driver().findElement(By.id("heldOn-day")).sendKeys("27");
            chromium.driver().findElement(By.id("heldOn-year")).sendKeys("2026");
            chromium.driver()
                    .findElement(By.cssSelector("#take-snapshot + form button"))
                    .click();
            new WebDriverWait(chromium.driver(), Duration.ofSeconds(15))
                    .until(d -> !d.findElements(By.cssSelector(".govuk-error-summary"))
                            .isEmpty());
            chromium.screenshot("reports-errors");
            assertThat(chromium.driver().findElement(By.id("heldOn-error")).getText())
                    .contains("The date of the meeting must include a month");
            violations.put("reports with errors", chromium.accessibilityViolations());
            assertThat(violations)
                    .as("axe-core violations by page")
                    .allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
        }
    }

    @Test
    @Order(5)
    void theDateInputsPutEachErrorOnItsOwnFieldAndReRenderWith200() throws Exception {
        String csrf = Browserless.csrf(browser.page("/reports"));
        HttpResponse<String> missingMonth = browser.firstAnswer(
                "POST",
                "/reports/snapshots",
                Map.of("name", "The board", "heldOnDay", "27", "heldOnMonth", "", "heldOnYear", "2026", "_csrf", csrf));
        assertThat(missingMonth.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(missingMonth.body());
        assertThat(page.select("#heldOn-error").text()).contains("The date of the meeting must include a month");
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#heldOn-month");
        assertThat(page.select("#heldOn-month").hasClass("govuk-input--error")).isTrue();
        assertThat(page.select("#heldOn-day").val()).isEqualTo("27");

        HttpResponse<String> notReal =
                browser.firstAnswer("GET", "/reports/pack?nextDay=31&nextMonth=2&nextYear=2026", Map.of());
        assertThat(notReal.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(notReal.body()).select("#next-error").text())
                .contains("The date of the next meeting must be a real date");

        Document pack = browser.page("/reports/pack?plan=" + planId + "&nextDay=9&nextMonth=4&nextYear=2027");
        assertThat(pack.select("#download-pdf").attr("href")).contains("next=2027-04-09");
    }

    private HttpResponse<byte[]> bytes(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header(
                                        "Cookie",
                                        Browserless.SESSION_COOKIE + "=" + browser.cookie(Browserless.SESSION_COOKIE))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<List<String>> cells(Document page, String rows) {
        return page.select(rows).stream()
                .map(row -> row.children().stream().map(Element::text).toList())
                .toList();
    }

    private static List<String> items(Document page, String list) {
        return page.select(list + " > li").stream().map(Element::text).toList();
    }
}
