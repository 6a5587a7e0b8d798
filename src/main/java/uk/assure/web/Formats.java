package uk.assure.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates as GOV.UK writes them ("31 March 2019"), available to templates as {@code @formats}. */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final Clock clock;

    Formats(Clock clock) {
        this.clock = clock;
    }

    public String date(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null
                ? ""
                : DAY_TIME.format(instant.atZone(clock.getZone()))
                        .replace("AM", "am")
                        .replace("PM", "pm");
    }

    /** "April 2026": how a slip is told, the month being what a board remembers. */
    public String month(LocalDate date) {
        return date == null ? "" : MONTH.format(date);
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(clock.getZone()));
    }
}
