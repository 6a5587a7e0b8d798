package uk.assure.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import uk.assure.plan.DueDate;
import uk.assure.plan.DuePrecision;

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

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(clock.getZone()));
    }

    /** A due date as the plan wrote it, and what it means when that is not plain. */
    public String due(DueDate due) {
        if (due == null || (due.raw() == null && due.date() == null)) {
            return "Not set";
        }
        if (due.date() == null) {
            return due.raw();
        }
        String meaning =
                due.precision() == DuePrecision.MONTH ? "end of " + MONTH.format(due.date()) : DAY.format(due.date());
        return due.raw() == null || due.raw().equals(DAY.format(due.date()))
                ? DAY.format(due.date())
                : due.raw() + " (" + meaning + ")";
    }

    /**
     * Text with each of the plan's acronyms marked up with its meaning, as safe HTML: the text and meanings are
     * escaped first and only the {@code <abbr>} elements are ours.
     */
    public String withAcronyms(String text, java.util.List<uk.assure.plan.NewPlan.GlossaryTerm> glossary) {
        String escaped = org.springframework.web.util.HtmlUtils.htmlEscape(text == null ? "" : text);
        if (glossary == null || glossary.isEmpty()) {
            return escaped;
        }
        java.util.Map<String, String> meanings = new java.util.HashMap<>();
        glossary.forEach(
                g -> meanings.putIfAbsent(org.springframework.web.util.HtmlUtils.htmlEscape(g.term()), g.meaning()));
        String alternatives = meanings.keySet().stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining("|"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(?<![\\p{L}\\p{N}&#])(" + alternatives + ")(?![\\p{L}\\p{N}])")
                .matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String meaning = org.springframework.web.util.HtmlUtils.htmlEscape(meanings.get(m.group(1)));
            m.appendReplacement(
                    out,
                    java.util.regex.Matcher.quoteReplacement(
                            "<abbr title=\"" + meaning + "\">" + m.group(1) + "</abbr>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The short form for tables: the date it means. */
    public String dueShort(DueDate due) {
        if (due == null || (due.raw() == null && due.date() == null)) {
            return "Not set";
        }
        return due.date() == null ? due.raw() : DAY.format(due.date());
    }
}
