package uk.assure.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.assure.support.TestPlans.aPlan;
import static uk.assure.support.TestPlans.aSection;
import static uk.assure.support.TestPlans.anAction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import uk.assure.account.ApiTokens;
import uk.assure.account.Role;
import uk.assure.account.SignedInUser;
import uk.assure.account.UserRepository;
import uk.assure.importer.ParsedPlan;
import uk.assure.importer.PlanParsers;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.DueDate;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.plan.PlanWork;
import uk.assure.plan.PlanWriter;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;
import uk.assure.support.ApiClient;
import uk.assure.support.AppTest;
import uk.assure.system.NotFoundException;
import uk.assure.system.Scope;

/**
 * A plan with known content (two sections; findings with refs, one answered by two actions; leads, timescales as
 * written and as days, oversight, expected impact, evidence of impact and the plan's own status words) is exported,
 * and the Word and Excel files are read back by the importer (what {@code assure parse} runs): every action is
 * matched by its ref and every field is equal. The CSV, JSON and safety are held here too, and each .docx and .xlsx
 * converts in LibreOffice when it is installed.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=plan-export")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanExportIT {

    static final String HOSTILE = "=HYPERLINK(\"http://evil.test\",\"click\")";

    @Autowired
    PartnershipDirectory directory;

    @Autowired
    PlanWriter writer;

    @Autowired
    UserRepository users;

    @Autowired
    ApiTokens tokens;

    @LocalServerPort
    int port;

    @Autowired
    ProgressService progress;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanExports exports;

    @Autowired
    PlanWork work;

    long partnership;
    String planId;
    SignedInUser admin;

    @BeforeAll
    void aPlanWithKnownContent() {
        Scope.everyPartnership(this::setUp);
    }

    private void setUp() {
        partnership = directory.createPartnership("Export partnership").id();
        long police = directory.createAgency(partnership, "Cleveland Police", "Police", List.of());
        long council = directory.createAgency(partnership, "Children's Services", "Council", List.of());
        long adminId = users.create(
                partnership,
                new UserRepository.NewUser("a@export.test", "Manager", Role.ADMIN, null),
                "not a password hash");
        admin = new SignedInUser(adminId, "x", partnership, "a@export.test", "Manager", null, Role.ADMIN, null, true);
        PlanWriter.Created plan = writer.create(
                partnership,
                aPlan().titled("Joint targeted area inspection: action plan")
                        .withTerm("MASH", "Multi-Agency Safeguarding Hub")
                        .with(aSection("1")
                                .titled("Front door")
                                .withFinding("1", "Referrals wait too long for a decision")
                                .withFinding("2", "Strategy meetings rarely include the police")
                                .with(anAction("1.1")
                                        .text("Agree a single threshold document & train every MASH worker in it")
                                        .answering("1")
                                        .ledBy(council, null)
                                        .leadRaw("Children's Services")
                                        .due("Mar.19")
                                        .status(ActionStatus.IN_PROGRESS, "On track"))
                                .with(anAction("1.2")
                                        .text("Audit twenty referrals each month for timeliness")
                                        .answering("1")
                                        .ledBy(council, null)
                                        .leadRaw("Children's Services")
                                        .due("31 May 2019")
                                        .status(ActionStatus.COMPLETED, "Completed"))
                                .with(anAction("1.3")
                                        .text("Invite the police to every strategy meeting")
                                        .answering("2")
                                        .ledBy(police, null)
                                        .leadRaw("Cleveland Police")
                                        .due("30 June 2019")
                                        .status(ActionStatus.IN_PROGRESS, "Behind schedule")))
                        .with(aSection("2")
                                .titled("Leadership")
                                .withFinding("3", "Leaders do not see performance data")
                                .with(anAction("3.1")
                                        .text("Report performance to the board each quarter")
                                        .answering("3")
                                        .ledBy(police, null)
                                        .leadRaw("Cleveland Police, Children's Services")
                                        .due("Sep.19")
                                        .status(ActionStatus.NOT_STARTED, null)))
                        .build(),
                Instant.now());
        planId = plan.externalId();
        set(plan.planId(), "1.1", "MASH Board", "Decisions within 24 hours", "Monthly audit of referrals");
        set(plan.planId(), "1.2", "LSCB Executive", "Fewer repeat referrals", "Audit report to the board");
        set(plan.planId(), "1.3", "MASH Board", "Police at nine in ten meetings", "Attendance figures");
        set(plan.planId(), "3.1", "LSCB Executive", "Board challenge minuted", "Minutes of the board");
        Scope.partnership(partnership, () -> {
            ActionPage first = work.action(admin, planId, actionId("1.1"));
            progress.record(
                    partnership,
                    first.externalId(),
                    first.version(),
                    ProgressEntry.note("Threshold drafted " + HOSTILE, ActionStatus.IN_PROGRESS),
                    new ProgressService.Author(admin.userId(), "Manager"),
                    null);
            return null;
        });
    }

    private void set(long plan, String ref, String oversight, String impact, String evidence) {
        jdbc.sql("UPDATE action SET oversight_raw = ?, expected_impact = ?, evidence_of_impact = ? "
                        + "WHERE plan_id = ? AND ref = ?")
                .params(oversight, impact, evidence, plan, ref)
                .update();
    }

    private String actionId(String ref) {
        return jdbc.sql("SELECT a.external_id FROM action a JOIN plan p ON p.id = a.plan_id "
                        + "WHERE p.external_id = ? AND a.ref = ?")
                .params(planId, ref)
                .query(String.class)
                .single();
    }

    private PlanExports.Download export(PlanExports.Format format) throws Exception {
        PlanExports.Download download = Scope.partnership(partnership, () -> exports.export(admin, planId, format));
        Path dir = Path.of("target/plan-export");
        Files.createDirectories(dir);
        Files.write(dir.resolve("plan." + format.extension()), download.content());
        return download;
    }

    @Test
    void theWordExportImportsBackAsTheSamePlan() throws Exception {
        PlanExports.Download docx = export(PlanExports.Format.DOCX);
        assertThat(docx.fileName()).isEqualTo("Joint targeted area inspection action plan.docx");
        assertSamePlan(PlanParsers.standard().parse("plan.docx", docx.content(), null), "docx");
    }

    @Test
    void theExcelExportImportsBackAsTheSamePlan() throws Exception {
        PlanExports.Download xlsx = export(PlanExports.Format.XLSX);
        assertSamePlan(PlanParsers.standard().parse("plan.xlsx", xlsx.content(), null), "xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(book.getSheetAt(0).getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(book.getSheetAt(0).getDataValidations()).hasSize(1);
            assertThat(book.getSheetAt(0)
                            .getDataValidations()
                            .get(0)
                            .getValidationConstraint()
                            .getExplicitListValues())
                    .containsExactly("Behind schedule", "On track", "Completed");
            assertThat(book.getSheetName(1)).isEqualTo("Glossary");
            assertThat(book.getSheetAt(1).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("MASH");
            // 1.2 is due on a day: a real date, not text
            var due = rowOf(sheet, "1.2").getCell(PlanExportColumn.DUE.ordinal());
            assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2019, 5, 31));
            var rag = rowOf(sheet, "1.2").getCell(PlanExportColumn.RAG.ordinal());
            assertThat(rag.getStringCellValue()).isEqualTo("Completed");
            assertThat(rag.getCellStyle().getFillPattern()).isNotNull();
        }
    }

    private static Row rowOf(Sheet sheet, String ref) {
        for (var row : sheet) {
            var cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && ref.equals(cell.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + ref);
    }

    /** Every action matched by its ref, and every field equal to what the plan holds. */
    private void assertSamePlan(ParsedPlan parsed, String format) {
        Map<String, ActionPage> held = new LinkedHashMap<>();
        for (String ref : List.of("1.1", "1.2", "1.3", "3.1")) {
            held.put(ref, Scope.partnership(partnership, () -> work.action(admin, planId, actionId(ref))));
        }
        assertThat(parsed.title()).as(format + " title").isEqualTo("Joint targeted area inspection: action plan");
        assertThat(parsed.sections()).as(format + " sections").containsExactly("Front door", "Leadership");
        assertThat(parsed.findings())
                .as(format + " findings")
                .extracting(f -> f.ref() + "|" + f.section() + "|" + f.text())
                .containsExactly(
                        "1|Front door|Referrals wait too long for a decision",
                        "2|Front door|Strategy meetings rarely include the police",
                        "3|Leadership|Leaders do not see performance data");
        assertThat(parsed.actions())
                .as(format + " actions")
                .extracting(ParsedPlan.Action::ref)
                .containsExactlyElementsOf(held.keySet());
        for (ParsedPlan.Action read : parsed.actions()) {
            ActionPage want = held.get(read.ref());
            String at = format + " action " + read.ref();
            assertThat(read.section()).as(at + " section").isEqualTo(want.sectionTitle());
            assertThat(read.text()).as(at + " text").isEqualTo(want.text());
            assertThat(read.findingRefs())
                    .as(at + " findings")
                    .containsExactlyElementsOf(
                            want.findings().stream().map(f -> f.ref()).toList());
            assertThat(read.lead()).as(at + " lead").isEqualTo(want.lead());
            DueDate due = want.currentDue();
            assertThat(read.due()).as(at + " due").isEqualTo(due.date());
            assertThat(read.duePrecision())
                    .as(at + " due precision")
                    .isEqualToIgnoringCase(due.precision().name());
            assertThat(read.statusRaw()).as(at + " status as written").isEqualTo(want.statusLabel());
            assertThat(read.status())
                    .as(at + " status")
                    .isEqualToIgnoringCase(want.status().name());
            assertThat(read.oversight()).as(at + " oversight").isEqualTo(want.oversight());
            assertThat(read.successCriteria()).as(at + " expected impact").isEqualTo(want.expectedImpact());
            assertThat(read.evidence()).as(at + " evidence").isEqualTo(want.evidenceOfImpact());
        }
    }

    @Test
    void theCsvIsRfc4180WithAByteOrderMark() throws Exception {
        byte[] csv = export(PlanExports.Format.CSV).content();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("Section,Ref,Finding,Action,Lead,Due,Oversight,Expected impact,"
                        + "Evidence of impact,Status,Rated today\r\n");
        assertThat(text).contains("\"Cleveland Police, Children's Services\"");
        assertThat(text.split("\r\n")).hasSize(5);
    }

    @Test
    void thePdfIsATaggedLandscapeTableOfEveryActionWithItsRatingInWords() throws Exception {
        PlanExports.Download pdf = export(PlanExports.Format.PDF);
        assertThat(pdf.fileName()).isEqualTo("Joint targeted area inspection action plan.pdf");
        assertThat(pdf.type().toString()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.content())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Joint targeted area inspection: action plan");
            assertThat(text)
                    .contains("Ref Finding Action Lead Due Oversight Expected impact Evidence of impact Status");
            assertThat(text).contains("MASH Board").contains("Cleveland Police, Children's Services");
            // every action by its ref, in the plan's order, each rated in words
            assertThat(text.indexOf("1.1 ")).isLessThan(text.indexOf("1.2 "));
            assertThat(text).containsAnyOf("Red", "Amber", "Green", "Completed", "No due date");
            var page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).as("landscape").isGreaterThan(page.getHeight());
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Joint targeted area inspection: action plan");
        }
    }

    @Test
    void theJsonIsCompleteWithEveryUpdate() throws Exception {
        JsonNode json =
                new ObjectMapper().readTree(export(PlanExports.Format.JSON).content());
        assertThat(json.path("title").asText()).isEqualTo("Joint targeted area inspection: action plan");
        JsonNode first = json.path("sections").get(0).path("actions").get(0);
        assertThat(first.path("ref").asText()).isEqualTo("1.1");
        assertThat(first.path("oversight").asText()).isEqualTo("MASH Board");
        assertThat(first.path("updates").toString()).contains("Threshold drafted");
        assertThat(json.path("glossary").get(0).path("term").asText()).isEqualTo("MASH");
    }

    @Test
    void aHostileUpdateIsNeverAFormula() throws Exception {
        // the update's text is only in the JSON (a string, never a formula); cells that start "=" are neutralised
        assertThat(PlanExportCells.safe(HOSTILE)).startsWith("'=");
        assertThat(new String(export(PlanExports.Format.JSON).content(), StandardCharsets.UTF_8))
                .contains("Threshold drafted");
    }

    @Test
    void anotherPartnershipsPlanIsNotFound() {
        long other = Scope.everyPartnership(
                () -> directory.createPartnership("Another partnership").id());
        SignedInUser stranger =
                new SignedInUser(2, "y", other, "b@other.test", "Stranger", null, Role.ADMIN, null, true);
        assertThatThrownBy(
                        () -> Scope.partnership(other, () -> exports.export(stranger, planId, PlanExports.Format.XLSX)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyWordAndExcelExportConvertsInLibreOffice() throws Exception {
        String soffice = List.of("/usr/bin/soffice", "/usr/local/bin/soffice").stream()
                .filter(p -> new File(p).canExecute())
                .findFirst()
                .orElse(null);
        Assumptions.assumeTrue(
                soffice != null,
                "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui");
        for (PlanExports.Format format : List.of(PlanExports.Format.DOCX, PlanExports.Format.XLSX)) {
            export(format);
            Path in = Path.of("target/plan-export/plan." + format.extension()).toAbsolutePath();
            Path out = Files.createTempDirectory("soffice");
            Process process = new ProcessBuilder(
                            soffice,
                            "-env:UserInstallation=file://" + out.resolve("profile"),
                            "--headless",
                            "--convert-to",
                            "pdf",
                            "--outdir",
                            out.toString(),
                            in.toString())
                    .redirectErrorStream(true)
                    .start();
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(said).isTrue();
            assertThat(process.exitValue()).as(said).isZero();
            Path pdf = out.resolve("plan.pdf");
            assertThat(pdf).as(format + ": " + said).exists();
            assertThat(Files.size(pdf)).isGreaterThan(1000);
            Files.copy(
                    pdf,
                    Path.of("target/plan-export/plan-" + format.extension() + ".pdf"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void theApiExportsAndMakesPacksAndNamesWhatItCannotRead() {
        String secret = Scope.partnership(
                partnership, () -> tokens.create(admin, "Exports", 30).secret());
        ApiClient api = new ApiClient(port, secret);

        var xlsx = api.get("/api/v1/plans/" + planId + "/export?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename*=UTF-8''Joint%20targeted%20area%20inspection%20action%20plan.xlsx");
        var pptx = api.get("/api/v1/plans/" + planId + "/export?format=pptx");
        assertThat(pptx.statusCode()).isEqualTo(400);
        assertThat(pptx.body()).contains("format");
        assertThat(api.get("/api/v1/plans/nosuchplan/export?format=csv").statusCode())
                .isEqualTo(404);

        assertThat(api.get("/api/v1/packs?plans=" + planId + "&next=2026-04-09&format=pdf")
                        .statusCode())
                .isEqualTo(200);
        var badDate = api.get("/api/v1/packs?next=soon");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("next");
        assertThat(api.get("/api/v1/packs?format=pptx").statusCode()).isEqualTo(400);
    }
}
