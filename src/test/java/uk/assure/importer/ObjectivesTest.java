package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class ObjectivesTest {

    private final List<ParsedPlan.Finding> findings = new ArrayList<>();

    @Test
    void anObjectiveRunsOverLinesToItsFinding() {
        List<TextLine> lines = Blocks.lines("1. The Partnership", "will know its carers", "(Finding 1)", "1.1 Add");
        Objectives objectives = new Objectives(lines, findings);

        assertThat(objectives.objective(0, 1, "The Partnership")).isEqualTo(3);
        assertThat(objectives.section(1)).isEqualTo("1. The Partnership will know its carers (Finding 1)");
        assertThat(objectives.findingRefs(1)).containsExactly("Finding 1");
        assertThat(objectives.has(1)).isTrue();
        assertThat(objectives.has(2)).isFalse();
    }

    @Test
    void theTailOfAnObjectiveCutByAPageBreakIsTakenBackFromUnderTheCells() {
        List<TextLine> lines = Blocks.lines("1. Schools know", "(Finding 1)", "", "2. Carers are found", "1.1 Add");
        Objectives objectives = new Objectives(lines, findings);
        objectives.objective(0, 1, "Schools know");
        objectives.objective(3, 2, "Carers are found");

        List<TextLine> cell = Blocks.lines("July 2026", "Head of Service", "in every household", "(Finding 2)");
        List<TextLine> rest = objectives.takeTail(new ArrayList<>(cell));

        assertThat(rest).extracting(TextLine::text).containsExactly("July 2026", "Head of Service");
        assertThat(objectives.section(2)).isEqualTo("2. Carers are found in every household (Finding 2)");
        assertThat(objectives.sections()).hasSize(2);
    }

    @Test
    void aRecommendationAcrossTheTableIsASectionAndAFinding() {
        List<TextLine> lines = Blocks.lines("Recommendation 2: Schools should", "share their lists", "2.1 Share");
        Objectives objectives = new Objectives(lines, findings);
        Matcher heading = LineKinds.FINDING.matcher(lines.get(0).text());
        assertThat(heading.matches()).isTrue();

        assertThat(objectives.findingSection(0, heading)).isEqualTo(2);

        assertThat(objectives.section(2)).isEqualTo("Recommendation 2: Schools should share their lists");
        assertThat(objectives.findingRefs(2)).containsExactly("Recommendation 2");
        assertThat(findings)
                .containsExactly(new ParsedPlan.Finding(
                        "Recommendation 2", null, "Schools should share their lists", "plan.txt, line 1"));
    }
}
