package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Plans pasted as text out of a PDF, each table column come out as separate short lines. The fixtures are invented:
 * {@code pdf-columns.txt} is the plain layout (two objectives, a parent 2.1 with children 2.1.1 and 2.1.2, a timescale
 * printed in among an action's wrapped lines); {@code pdf-columns-shuffled.txt} has the print-order problems real
 * exports show: two actions printed before their cells, a timescale and lead printed line by line into each other, a
 * cell and an objective cut by a page break, repeated page headings, a row of cells printed before its action.
 */
class ColumnTextAssemblerTest {

    private static final Path GOLDEN = Path.of("src/test/resources/importer/golden");
    private static final Path SEEDS = Path.of("../shared/seeds");
    private static final TextReader TEXT = new TextReader();

    private static ParsedPlan parse(String name) throws IOException {
        return PlanParsers.standard().parse(name, Files.readAllBytes(GOLDEN.resolve(name)));
    }

    private static List<Block> blocks(String name) throws IOException {
        return TEXT.read(name, Files.readString(GOLDEN.resolve(name)));
    }

    @Test
    void acceptsPdfColumnTextAndNotATableWithAHeaderRow() throws IOException {
        ColumnTextAssembler pdf = new ColumnTextAssembler();
        assertThat(pdf.accepts(blocks("pdf-columns.txt"))).isTrue();
        assertThat(pdf.accepts(blocks("pdf-columns-shuffled.txt"))).isTrue();
        assertThat(pdf.accepts(blocks("page-breaks.txt")))
                .as("a tab-separated table")
                .isFalse();
        assertThat(new TableAssembler().accepts(blocks("pdf-columns.txt"))).isFalse();

        String table = String.join(
                "\n",
                "Riverside Action Plan",
                "Ref\tAction\tLead\tTimescale\tProgress",
                "1.1\tAgree a housing alert with health visiting\tRiverside Council\tMay 2025\tStarted",
                "1.2\tTest the alert on ten families\tHead of Early Help\tJune 2025\tNot started",
                "1.3\tReport the test to the board\tBoard Manager\tJuly 2025\tNot started",
                "2.1\tTrain front door staff on caring roles\tTraining Team\tAugust 2025\tNot started",
                "2.2\tAdd a young carer question to the form\tDesignated Nurse\tAugust 2025\tNot started",
                "2.3\tBrief school designated leads\tEducation Team\tSeptember 2025\tNot started",
                "2.4\tReview the briefing's reach\tEducation Team\tOctober 2025\tNot started",
                "3.1\tAudit ten cases\tHead of Quality\tNovember 2025\tNot started",
                "3.2\tShare the audit findings\tHead of Quality\tDecember 2025\tNot started");
        assertThat(pdf.accepts(TEXT.read("table.txt", table)))
                .as("tab-separated rows under a heading row")
                .isFalse();
    }

    @Test
    void tabularSeedsAreNotTakenForPdfColumns() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS));
        List<Path> tabular;
        try (Stream<Path> files = Files.list(SEEDS)) {
            tabular = files.filter(f -> f.getFileName().toString().matches("00[0134]_.*\\.txt"))
                    .toList();
        }
        Assumptions.assumeFalse(tabular.isEmpty());
        for (Path seed : tabular) {
            assertThat(new ColumnTextAssembler()
                            .accepts(TEXT.read(seed.getFileName().toString(), Files.readAllBytes(seed))))
                    .as(seed.getFileName().toString())
                    .isFalse();
        }
    }

    @Test
    void readsThePlainLayout() throws IOException {
        ParsedPlan plan = parse("pdf-columns.txt");

        assertThat(plan.title()).isEqualTo("Riverside Learning Review Action Plan March 2025");
        assertThat(plan.successCriteria())
                .isEqualTo(
                        "More young carers identified and assessed\nFewer families lost between agencies after a house move");
        assertThat(plan.sections())
                .containsExactly(
                        "1. The Partnership will be assured that housing moves are shared across agencies (Finding 1)",
                        "2. Every agency will recognise young carers (Finding 2)");
        assertThat(plan.findings())
                .extracting(ParsedPlan.Finding::ref, ParsedPlan.Finding::text)
                .containsExactly(
                        tuple(
                                "Finding 1",
                                "Professionals did not share what they knew about the family's housing moves, so no one saw "
                                        + "the whole picture."),
                        tuple(
                                "Finding 2",
                                "Young carers were not recognised, and their own needs were missed by every agency."));
        assertThat(plan.actions())
                .extracting(
                        ParsedPlan.Action::ref,
                        ParsedPlan.Action::text,
                        ParsedPlan.Action::lead,
                        ParsedPlan.Action::dueRaw,
                        ParsedPlan.Action::successCriteria)
                .containsExactly(
                        tuple(
                                "1.1",
                                "Agree a housing move alert between the council and health visiting, with a named contact in each",
                                "Riverside Council (RC)",
                                "May 2025",
                                "Alerts sent within five days of a move"),
                        tuple(
                                "1.2",
                                "Test the alert on ten families and report to the board",
                                "Head of Early Help",
                                "September 2025",
                                "Audit shows every move was shared"),
                        tuple("2.1", "Train front door staff to ask about caring roles:", null, null, null),
                        tuple(
                                "2.1.1",
                                "Add a young carer question to the referral form",
                                "Designated Nurse Safeguarding",
                                "June 2025",
                                "Question in use on all referral forms"),
                        tuple(
                                "2.1.2",
                                "Run a briefing for school designated leads",
                                "Education Safeguarding Team",
                                "July 2025",
                                "Briefing attended by 30 schools"));
        assertThat(plan.actions().get(0).statusRaw()).as("the progress column").isEqualTo("Alert agreed");
        assertThat(plan.actions())
                .extracting(ParsedPlan.Action::findingRefs)
                .containsExactly(
                        List.of("Finding 1"),
                        List.of("Finding 1"),
                        List.of("Finding 2"),
                        List.of("Finding 2"),
                        List.of("Finding 2"));
        assertThat(plan.actions().get(3).section()).startsWith("2. Every agency");
    }

    @Test
    void readsCellsPrintedOutOfPlace() throws IOException {
        ParsedPlan plan = parse("pdf-columns-shuffled.txt");

        assertThat(plan.sections())
                .as("the second objective is cut by a page break and joined again")
                .containsExactly(
                        "1. The Partnership will know that school concerns are decided quickly (Finding 1)",
                        "2. Practitioners will see and assess men in the household and plan with them (Finding 2)");
        assertThat(plan.findings()).extracting(ParsedPlan.Finding::ref).containsExactly("Finding 1", "Finding 2");
        assertThat(plan.successCriteria())
                .isEqualTo("Concerns from schools decided within one working day\n"
                        + "More fathers seen in assessments and recorded on the child's file");
        assertThat(plan.actions())
                .extracting(
                        ParsedPlan.Action::ref,
                        ParsedPlan.Action::text,
                        ParsedPlan.Action::lead,
                        ParsedPlan.Action::dueRaw,
                        ParsedPlan.Action::successCriteria)
                .containsExactly(
                        tuple(
                                "1.1",
                                "Write a single escalation route for schools to the front door and publish it on the website",
                                "Northbank Council (NC)",
                                "April 2026",
                                "Route published and known by school leads"),
                        // 1.2 and 1.3 printed one after the other, then their cells in turn
                        tuple(
                                "1.2",
                                "Audit twenty school referrals for time to decision",
                                "Head of Front Door",
                                "June 2026",
                                "Audit shows decisions within one working day"),
                        // timescale and lead printed line by line into each other; success cut by a page break
                        tuple(
                                "1.3",
                                "Report the audit to the quality group",
                                "Quality Assurance Group",
                                "August 2026 - September 2026",
                                "Report discussed and actions agreed in full by the group"),
                        tuple(
                                "1.4",
                                "Brief designated safeguarding leads on the new route",
                                "Schools Safeguarding Team",
                                "May 2026",
                                "Briefings attended by every secondary school"),
                        tuple("2.1", "Improve how agencies include fathers in assessments by:", null, null, null),
                        tuple(
                                "2.1.1",
                                "Add a household members section to the assessment form",
                                "Children's Services (NC)",
                                "July 2026",
                                "Form in use with household section"),
                        // its cells came out under 2.1.1's, before its own text
                        tuple(
                                "2.1.2",
                                "Train health visitors to ask about partners and fathers",
                                "Health Visiting Service",
                                "October 2026",
                                "Men in the household recorded in audits"),
                        tuple(
                                "2.2",
                                "Review the fathers' guidance with the voluntary sector",
                                "Voluntary Sector Forum (VSF) Family Hubs Partnership",
                                "December 2026",
                                "Guidance reissued"));
        assertThat(plan.actions())
                .extracting(ParsedPlan.Action::statusRaw)
                .containsExactly("Draft written", null, null, null, null, null, null, null);
    }

    @Test
    void linesThatGoNowhereAreWarnedAboutWithTheirLine() throws IOException {
        ParsedPlan plan = parse("pdf-columns-shuffled.txt");

        assertThat(plan.warnings())
                .extracting(ParsedPlan.Warning::location)
                .contains("pdf-columns-shuffled.txt", "pdf-columns-shuffled.txt, line 14");
        assertThat(plan.warnings())
                .anySatisfy(
                        w -> assertThat(w.message()).contains("not imported").contains("Please note"));
    }

    @Test
    void aRowOfCellsWithNoActionLeftIsWarnedAbout() {
        String text = String.join(
                "\n",
                "Westfield Action Plan 2026",
                "",
                "1.1). Agree the audit tool",
                "",
                "March 2026",
                "",
                "Head of Quality",
                "",
                "Tool agreed",
                "",
                "1.2). Run the audit",
                "",
                "April 2026",
                "",
                "Audit Group",
                "",
                "Audit reported",
                "",
                "June 2026",
                "",
                "Board Manager",
                "",
                "Report published",
                "",
                "1.3). Share the findings",
                "",
                "May 2026",
                "",
                "Learning Team",
                "",
                "Findings shared");
        ParsedPlan plan = PlanParsers.standard().parse("westfield.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(plan.actions())
                .extracting(ParsedPlan.Action::ref, ParsedPlan.Action::dueRaw, ParsedPlan.Action::lead)
                .containsExactly(
                        tuple("1.1", "March 2026", "Head of Quality"),
                        tuple("1.2", "April 2026", "Audit Group"),
                        tuple("1.3", "May 2026", "Learning Team"));
        assertThat(plan.warnings()).anySatisfy(w -> {
            assertThat(w.location()).isEqualTo("westfield.txt, line 19");
            assertThat(w.message()).contains("June 2026").contains("Board Manager");
        });
    }

    @Test
    void readsRecommendationRowsNamedLeadsAndListsInCells() {
        String text = String.join(
                "\n",
                "Eastmoor Learning Review Action Plan",
                "",
                "ACTION LEAD BY WHEN OUTCOME STATUS",
                "",
                "Recommendation 1: Agencies should check the history of adults joining a household.",
                "",
                "1.1 Agree a shared checklist for new adults",
                "in the household",
                "",
                "Jane Smith",
                "",
                "March 2024",
                "",
                "Checklist in use in all agencies",
                "",
                "Complete",
                "",
                "1.2 Audit use of the checklist after",
                "six months",
                "",
                "Head of Quality (EMC)",
                "",
                "September 2024",
                "",
                "1. Checklist used in 80% of cases",
                "2. 1.5 million contacts screened",
                "",
                "Ongoing",
                "",
                "Page 2 of 3",
                "",
                "ACTION LEAD BY WHEN OUTCOME STATUS",
                "",
                "Recommendation 2: The Partnership should improve how schools share concerns.",
                "",
                "2.1 Publish a schools escalation guide",
                "",
                "Dr Priya Patel",
                "",
                "Ongoing",
                "",
                "Guide published on website",
                "",
                "2.2 Train designated leads",
                "",
                "Learning and Development Team",
                "April 2024",
                "",
                "Every school has a trained lead",
                "",
                "Not started");
        ParsedPlan plan = PlanParsers.standard().parse("eastmoor.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(plan.sections())
                .containsExactly(
                        "Recommendation 1: Agencies should check the history of adults joining a household.",
                        "Recommendation 2: The Partnership should improve how schools share concerns.");
        assertThat(plan.findings())
                .extracting(ParsedPlan.Finding::ref)
                .containsExactly("Recommendation 1", "Recommendation 2");
        assertThat(plan.actions())
                .extracting(
                        ParsedPlan.Action::ref,
                        ParsedPlan.Action::findingRefs,
                        ParsedPlan.Action::lead,
                        ParsedPlan.Action::dueRaw,
                        ParsedPlan.Action::statusRaw,
                        ParsedPlan.Action::successCriteria)
                .containsExactly(
                        tuple(
                                "1.1",
                                List.of("Recommendation 1"),
                                "Jane Smith",
                                "March 2024",
                                "Complete",
                                "Checklist in use in all agencies"),
                        tuple(
                                "1.2",
                                List.of("Recommendation 1"),
                                "Head of Quality (EMC)",
                                "September 2024",
                                "Ongoing",
                                "1. Checklist used in 80% of cases\n2. 1.5 million contacts screened"),
                        tuple(
                                "2.1",
                                List.of("Recommendation 2"),
                                "Dr Priya Patel",
                                "Ongoing",
                                null,
                                "Guide published on website"),
                        tuple(
                                "2.2",
                                List.of("Recommendation 2"),
                                "Learning and Development Team",
                                "April 2024",
                                "Not started",
                                "Every school has a trained lead"));
    }

    @Test
    void linesInAnyOrderParseWithoutFailing() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("pdf-columns.txt", "pdf-columns-shuffled.txt")) {
            lines.addAll(Files.readAllLines(GOLDEN.resolve(name)));
        }
        Random random = new Random(20260301L);
        ColumnTextAssembler pdf = new ColumnTextAssembler();
        for (int round = 0; round < 300; round++) {
            List<String> mixed = new ArrayList<>(lines);
            Collections.shuffle(mixed.subList(random.nextInt(mixed.size()), mixed.size()), random);
            mixed.subList(0, random.nextInt(mixed.size() / 2)).clear();
            List<Block> blocks = TEXT.read("mixed.txt", String.join("\n", mixed));
            if (pdf.accepts(blocks)) {
                ParsedPlan plan = pdf.assemble("mixed.txt", "text", blocks);
                assertThat(plan.actions()).allSatisfy(a -> assertThat(a.ref()).isNotBlank());
            }
        }
    }

    @Test
    void findsTheActionsOfTheSeedPlanWhenItIsThere() throws IOException {
        Path seed = SEEDS.resolve("002_8697ca13d31a9b1c.txt");
        Assumptions.assumeTrue(Files.exists(seed));

        ParsedPlan plan = PlanParsers.standard().parse(seed.getFileName().toString(), Files.readAllBytes(seed));

        assertThat(plan.actions()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(plan.sections()).hasSize(6);
        assertThat(plan.findings()).hasSize(6);
        assertThat(plan.actions()).allSatisfy(a -> assertThat(a.findingRefs()).hasSize(1));
    }
}
