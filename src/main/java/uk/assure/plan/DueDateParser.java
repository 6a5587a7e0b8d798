package uk.assure.plan;

import static uk.assure.plan.DuePrecision.DAY;
import static uk.assure.plan.DuePrecision.IMMEDIATE;
import static uk.assure.plan.DuePrecision.MONTH;
import static uk.assure.plan.DuePrecision.ONGOING;
import static uk.assure.plan.DuePrecision.QUARTER;
import static uk.assure.plan.DuePrecision.RANGE;
import static uk.assure.plan.DuePrecision.UNKNOWN;
import static uk.assure.plan.DuePrecision.YEAR;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the due dates people write in plans. Each way of writing a date is a named rule that must match the whole
 * text; the rules are tried in order and the first that reads the text decides. A wrong deadline is worse than
 * none, so text that no rule reads is kept as written with precision UNKNOWN and a warning.
 */
final class DueDateParser {

    /** No due date is this long; longer text is kept as written but not read. */
    static final int MAX_READ_LENGTH = 500;

    private static final int MAX_QUOTED_LENGTH = 100;

    private static final Map<String, Month> MONTHS = monthNames();
    /** Any month name, full or abbreviated, with an optional dot; longest first so a full name is tried first. */
    private static final String MONTH_NAME = MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .collect(Collectors.joining("|", "(", ")\\.?"));

    private static final String ANY_YEAR = "(\\d{2}|(?:19|20)\\d{2})";
    private static final String FOUR_DIGIT_YEAR = "((?:19|20)\\d{2})";

    /** "By" and "end of" add nothing, as a deadline is already the end of its period; the others are kept as a note. */
    private static final Pattern LEADING_WORDS = Pattern.compile(
            "(by the end of|by end of|by end|by|due by|due|end of|end|to commence|commencing)\\b[ ,:]*");

    private static final Set<String> NOTED_LEADING_WORDS = Set.of("to commence", "commencing");
    private static final Pattern RANGE_SEPARATOR = Pattern.compile(" ?- ?| to ");
    private static final Pattern DASHES = Pattern.compile("[\u2010-\u2015\u2212]");

    /** Words written instead of a date. */
    private static final List<Rule> WORD_RULES = List.of(
            Rule.of("nothing given", "-+|n/?a|not applicable", m -> Reading.NOTHING),
            Rule.of("not set yet", "tb[acd]|to be (?:confirmed|agreed|decided)", m -> Reading.unknown(Problem.NOT_SET)),
            Rule.of("immediate", "immediate(?:ly)?|with immediate effect", m -> Reading.IMMEDIATELY),
            Rule.of("ongoing", "on ?-?going|continuous(?:ly)?|continuing", m -> Reading.ongoing(null)),
            Rule.of(
                    "recurring",
                    "weekly|fortnightly|monthly|termly|quarterly|annual(?:ly)?|yearly",
                    m -> Reading.ongoing(m.group())));

    /** Ways of writing one day or one period; a range joins two of them. */
    private static final List<Rule> PERIOD_RULES = List.of(
            Rule.of(
                    "ISO date",
                    FOUR_DIGIT_YEAR + "-(\\d{1,2})-(\\d{1,2})",
                    m -> day(number(m, 1), number(m, 2), number(m, 3))),
            Rule.of(
                    "day/month/year",
                    "(\\d{1,2})([/.-])(\\d{1,2})\\2" + ANY_YEAR,
                    m -> day(year(m.group(4)), number(m, 3), number(m, 1))),
            Rule.of(
                    "day month year",
                    "(\\d{1,2})(?:st|nd|rd|th)?[ /-]?" + MONTH_NAME + "[ ,/-]{0,2}" + ANY_YEAR,
                    m -> day(year(m.group(3)), MONTHS.get(m.group(2)).getValue(), number(m, 1))),
            Rule.of(
                    "month year",
                    MONTH_NAME + "[ '/-]{0,2}" + ANY_YEAR,
                    m -> month(YearMonth.of(year(m.group(2)), MONTHS.get(m.group(1))))),
            Rule.of(
                    "quarter",
                    "q(?:uarter)? ?([1-4])[ /-]{0,2}" + ANY_YEAR,
                    m -> quarter(year(m.group(2)), number(m, 1))),
            Rule.of(
                    "financial year",
                    "(?:(?:fy|financial year) ?)?" + FOUR_DIGIT_YEAR + " ?[/-] ?" + ANY_YEAR,
                    DueDateParser::financialYear),
            Rule.of("year", FOUR_DIGIT_YEAR, m -> calendarYear(number(m, 1))));

