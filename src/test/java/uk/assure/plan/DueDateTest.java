package uk.assure.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DueDateTest {

    @Test
    void anExactDateIsADayWrittenInFull() {
        DueDate due = DueDate.exact(LocalDate.of(2019, 3, 31));

        assertThat(due.raw()).isEqualTo("31 March 2019");
        assertThat(due.date()).isEqualTo(LocalDate.of(2019, 3, 31));
        assertThat(due.precision()).isEqualTo(DuePrecision.DAY);
        assertThat(due.rangeStart()).isNull();
        assertThat(due.warning()).isNull();
    }

    @Test
    void anExactDateReadsBackAsTheSameDay() {
        DueDate exact = DueDate.exact(LocalDate.of(2019, 9, 1));

        assertThat(DueDate.parse(exact.raw())).isEqualTo(exact);
    }

    @Test
    void displaysTheTextAsWritten() {
        assertThat(DueDate.parse("Sept. 19").display()).isEqualTo("Sept. 19");
    }

    @Test
    void displaysTheDateWhenNoTextWasKept() {
        DueDate due = new DueDate(null, LocalDate.of(2019, 3, 1), DuePrecision.DAY, null, null, null);

        assertThat(due.display()).isEqualTo("1 March 2019");
    }

    @Test
    void displaysNothingWhenNothingWasWritten() {
        assertThat(DueDate.parse(null).display()).isEmpty();
    }

    @Test
    void isKnownOnlyWithADate() {
        assertThat(DueDate.parse("Q3 2019").isKnown()).isTrue();
        assertThat(DueDate.parse("Ongoing").isKnown()).isFalse();
        assertThat(DueDate.parse("Whenever possible").isKnown()).isFalse();
    }
}
