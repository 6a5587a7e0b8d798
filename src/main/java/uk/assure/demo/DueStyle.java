package uk.assure.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import uk.assure.plan.DueDate;

/** The ways the demo plans write a due date, as people write them; each writes the period holding a target day. */
enum DueStyle {
    /** {@code Mar.26}. */
    SHORT_MONTH,
    /** {@code March 2026}. */
    LONG_MONTH,
    /** {@code 14 March 2026}. */
    DAY,
    /** {@code Q3 2026}. */
    QUARTER,
    /** {@code September 2025 - September 2026}: a year's work ending in the target month. */
    RANGE,
    /** {@code Ongoing}: no deadline. */
    ONGOING;

    /** Fixed here rather than read from a locale, whose short names differ between JDKs ("Sep" or "Sept"). */
    private static final String[] SHORT_MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    String write(LocalDate target) {
        YearMonth month = YearMonth.from(target);
        return switch (this) {
            case SHORT_MONTH ->
                String.format("%s.%02d", SHORT_MONTHS[month.getMonthValue() - 1], month.getYear() % 100);
            case LONG_MONTH -> longMonth(month);
            case DAY -> target.format(LONG_DATE);
            case QUARTER -> "Q" + ((month.getMonthValue() - 1) / 3 + 1) + " " + month.getYear();
            case RANGE -> longMonth(month.minusMonths(12)) + " - " + longMonth(month);
            case ONGOING -> "Ongoing";
        };
    }

    DueDate due(LocalDate target) {
        return DueDate.parse(write(target));
    }

    private static String longMonth(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear();
    }
}
