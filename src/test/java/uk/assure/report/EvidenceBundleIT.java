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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import uk.assure.account.Role;
import uk.assure.account.UserRepository;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.EvidenceFile;
import uk.assure.plan.PlanWriter;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.TestClock;
import uk.assure.system.Scope;

/**
 * Evidence for inspectors: the PDF's index lists the chosen findings and every evidence file with the page each is
 * on; the zip holds that PDF and the files named as the index names them; a viewer gets only a granted plan, and
 * nobody gets another partnership's plan; each bundle made is audited.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=evidence-bundle")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceBundleIT {

    private static final String PASSWORD = "a long enough test password";
    private static final String ADMIN = "manager@bundle.test";
    private static final String VIEWER = "inspector@bundle.test";
    private static final String OTHER = "manager@other-bundle.test";

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

    long partnership;
    String planId;
    String ungrantedPlanId;
    String otherPartnershipPlanId;

    @BeforeAll
    void twoPlansWithEvidence() {
        Scope.everyPartnership(this::setUp);
    }

    private void setUp() {
        Instant now = TestClock.of(port).instant();
        partnership = directory.createPartnership("Bundle partnership").id();
        long police = directory.createAgency(partnership, "Police", null, List.of());
        long admin = users.create(
                partnership,
                new UserRepository.NewUser(ADMIN, "Business Manager", Role.ADMIN, null),
                passwords.encode(PASSWORD));
        long viewer = users.create(
                partnership,
                new UserRepository.NewUser(VIEWER, "Ina Inspector", Role.VIEWER, null),
                passwords.encode(PASSWORD));
        PlanWriter.Created plan = writer.create(
                partnership,
                aPlan().titled("Inspection plan")
                        .with(aSection("1")
                                .titled("Front door")
                                .withFinding("1", "Leaders must see the data")
                                .withFinding("2", "Referrals must be timely")
                                .with(anAction("1.1")
                                        .text("Build the dashboard")
                                        .answering("1")
                                        .ledBy(police, null)
                                        .status(ActionStatus.NOT_STARTED, null))
                                .with(anAction("1.2")
                                        .text("Audit the referrals")
                                        .answering("2")
                                        .ledBy(police, null)
                                        .status(ActionStatus.NOT_STARTED, null)))
                        .build(),
                now.minus(Duration.ofDays(5)));
        planId = plan.externalId();
        ungrantedPlanId = writer.create(
                        partnership, aPlan().titled("Another plan").build(), now.minus(Duration.ofDays(5)))
                .externalId();
        jdbc.sql("""
                INSERT INTO viewer_grant (partnership_id, user_id, plan_id, expires_on)
                SELECT partnership_id, ?, id, current_date + 30 FROM plan WHERE external_id = ?""").params(viewer, planId).update();
        Scope.partnership(partnership, () -> {
            record(admin, "1.1", "Dashboard drafted", "board report (March).pdf");
            record(admin, "1.1", "Dashboard live", "screenshot.png");
            record(admin, "1.2", "Referrals audited", "audit.txt");
            return null;
        });

        long other = directory.createPartnership("Other bundle partnership").id();
        users.create(
                other,
                new UserRepository.NewUser(OTHER, "Other Manager", Role.ADMIN, null),
                passwords.encode(PASSWORD));
        otherPartnershipPlanId =
                writer.create(other, aPlan().titled("Their plan").build(), now).externalId();
    }

    private void record(long admin, String ref, String narrative, String fileName) {
        var row = jdbc.sql("SELECT a.external_id, a.version FROM action a JOIN plan p ON p.id = a.plan_id "
                        + "WHERE p.external_id = ? AND a.ref = ?")
                .params(planId, ref)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)})
                .single();
        byte[] content = fileName.endsWith(".pdf")
                ? "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)
                : fileName.endsWith(".png")
                        ? new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}
                        : "Referrals audited: 40 of 40 on time\n".getBytes(StandardCharsets.UTF_8);
        progress.record(
                partnership,
                (String) row[0],
                (Integer) row[1],
                ProgressEntry.note(narrative, ActionStatus.IN_PROGRESS),
                new ProgressService.Author(admin, "Business Manager"),
                EvidenceFile.of(fileName, content));
    }

    @Test
    void theZipHoldsTheIndexedPdfAndTheFilesNamedAsTheIndexNamesThem() throws Exception {
        Browserless admin = signedIn(ADMIN);
        HttpResponse<byte[]> zip = get(admin, "/plans/" + planId + "/evidence-bundle.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/zip");
        Map<String, byte[]> entries = unzip(zip.body());
        assertThat(entries.keySet())
                .containsExactly(
                        "evidence-bundle.pdf", "E01-board_report_March_.pdf", "E02-screenshot.png", "E03-audit.txt");
        assertThat(new String(entries.get("E03-audit.txt"), StandardCharsets.UTF_8))
                .contains("40 of 40");

        byte[] pdf = entries.get("evidence-bundle.pdf");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/evidence-bundle.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
            // the index: each finding and each file with the page it is on (the index is page 1; one page a finding)
            assertThat(text).contains("1 Leaders must see the data 2", "2 Referrals must be timely 3");
            assertThat(text)
                    .contains("E01 E01-board_report_March_.pdf 2", "E02 E02-screenshot.png 2", "E03 E03-audit.txt 3");
            // the walk: finding, action, update, evidence
            assertThat(text.replaceAll("\\s+", " "))
                    .containsSubsequence(
                            "Finding 1: Leaders must see the data",
                            "Action 1.1: Build the dashboard",
                            "Dashboard drafted",
                            "E01: board report (March).pdf (E01-board_report_March_.pdf in the zip)",
                            "Finding 2: Referrals must be timely",
                            "Action 1.2: Audit the referrals",
                            "E03: audit.txt");
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
        }

        // audited: who, which plan, and the files it held (other tests here make bundles of this plan too)
        List<String> audited = Scope.everyPartnership(
                () -> jdbc.sql("""
                        SELECT after_state::text FROM audit_event
                        WHERE event_type = 'EVIDENCE_BUNDLE_MADE' AND object_id = ? AND actor = ?""").params(planId, ADMIN).query(String.class).list());
        assertThat(audited)
                .anySatisfy(after -> assertThat(after)
                        .contains("\"zip\"", "E01-board_report_March_.pdf", "E02-screenshot.png", "E03-audit.txt"));
    }

    @Test
    void chosenFindingsOnlyAndTheirFilesOnly() throws Exception {
        Browserless admin = signedIn(ADMIN);
        String second = Scope.everyPartnership(() -> jdbc.sql(
                        "SELECT f.external_id FROM finding f JOIN plan p ON p.id = f.plan_id WHERE p.external_id = ? AND f.ref = '2'")
                .param(planId)
                .query(String.class)
                .single());
        assertThat(admin.page("/plans/" + planId + "/evidence-bundle").select("input[name=finding]"))
                .hasSize(2);
        HttpResponse<byte[]> zip = get(admin, "/plans/" + planId + "/evidence-bundle.zip?finding=" + second);
        assertThat(unzip(zip.body()).keySet()).containsExactly("evidence-bundle.pdf", "E01-audit.txt");
        assertThat(get(admin, "/plans/" + planId + "/evidence-bundle.zip?finding=no-such-finding")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<byte[]> pdf = get(admin, "/plans/" + planId + "/evidence-bundle.pdf?finding=" + second);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aViewerGetsOnlyAGrantedPlanAndNobodyAnotherPartnershipsPlan() throws Exception {
        Browserless viewer = signedIn(VIEWER);
        assertThat(get(viewer, "/plans/" + planId + "/evidence-bundle.zip").statusCode())
                .isEqualTo(200);
        assertThat(get(viewer, "/plans/" + ungrantedPlanId + "/evidence-bundle.zip")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(viewer, "/plans/" + ungrantedPlanId + "/evidence-bundle.pdf")
                        .statusCode())
                .isEqualTo(404);
        Browserless admin = signedIn(ADMIN);
        assertThat(get(admin, "/plans/" + otherPartnershipPlanId + "/evidence-bundle.zip")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(signedIn(OTHER), "/plans/" + planId + "/evidence-bundle.zip")
                        .statusCode())
                .isEqualTo(404);
    }

    private Browserless signedIn(String email) {
        Browserless browser = new Browserless(port);
        browser.signIn(email, PASSWORD);
        return browser;
    }

    private HttpResponse<byte[]> get(Browserless browser, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header(
                                        "Cookie",
                                        Browserless.SESSION_COOKIE + "=" + browser.cookie(Browserless.SESSION_COOKIE))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
