package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineKindsTest {

    @Test
    void anActionStartsWithAMarkedRefOrARefAndACapital() {
        assertThat(LineKinds.isActionStart("2.1.1). Add a household")).isTrue();
        assertThat(LineKinds.isActionStart("1.2). review the alert")).isTrue();
        assertThat(LineKinds.isActionStart("1.2 Test the alert")).isTrue();
        assertThat(LineKinds.isActionStart("1.5 million contacts")).isFalse();
        assertThat(LineKinds.isActionStart("1.2")).isFalse();
        assertThat(LineKinds.isActionStart("1. The Partnership will know"))
                .as("an objective")
                .isFalse();
    }

    @Test
    void columnHeadingsAloneOrSeveralInCapitals() {
        assertThat(LineKinds.isHeading("Lead officer")).isTrue();
        assertThat(LineKinds.isHeading("SUCCESS CRITERIA PROGRESS")).isTrue();
        assertThat(LineKinds.isHeading("BY WHEN")).isTrue();
        assertThat(LineKinds.isHeading("Success Criteria Progress")).isFalse();
        assertThat(LineKinds.isHeading("SCHOOLS WILL REPORT")).isFalse();
    }

    @Test
    void aRowOfHeadingsIsARealTable() {
        assertThat(LineKinds.isHeaderRow(Blocks.row(1, "Ref", "Action", "Lead")))
                .isTrue();
        assertThat(LineKinds.isHeaderRow(Blocks.row(1, "1.1 Add a household members section", "July 2026")))
                .isFalse();
    }

    @Test
    void findingRefsAreWrittenOneWay() {
        assertThat(LineKinds.findingRef("FINDING", "2")).isEqualTo("Finding 2");
        assertThat(LineKinds.findingRef("learning point", "3a")).isEqualTo("Learning point 3a");
    }
}
