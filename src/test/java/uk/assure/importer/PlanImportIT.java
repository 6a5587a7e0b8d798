package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.PlanQueries;
import uk.assure.plan.PlanViews;
import uk.assure.plan.PlanWriter;
import uk.assure.support.DatabaseTest;

/** A parsed plan into a partnership: leads matched by alias, one transaction, nothing half written. */
@DatabaseTest
class PlanImportIT {

    @Autowired
    PartnershipDirectory directory;

    @Autowired
    PlanImporter importer;

    @Autowired
    PlanQueries queries;

    @Autowired
    JdbcClient jdbc;

    long partnership;
    long council;
    long police;
    ParsedPlan parsed;

    @BeforeEach
    void aPartnershipWithAgenciesAndAParsedPlan() throws IOException {
        partnership = directory.createPartnership("Testshire").id();
        council =
                directory.createAgency(partnership, "Testshire County Council", "TCC", List.of("Children's Services"));
        police = directory.createAgency(partnership, "Testshire Police", null, List.of("D. Supt. PVP"));
        directory.createBody(partnership, "MASH Board", List.of());
        try (InputStream in = getClass().getResourceAsStream("/importer/fixtures/small-plan.tsv")) {
            parsed = PlanParsers.standard().parse("small-plan.tsv", in.readAllBytes());
        }
    }

    @Test
    void thePreviewMatchesLeadsThroughAliasesAndOffersTheRestForCreation() {
        PlanImporter.Preview preview = importer.preview(partnership, parsed);

        assertThat(preview.leads())
                .filteredOn(PlanImporter.LeadMatch::known)
                .extracting(PlanImporter.LeadMatch::written, PlanImporter.LeadMatch::agencyName)
                .contains(
                        Tuple.tuple("TCC", "Testshire County Council"),
                        Tuple.tuple("D. Supt. PVP", "Testshire Police"));
        assertThat(preview.unknownLeads())
                .extracting(PlanImporter.LeadMatch::written)
                .contains("ICB Safeguarding", "Testshire Clinic");
        assertThat(preview.oversight()).containsKey("MASH Board");
        assertThat(preview.oversight().get("MASH Board")).isNotNull();
        assertThat(preview.oversight().get("Partnership Executive")).isNull();
    }

    @Test
    void confirmingWritesThePlanWithLinkedLeadsGlossaryAndImportedProgress() {
        PlanWriter.Created created = importer.commit(partnership, parsed, Set.of("Testshire Clinic"));

        PlanViews.PlanPage plan =
                queries.findPlan(partnership, created.externalId()).orElseThrow();
        assertThat(plan.actionCount()).isEqualTo(parsed.actions().size());
        assertThat(plan.glossary()).extracting(g -> g.term()).contains("MASH", "ICB");
        assertThat(directory.findAgency(partnership, "Testshire Clinic"))
                .as("created on request")
                .isPresent();
        assertThat(directory.findAgency(partnership, "ICB Safeguarding"))
                .as("not asked for")
                .isEmpty();

        List<PlanViews.ActionPage> actions = new ArrayList<>();
        created.actionExternalIds()
                .forEach(id -> actions.add(queries.findAction(partnership, id).orElseThrow()));
        PlanViews.ActionPage first = actions.get(0);
        assertThat(first.leadNames()).containsExactly("Testshire County Council");
        assertThat(first.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(first.statusWord()).isEqualTo("Completed");
        assertThat(first.oversight()).isEqualTo("MASH Board");
        assertThat(first.history()).singleElement().satisfies(u -> {
            assertThat(u.authorName()).isEqualTo("Imported from small-plan.tsv");
            assertThat(u.narrative()).contains("Checklist published in March");
        });
        assertThat(actions.get(1).leadNames()).containsExactly("Testshire Police");
        assertThat(actions.get(3).currentDue().raw()).isEqualTo("When the new system arrives");
        assertThat(actions.get(3).history())
                .as("no progress written, no history")
                .isEmpty();
    }

    @Test
    void anImportThatFailsPartWayLeavesNothingBehind() {
        long plansBefore = count("plan");
        long agenciesBefore = count("agency");
        ParsedPlan broken = withActionText(parsed, 2, null);

        assertThatThrownBy(() -> importer.commit(partnership, broken, Set.of("Testshire Clinic", "ICB Safeguarding")));

        assertThat(count("plan")).isEqualTo(plansBefore);
        assertThat(count("agency")).isEqualTo(agenciesBefore);
        assertThat(count("action")).isZero();
        assertThat(count("progress_update")).isZero();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE partnership_id = ?")
                .param(partnership)
                .query(Long.class)
                .single();
    }

    private static ParsedPlan withActionText(ParsedPlan plan, int index, String text) {
        List<ParsedPlan.Action> actions = new ArrayList<>(plan.actions());
        ParsedPlan.Action a = actions.get(index);
        actions.set(
                index,
                new ParsedPlan.Action(
                        a.ref(),
                        a.section(),
                        a.findingRefs(),
                        text,
                        a.lead(),
                        a.leads(),
                        a.dueRaw(),
                        a.due(),
                        a.duePrecision(),
                        a.statusRaw(),
                        a.status(),
                        a.successCriteria(),
                        a.oversight(),
                        a.evidence(),
                        a.progress(),
                        a.location()));
        return new ParsedPlan(
                plan.file(),
                plan.format(),
                plan.title(),
                plan.organisation(),
                plan.inspectionDate(),
                plan.documentDate(),
                plan.versionLabel(),
                plan.leadOfficer(),
                plan.successCriteria(),
                plan.measures(),
                plan.links(),
                plan.statusVocabulary(),
                plan.sections(),
                plan.findings(),
                actions,
                plan.glossary(),
                plan.columns(),
                plan.warnings());
    }

    @Test
    void aLeadWrittenAsAPersonsJobTitleIsThatPersonWithTheirAgency() throws IOException {
        directory.createPerson(partnership, "Jo Marsh", "Head of Performance", council);
        String text;
        try (InputStream in = getClass().getResourceAsStream("/importer/fixtures/small-plan.tsv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(
                            "Train social workers to record children's words.\tTCC",
                            "Train social workers to record children's words.\tHead of Performance");
        }
        ParsedPlan withPerson = PlanParsers.standard().parse("people.tsv", text.getBytes(StandardCharsets.UTF_8));

        PlanImporter.Preview preview = importer.preview(partnership, withPerson);
        PlanWriter.Created created = importer.commit(partnership, withPerson, Set.of());

        assertThat(preview.leads())
                .filteredOn(l -> l.written().equals("Head of Performance"))
                .singleElement()
                .satisfies(l -> assertThat(l.agencyName())
                        .isEqualTo("Jo Marsh, Head of Performance (Testshire County Council)"));
        String last =
                created.actionExternalIds().get(created.actionExternalIds().size() - 1);
        assertThat(queries.findAction(partnership, last).orElseThrow().leadNames())
                .containsExactly("Jo Marsh, Testshire County Council");
    }
}
