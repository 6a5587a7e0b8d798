package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellKindsTest {

    @Test
    void datesAndOpenTimescales() {
        assertThat(CellKinds.isDate("June 2026")).isTrue();
        assertThat(CellKinds.isDate("To commence May 2026")).isTrue();
        assertThat(CellKinds.isDate("Ongoing")).isFalse();
        assertThat(CellKinds.isDate("Staff will be trained")).isFalse();
        assertThat(CellKinds.isOpenTimescale("Ongoing")).isTrue();
        assertThat(CellKinds.isOpenTimescale("Ongoing work with all the schools"))
                .isFalse();
        assertThat(CellKinds.MONTH_ONLY.matcher("March").matches()).isTrue();
        assertThat(CellKinds.YEAR_ONLY.matcher("2018").matches()).isTrue();
    }

    @Test
    void leadsAreRolesBodiesOrPeopleWithNoVerb() {
        assertThat(CellKinds.looksLikeLead("Head of Service")).isTrue();
        assertThat(CellKinds.looksLikeLead("Jane Smith / Tom Jones")).isTrue();
        assertThat(CellKinds.looksLikeLead("NC Family Hubs North")).isTrue();
        assertThat(CellKinds.looksLikeLead("Staff will be trained by the team")).isFalse();
        assertThat(CellKinds.looksLikeLead("Checklist in use in all agencies")).isFalse();
        assertThat(CellKinds.looksLikeLead("Report signed off May 2026")).isFalse();
    }

    @Test
    void aLeadFragmentIsAFewCapitalisedWords() {
        assertThat(CellKinds.leadFragment("Team")).isTrue();
        assertThat(CellKinds.leadFragment("Front Door")).isTrue();
        assertThat(CellKinds.leadFragment("the Front Door")).isFalse();
        assertThat(CellKinds.leadFragment("One Two Three Four")).isFalse();
    }
}
