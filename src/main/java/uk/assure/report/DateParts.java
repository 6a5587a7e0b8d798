package uk.assure.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import uk.assure.system.Message;
import uk.assure.web.FormError;

/**
 * A GOV.UK date input on the Reports forms: three fields, day, month and year, named {@code <field>Day},
 * {@code <field>Month} and {@code <field>Year} and shown with the ids {@code <field>-day}... Each error goes on the
 * field it is about ("The date of the meeting must include a month" on the month).
 */
record DateParts(String day, String month, String year) {

    static final DateParts BLANK = new DateParts("", "", "");

    static DateParts of(LocalDate date) {
        return date == null
                ? BLANK
                : new DateParts(
                        String.valueOf(date.getDayOfMonth()),
                        String.valueOf(date.getMonthValue()),
                        String.valueOf(date.getYear()));
    }

    boolean blank() {
        return trim(day).isEmpty() && trim(month).isEmpty() && trim(year).isEmpty();
    }

    /**
     * The date, or null with an error added: {@code missing} when every part is blank (null when the date may be
     * left out), {@code subject} ("The date of the meeting") opening the other messages.
     */
    LocalDate read(String field, Message subject, Message missing, List<FormError> errors) {
        String d = trim(day);
        String m = trim(month);
        String y = trim(year);
        if (blank()) {
            if (missing != null) {
                errors.add(FormError.of(field + "-day", missing));
            }
            return null;
        }
        Message partMissing = missing(subject, d.isEmpty(), m.isEmpty(), y.isEmpty());
        if (partMissing != null) {
            String first = d.isEmpty() ? "-day" : m.isEmpty() ? "-month" : "-year";
            errors.add(FormError.of(field + first, partMissing));
            return null;
        }
        String wrong = !d.matches("\\d{1,2}")
                ? "-day"
                : !m.matches("\\d{1,2}") ? "-month" : !y.matches("\\d{4}") ? "-year" : null;
        if (wrong == null) {
            try {
                return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
            } catch (DateTimeException e) {
                wrong = Integer.parseInt(m) < 1 || Integer.parseInt(m) > 12 ? "-month" : "-day";
            }
        }
        errors.add(FormError.of(field + wrong, Message.of("report.date.invalid", subject)));
        return null;
    }

    private static Message missing(Message subject, boolean day, boolean month, boolean year) {
        if (day) {
            return month
                    ? Message.of("report.date.missing.dayMonth", subject)
                    : year
                            ? Message.of("report.date.missing.dayYear", subject)
                            : Message.of("report.date.missing.day", subject);
        }
        if (month) {
            return year
                    ? Message.of("report.date.missing.monthYear", subject)
                    : Message.of("report.date.missing.month", subject);
        }
        return year ? Message.of("report.date.missing.year", subject) : null;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
