package uk.assure.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.assure.system.Message;
import uk.assure.web.FormError;

class DatePartsTest {

    @ParameterizedTest(name = "[{0}] [{1}] [{2}] -> {3} {4}")
    @CsvSource({
        "27, 3, 2026, , ",
        "'', 3, 2026, heldOn-day, report.date.missing.day",
        "27, '', 2026, heldOn-month, report.date.missing.month",
        "27, 3, '', heldOn-year, report.date.missing.year",
        "'', '', 2026, heldOn-day, report.date.missing.dayMonth",
        "27, '', '', heldOn-month, report.date.missing.monthYear",
        "31, 2, 2026, heldOn-day, report.date.invalid",
        "1, 13, 2026, heldOn-month, report.date.invalid",
        "1, 3, 26, heldOn-year, report.date.invalid",
        "x, 3, 2026, heldOn-day, report.date.invalid",
        "'', '', '', heldOn-day, report.error.heldOn.missing",
    })
    void eachErrorIsOnThePartItIsAbout(String day, String month, String year, String field, String key) {
        List<FormError> errors = new ArrayList<>();
        LocalDate read = new DateParts(day, month, year)
                .read("heldOn", Message.of("report.date.heldOn"), Message.of("report.error.heldOn.missing"), errors);
        if (field == null) {
            assertThat(read).isEqualTo(LocalDate.of(2026, 3, 27));
            assertThat(errors).isEmpty();
        } else {
            assertThat(read).isNull();
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.message().getCodes()).containsExactly(key);
            });
        }
    }
}
