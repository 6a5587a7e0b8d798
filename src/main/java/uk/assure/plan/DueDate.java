package uk.assure.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A due date as a plan gave it: the text as written, the deadline it means and how precisely it was written.
 * Nothing is guessed: text that cannot be read keeps precision {@link DuePrecision#UNKNOWN}, no date and a warning.
 *
 * @param raw        the text as written with whitespace collapsed; null when nothing was written
 * @param date       the deadline, the last day of the period written; null when there is none or it is not known
 * @param precision  how the date was written
 * @param rangeStart the first day of the period written (month, quarter, year or range); null for a single day
 * @param note       words kept beside the date, such as {@code to commence} or {@code (previously addressed)}
 * @param warning    a sentence for the user when text was written but could not be read as a date
 */
public record DueDate(
        String raw, LocalDate date, DuePrecision precision, LocalDate rangeStart, String note, String warning) {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public DueDate {
        Objects.requireNonNull(precision, "precision");
    }

    /** Reads text as written in a plan; never throws. */
    public static DueDate parse(String raw) {
        return DueDateParser.parse(raw, null);
    }

    /** Reads text as written in a plan written on {@code reference}, which only "Immediately" uses; never throws. */
    public static DueDate parse(String raw, LocalDate reference) {
        return DueDateParser.parse(raw, reference);
    }

    /** A day picked in a form. */
    public static DueDate exact(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return new DueDate(date.format(LONG_DATE), date, DuePrecision.DAY, null, null, null);
    }

    public boolean isKnown() {
        return date != null;
    }

    /** The text as written, else the date as "31 March 2019", else an empty string. */
    public String display() {
        if (raw != null) {
            return raw;
        }
        return date == null ? "" : date.format(LONG_DATE);
    }
}
