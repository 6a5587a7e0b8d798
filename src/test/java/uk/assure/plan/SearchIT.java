package uk.assure.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.assure.support.TestPlans.aPlan;
import static uk.assure.support.TestPlans.aSection;
import static uk.assure.support.TestPlans.anAction;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.support.DatabaseTest;

/** Full-text search: stemmed words, phrases, ranked hits with marked extracts, one partnership only, nothing run. */
@DatabaseTest
class SearchIT {

    @Autowired
    PartnershipDirectory directory;

    @Autowired
    PlanWriter writer;

    @Autowired
    ProgressService progress;

    @Autowired
    Search search;

    long partnership;

    @BeforeEach
    void twoPartnershipsWithPlans() {
        partnership = directory.createPartnership("Northvale").id();
        PlanWriter.Created created = writer.create(
                partnership,
                aPlan().titled("Neglect improvement plan")
                        .with(aSection("1")
                                .titled("Front door")
                                .withFinding("1.1", "Referrals about neglect lack the child's voice.")
                                .with(
                                        anAction("1.1.1")
                                                .text(
                                                        "Audit twenty referrals for the child's voice <script>alert(1)</script>."))
                                .with(anAction("1.1.2").text("Publish a one-page threshold guide.")))
                        .build(),
                Instant.parse("2026-01-05T10:00:00Z"));
        String guide = created.actionExternalIds().get(1);
        progress.record(
                partnership,
                guide,
                0,
                ProgressEntry.note("The guide was audited by the board.", ActionStatus.IN_PROGRESS),
                new ProgressService.Author(null, "Agency lead"));
        long other = directory.createPartnership("Southvale").id();
        writer.create(
                other,
                aPlan().titled("Southvale audit plan")
                        .with(aSection("1").titled("All").with(anAction("1").text("Audit everything in Southvale.")))
                        .build(),
                Instant.parse("2026-01-05T10:00:00Z"));
    }

    @Test
    void findsStemmedWordsAcrossActionsFindingsAndUpdatesRankedWithMarks() {
        List<Search.Hit> hits = search.search(partnership, "audits", 50);

        assertThat(hits).as(hits.toString()).extracting(Search.Hit::kind).contains("ACTION", "UPDATE");
        assertThat(hits.get(0).ref())
                .as("the action whose own text matches ranks first")
                .isEqualTo("1.1.1");
        assertThat(hits.get(0).extractHtml()).contains("<mark>Audit</mark>").doesNotContain("<script>");
        assertThat(hits)
                .filteredOn(h -> h.kind().equals("UPDATE"))
                .singleElement()
                .satisfies(h -> assertThat(h.extractHtml()).contains("<mark>audited</mark>"));
        assertThat(hits).noneMatch(h -> h.planTitle().contains("Southvale"));
    }

    @Test
    void phrasesAndExclusionsWorkAsTyped() {
        assertThat(search.search(partnership, "\"child's voice\"", 50))
                .extracting(Search.Hit::kind)
                .containsExactlyInAnyOrder("FINDING", "ACTION");
        assertThat(search.search(partnership, "voice -referrals", 50)).isEmpty();
        assertThat(search.search(partnership, "neglect", 50))
                .extracting(Search.Hit::kind)
                .contains("PLAN", "FINDING");
        assertThat(search.search(partnership, "   ", 50)).isEmpty();
    }
}
