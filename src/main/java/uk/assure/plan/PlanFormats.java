package uk.assure.plan;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import uk.assure.system.Message;

/** How a plan's own values read on a page, available to templates as {@code @planFormats}. */
@Component("planFormats")
public class PlanFormats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final MessageSource messages;

    PlanFormats(MessageSource messages) {
        this.messages = messages;
    }

    /** A due date as the plan wrote it, and what it means when that is not plain. */
    public String due(DueDate due) {
        if (due == null || (due.raw() == null && due.date() == null)) {
            return text(Message.of("plan.due.notSet"));
        }
        if (due.date() == null) {
            return due.raw();
        }
        String meaning = due.precision() == DuePrecision.MONTH
                ? text(Message.of("plan.due.endOf", MONTH.format(due.date())))
                : DAY.format(due.date());
        return due.raw() == null || due.raw().equals(DAY.format(due.date()))
                ? DAY.format(due.date())
                : due.raw() + " (" + meaning + ")";
    }

    /**
     * Text with each of the plan's acronyms marked up with its meaning, as safe HTML: the text and meanings are
     * escaped first and only the {@code <abbr>} elements are ours.
     */
    public String withAcronyms(String text, List<NewPlan.GlossaryTerm> glossary) {
        String escaped = HtmlUtils.htmlEscape(text == null ? "" : text);
        if (glossary == null || glossary.isEmpty()) {
            return escaped;
        }
        Map<String, String> meanings = new HashMap<>();
        glossary.forEach(g -> meanings.putIfAbsent(HtmlUtils.htmlEscape(g.term()), g.meaning()));
        String alternatives = meanings.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}&#])(" + alternatives + ")(?![\\p{L}\\p{N}])")
                .matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String meaning = HtmlUtils.htmlEscape(meanings.get(m.group(1)));
            m.appendReplacement(
                    out, Matcher.quoteReplacement("<abbr title=\"" + meaning + "\">" + m.group(1) + "</abbr>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The short form for tables: the date it means. */
    public String dueShort(DueDate due) {
        if (due == null || (due.raw() == null && due.date() == null)) {
            return text(Message.of("plan.due.notSet"));
        }
        return due.date() == null ? due.raw() : DAY.format(due.date());
    }

    private String text(Message message) {
        return messages.getMessage(message, LocaleContextHolder.getLocale());
    }
}