    private DueDateParser() {}

    /** Reads {@code text}; {@code reference}, the day the plan was written, is used only for "Immediately". */
    public static DueDate parse(String text, LocalDate reference) {
        String raw = collapseWhitespace(text);
        if (raw == null) {
            return new DueDate(null, null, UNKNOWN, null, null, null);
        }
        Wording wording = raw.length() > MAX_READ_LENGTH ? Wording.UNREAD : Wording.of(raw);
        Reading reading = read(wording.core());
        if (reading.precision() == UNKNOWN) {
            String warning =
                    reading.problem() == null ? null : reading.problem().warning(raw);
            return new DueDate(raw, null, UNKNOWN, null, null, warning);
        }
        LocalDate date = reading.precision() == IMMEDIATE ? reference : reading.end();
        return new DueDate(raw, date, reading.precision(), reading.start(), wording.note(reading.note()), null);
    }

    private static Reading read(String text) {
        return firstReading(WORD_RULES, text)
                .or(() -> firstReading(PERIOD_RULES, text))
                .or(() -> range(text))
                .orElse(Reading.unknown(Problem.UNREADABLE));
    }

    private static Optional<Reading> firstReading(List<Rule> rules, String text) {
        return rules.stream()
                .map(rule -> rule.read(text))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Two periods joined by a dash or "to": from the start of the first to the end of the second. */
    private static Optional<Reading> range(String text) {
        Matcher separator = RANGE_SEPARATOR.matcher(text);
        while (separator.find()) {
            Reading from = period(text.substring(0, separator.start()));
            Reading to = period(text.substring(separator.end()));
            if (from.isKnown() && to.isKnown()) {
                return Optional.of(
                        to.end().isBefore(from.first())
                                ? Reading.unknown(Problem.ENDS_BEFORE_START)
                                : Reading.of(RANGE, from.first(), to.end()));
            }
        }
        return Optional.empty();
    }

    private static Reading period(String text) {
        return firstReading(PERIOD_RULES, text).orElse(Reading.unknown(Problem.UNREADABLE));
    }

    private static Reading day(int year, int month, int dayOfMonth) {
        try {
            return Reading.of(DAY, null, LocalDate.of(year, month, dayOfMonth));
        } catch (DateTimeException noSuchDay) {
            return Reading.unknown(Problem.NO_SUCH_DAY);
        }
    }

    private static Reading month(YearMonth month) {
        return Reading.of(MONTH, month.atDay(1), month.atEndOfMonth());
    }

    /** Quarters are calendar quarters: Q1 is January to March. */
    private static Reading quarter(int year, int quarter) {
        YearMonth first = YearMonth.of(year, quarter * 3 - 2);
        return Reading.of(QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    private static Reading calendarYear(int year) {
        return Reading.of(YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** A UK financial year, April to March; null when the years do not follow on, so a range may read them. */
    private static Reading financialYear(MatchResult match) {
        int startYear = number(match, 1);
        String end = match.group(2);
        int expected = end.length() == 2 ? (startYear + 1) % 100 : startYear + 1;
        if (Integer.parseInt(end) != expected) {
            return null;
        }
        String note = String.format("financial year %d/%02d", startYear, (startYear + 1) % 100);
        return Reading.of(YEAR, LocalDate.of(startYear, 4, 1), LocalDate.of(startYear + 1, 3, 31))
                .withNote(note);
    }

    private static int number(MatchResult match, int group) {
        return Integer.parseInt(match.group(group));
    }

    /** Two-digit years are this century up to 69, the last one from 70. */
    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (digits.length() > 2) {
            return year;
        }
        return year <= 69 ? 2000 + year : 1900 + year;
    }

    private static Map<String, Month> monthNames() {
        Map<String, Month> names = new HashMap<>();
        for (Month month : Month.values()) {
            String name = month.name().toLowerCase(Locale.ROOT);
            names.put(name, month);
            names.put(name.substring(0, 3), month);
        }
        names.put("sept", Month.SEPTEMBER);
        return Map.copyOf(names);
    }

    /** Newlines, tabs and non-breaking spaces become single spaces; null when nothing is left. */
    static String collapseWhitespace(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder collapsed = new StringBuilder(text.length());
        boolean spaceWanted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                spaceWanted = !collapsed.isEmpty();
            } else {
                if (spaceWanted) {
                    collapsed.append(' ');
                    spaceWanted = false;
                }
                collapsed.append(c);
            }
        }
        return collapsed.isEmpty() ? null : collapsed.toString();
    }

    private static String stripTrailingPunctuation(String text) {
        int end = text.length();
        while (end > 0 && " .,;:".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }

    /** One way of writing a date: the whole text must match the pattern; the meaning may still decline with null. */
    private record Rule(String name, Pattern pattern, Function<MatchResult, Reading> meaning) {

        static Rule of(String name, String regex, Function<MatchResult, Reading> meaning) {
            return new Rule(name, Pattern.compile(regex), meaning);
        }

        Optional<Reading> read(String text) {
            Matcher matcher = pattern.matcher(text);
            return matcher.matches() ? Optional.ofNullable(meaning.apply(matcher)) : Optional.empty();
        }
    }

    /** What a rule read: the period from {@code start} to {@code end}, or why nothing was read. */
    private record Reading(DuePrecision precision, LocalDate start, LocalDate end, String note, Problem problem) {

        static final Reading NOTHING = new Reading(UNKNOWN, null, null, null, null);
        static final Reading IMMEDIATELY = new Reading(IMMEDIATE, null, null, null, null);

        static Reading of(DuePrecision precision, LocalDate start, LocalDate end) {
            return new Reading(precision, start, end, null, null);
        }

        static Reading ongoing(String recurrence) {
            return new Reading(ONGOING, null, null, recurrence, null);
        }

        static Reading unknown(Problem problem) {
            return new Reading(UNKNOWN, null, null, null, problem);
        }

        Reading withNote(String note) {
            return new Reading(precision, start, end, note, problem);
        }

        boolean isKnown() {
            return precision != UNKNOWN && end != null;
        }

        LocalDate first() {
            return start == null ? end : start;
        }
    }

    /** The text split into words before the date, the date itself (lower-cased) and a bracketed note after it. */
    private record Wording(List<String> leadingNotes, String core, String trailingNote) {

        static final Wording UNREAD = new Wording(List.of(), "", null);

        static Wording of(String raw) {
            String text = stripTrailingPunctuation(raw);
            String trailingNote = null;
            int open = text.lastIndexOf('(');
            if (open > 0 && text.endsWith(")")) {
                trailingNote = text.substring(open);
                text = stripTrailingPunctuation(text.substring(0, open));
            }
            text = DASHES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-");
            List<String> leadingNotes = new ArrayList<>();
            Matcher words = LEADING_WORDS.matcher(text);
            while (words.lookingAt()) {
                if (NOTED_LEADING_WORDS.contains(words.group(1))) {
                    leadingNotes.add(words.group(1));
                }
                text = text.substring(words.end());
                words.reset(text);
            }
            return new Wording(leadingNotes, text, trailingNote);
        }

        String note(String readingNote) {
            String note = Stream.concat(leadingNotes.stream(), Stream.of(readingNote, trailingNote))
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining(" "));
            return note.isEmpty() ? null : note;
        }
    }

    private enum Problem {
        UNREADABLE("Could not read \"%s\" as a date; kept as text."),
        NO_SUCH_DAY("\"%s\" is not a real date; kept as text."),
        ENDS_BEFORE_START("\"%s\" ends before it starts; kept as text."),
        NOT_SET("No due date has been set yet (\"%s\"); kept as text.");

        private final String sentence;

        Problem(String sentence) {
            this.sentence = sentence;
        }

        String warning(String raw) {
            return String.format(sentence, quoted(raw));
        }

        private static String quoted(String raw) {
            if (raw.length() <= MAX_QUOTED_LENGTH) {
                return raw;
            }
            int end = MAX_QUOTED_LENGTH;
            if (Character.isHighSurrogate(raw.charAt(end - 1))) {
                end--;
            }
            return raw.substring(0, end) + "…";
        }
    }
}
