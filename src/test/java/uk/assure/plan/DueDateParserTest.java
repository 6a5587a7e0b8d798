package uk.assure.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static uk.assure.plan.DuePrecision.DAY;
import static uk.assure.plan.DuePrecision.IMMEDIATE;
import static uk.assure.plan.DuePrecision.MONTH;
import static uk.assure.plan.DuePrecision.ONGOING;
import static uk.assure.plan.DuePrecision.QUARTER;
import static uk.assure.plan.DuePrecision.RANGE;
import static uk.assure.plan.DuePrecision.UNKNOWN;
import static uk.assure.plan.DuePrecision.YEAR;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DueDateParserTest {

    private static final LocalDate WRITTEN_ON = LocalDate.of(2018, 5, 14);
    private static final String PREVIOUSLY = "(previously addressed)";
    private static final String FINANCIAL_2018 = "financial year 2018/19";

    static Stream<Arguments> formsFoundInRealPlans() {
        return Stream.of(
                //    written                                   precision  date          range start   note
                reads("Mar.19", MONTH, "2019-03-31", "2019-03-01", null),
                reads("Sept. 19", MONTH, "2019-09-30", "2019-09-01", null),
                reads("Jun. 19", MONTH, "2019-06-30", "2019-06-01", null),
                reads("Dec.18", MONTH, "2018-12-31", "2018-12-01", null),
                reads("Sept.18", MONTH, "2018-09-30", "2018-09-01", null),
                reads("Sep 18", MONTH, "2018-09-30", "2018-09-01", null),
                reads("Jan.19", MONTH, "2019-01-31", "2019-01-01", null),
                reads("Apr.19", MONTH, "2019-04-30", "2019-04-01", null),
                reads("Jul.18", MONTH, "2018-07-31", "2018-07-01", null),
                reads("Oct.18", MONTH, "2018-10-31", "2018-10-01", null),
                reads("Dec.19", MONTH, "2019-12-31", "2019-12-01", null),
                reads("29 January 2010", DAY, "2010-01-29", null, null),
                reads("1 December 2009 (previously addressed)", DAY, "2009-12-01", null, PREVIOUSLY),
                reads("30 June 2018", DAY, "2018-06-30", null, null),
                reads("8 January 2010", DAY, "2010-01-08", null, null),
                reads("31st Mar. 2019", DAY, "2019-03-31", null, null),
                reads("November 2017", MONTH, "2017-11-30", "2017-11-01", null),
                reads("March\n2018", MONTH, "2018-03-31", "2018-03-01", null),
                reads("July 2018", MONTH, "2018-07-31", "2018-07-01", null),
                reads("MARCH 2018", MONTH, "2018-03-31", "2018-03-01", null),
                reads("September 2017- 2018", RANGE, "2018-12-31", "2017-09-01", null),
                reads("September 2017-2018", RANGE, "2018-12-31", "2017-09-01", null),
                reads("September\n2017- 2018", RANGE, "2018-12-31", "2017-09-01", null),
                reads("September 2017 - September 2018", RANGE, "2018-09-30", "2017-09-01", null),
                reads("September 2017 \u2013 September 2018", RANGE, "2018-09-30", "2017-09-01", null),
                reads("Q1 2019 to Q3 2019", RANGE, "2019-09-30", "2019-01-01", null),
                reads("To Commence March 2018", MONTH, "2018-03-31", "2018-03-01", "to commence"),
                reads("31/08/18", DAY, "2018-08-31", null, null),
                reads("31/08/2018", DAY, "2018-08-31", null, null),
                reads("1/10/18", DAY, "2018-10-01", null, null),
                reads("30.06.2018", DAY, "2018-06-30", null, null),
                reads("2018-08-31", DAY, "2018-08-31", null, null),
                reads("29/02/2020", DAY, "2020-02-29", null, null),
                reads("Ongoing", ONGOING, null, null, null),
                reads("On-going", ONGOING, null, null, null),
                reads("On going", ONGOING, null, null, null),
                reads("Continuous", ONGOING, null, null, null),
                reads("Quarterly", ONGOING, null, null, "quarterly"),
                reads("Monthly", ONGOING, null, null, "monthly"),
                reads("Annually", ONGOING, null, null, "annually"),
                reads("Annual", ONGOING, null, null, "annual"),
                reads("Immediate", IMMEDIATE, "2018-05-14", null, null),
                reads("Immediately", IMMEDIATE, "2018-05-14", null, null),
                reads("With immediate effect", IMMEDIATE, "2018-05-14", null, null),
                reads("Q3 2019", QUARTER, "2019-09-30", "2019-07-01", null),
                reads("Q1 2020", QUARTER, "2020-03-31", "2020-01-01", null),
                reads("Q4 18", QUARTER, "2018-12-31", "2018-10-01", null),
                reads("2018/19", YEAR, "2019-03-31", "2018-04-01", FINANCIAL_2018),
                reads("2018-19", YEAR, "2019-03-31", "2018-04-01", FINANCIAL_2018),
                reads("2018/2019", YEAR, "2019-03-31", "2018-04-01", FINANCIAL_2018),
                reads("2019", YEAR, "2019-12-31", "2019-01-01", null),
                reads("2018 - 2020", RANGE, "2020-12-31", "2018-01-01", null),
                reads("End Oct 03", MONTH, "2003-10-31", "2003-10-01", null),
                reads("End of March 2019", MONTH, "2019-03-31", "2019-03-01", null),
                reads("end March 2019", MONTH, "2019-03-31", "2019-03-01", null),
                reads("By 31/12/2016", DAY, "2016-12-31", null, null),
                reads("by March 2019", MONTH, "2019-03-31", "2019-03-01", null),
                reads("By the end of Q2 2019.", QUARTER, "2019-06-30", "2019-04-01", null),
                reads("Jan 70", MONTH, "1970-01-31", "1970-01-01", null),
                reads("Jan 69", MONTH, "2069-01-31", "2069-01-01", null));
    }

    private static Arguments reads(
            String written, DuePrecision precision, String date, String rangeStart, String note) {
        return Arguments.of(written, precision, day(date), day(rangeStart), note);
    }

    private static LocalDate day(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" reads as {1} due {2}")
    @MethodSource("formsFoundInRealPlans")
    void readsEachFormFoundInRealPlans(
            String written, DuePrecision precision, LocalDate date, LocalDate rangeStart, String note) {
        DueDate due = DueDate.parse(written, WRITTEN_ON);

        assertThat(due.precision()).as("precision").isEqualTo(precision);
        assertThat(due.date()).as("date").isEqualTo(date);
        assertThat(due.rangeStart()).as("range start").isEqualTo(rangeStart);
        assertThat(due.note()).as("note").isEqualTo(note);
        assertThat(due.warning()).as("warning").isNull();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is kept as text with a warning")
    @ValueSource(
            strings = {
                "See above.",
                "Whenever possible",
                "Mid 2019",
                "Spring 2019",
                "Summer 2019",
                "March",
                "Q5 2019",
                "2018/20",
                "31/08",
                "Mar.19 or Apr.19",
                "(tbc)",
                "By",
                "3000"
            })
    void keepsUnreadableTextWithAWarningQuotingIt(String written) {
        DueDate due = DueDate.parse(written, WRITTEN_ON);

        assertThat(due.precision()).isEqualTo(UNKNOWN);
        assertThat(due.date()).isNull();
        assertThat(due.rangeStart()).isNull();
        assertThat(due.raw()).isEqualTo(written);
        assertThat(due.warning()).isEqualTo("Could not read \"" + written + "\" as a date; kept as text.");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is not a real date")
    @ValueSource(strings = {"31 February 2019", "31/02/2019", "2019-02-31", "29/02/2019", "31 June 2018", "1/13/18"})
    void warnsThatADayWhichDoesNotExistIsNotARealDate(String written) {
        DueDate due = DueDate.parse(written);

        assertThat(due.precision()).isEqualTo(UNKNOWN);
        assertThat(due.date()).isNull();
        assertThat(due.warning()).isEqualTo("\"" + written + "\" is not a real date; kept as text.");
    }

    @Test
    void warnsThatARangeEndingBeforeItStartsIsNotRead() {
        DueDate due = DueDate.parse("September 2018 - March 2018");

        assertThat(due.precision()).isEqualTo(UNKNOWN);
        assertThat(due.date()).isNull();
        assertThat(due.warning()).isEqualTo("\"September 2018 - March 2018\" ends before it starts; kept as text.");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" has no date set yet")
    @ValueSource(strings = {"tbc", "TBC", "TBC.", "To be confirmed"})
    void warnsThatADateToBeConfirmedIsNotSetYet(String written) {
        DueDate due = DueDate.parse(written);

        assertThat(due.precision()).isEqualTo(UNKNOWN);
        assertThat(due.date()).isNull();
        assertThat(due.warning()).isEqualTo("No due date has been set yet (\"" + written + "\"); kept as text.");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" means no date, without a warning")
    @ValueSource(strings = {"-", "--", "\u2013", "n/a", "N/A", "NA", "Not applicable"})
    void readsADashOrNotApplicableAsNoDateWithoutAWarning(String written) {
        DueDate due = DueDate.parse(written);

        assertThat(due.raw()).isEqualTo(written);
        assertThat(due.precision()).isEqualTo(UNKNOWN);
        assertThat(due.date()).isNull();
        assertThat(due.note()).isNull();
        assertThat(due.warning()).isNull();
    }

    @ParameterizedTest(name = "[{index}] empty cell {0}")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\t", "\u00A0", " \r\n \u2007 "})
    void readsAnEmptyCellAsNoDateWithoutAWarning(String written) {
        DueDate due = DueDate.parse(written, WRITTEN_ON);

        assertThat(due.raw()).isNull();
        assertThat(due.precision()).isEqualTo(UNKNOWN);
        assertThat(due.date()).isNull();
        assertThat(due.note()).isNull();
        assertThat(due.warning()).isNull();
        assertThat(due.isKnown()).isFalse();
    }

    @Test
    void collapsesWhitespaceInTheTextAsWritten() {
        DueDate due = DueDate.parse("  1 December\u00A02009\n\n(previously\taddressed) ");

        assertThat(due.raw()).isEqualTo("1 December 2009 (previously addressed)");
        assertThat(due.date()).isEqualTo(LocalDate.of(2009, 12, 1));
        assertThat(due.note()).isEqualTo(PREVIOUSLY);
    }

    @Test
    void keepsTheTextAsWrittenIncludingItsCase() {
        assertThat(DueDate.parse("To Commence March 2018").raw()).isEqualTo("To Commence March 2018");
    }

    @Test
    void readsAFinancialYearAcrossTheCentury() {
        DueDate due = DueDate.parse("1999/00");

        assertThat(due.precision()).isEqualTo(YEAR);
        assertThat(due.rangeStart()).isEqualTo(LocalDate.of(1999, 4, 1));
        assertThat(due.date()).isEqualTo(LocalDate.of(2000, 3, 31));
        assertThat(due.note()).isEqualTo("financial year 1999/00");
    }

    @Test
    void readsImmediatelyAsTheDayThePlanWasWritten() {
        assertThat(DueDate.parse("Immediately", WRITTEN_ON).date()).isEqualTo(WRITTEN_ON);
    }

    @Test
    void readsImmediatelyWithoutADateWhenThePlanDateIsNotKnown() {
        DueDate due = DueDate.parse("Immediately");

        assertThat(due.precision()).isEqualTo(IMMEDIATE);
        assertThat(due.date()).isNull();
        assertThat(due.warning()).isNull();
    }

    @Test
    void usesThePlanDateOnlyForImmediately() {
        assertThat(DueDate.parse("Mid 2019", WRITTEN_ON).date()).isNull();
        assertThat(DueDate.parse("Ongoing", WRITTEN_ON).date()).isNull();
        assertThat(DueDate.parse("March 2019", WRITTEN_ON)).isEqualTo(DueDate.parse("March 2019"));
    }

    @Test
    void keepsVeryLongTextWholeButQuotesOnlyItsStartInTheWarning() {
        String written = "March 2019 " + "x".repeat(10_000);

        DueDate due = DueDate.parse(written);

        assertThat(due.raw()).isEqualTo(written);
        assertThat(due.precision()).isEqualTo(UNKNOWN);
        assertThat(due.warning())
                .startsWith("Could not read \"March 2019 xxx")
                .endsWith("…\" as a date; kept as text.");
        assertThat(due.warning()).hasSizeLessThan(200);
    }

    @Test
    void readsTextBuiltToCauseBacktrackingQuickly() {
        List<String> hostile = List.of(
                "1-".repeat(250),
                "1/".repeat(5_000),
                "september".repeat(55),
                "q1 ".repeat(166),
                "2019 - ".repeat(71),
                "by ".repeat(166),
                "(".repeat(499) + ")");

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> hostile.forEach(DueDate::parse));
    }

    @Test
    void neverThrowsOnRandomText() {
        Random random = new Random(20190331L);
        String[] pieces = {
            "0",
            "1",
            "2",
            "9",
            "12",
            "19",
            "2018",
            "31",
            "/",
            "/",
            ".",
            "-",
            "\u2013",
            " ",
            " ",
            "\n",
            "\t",
            "\u00A0",
            "Mar",
            "Sept.",
            "September",
            "june",
            "Q",
            "q4",
            "(",
            ")",
            "By ",
            "end of",
            "to",
            "commence",
            "Ongoing",
            "immediate",
            "tbc",
            "n/a",
            "\u0000",
            "\u001F",
            "\uD83D\uDCC5",
            "\uD800",
            "é",
            "İ",
            "th",
            "st",
            "fy",
            "'",
            ","
        };

        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int piece = 0; piece < length; piece++) {
                boolean anyCharacter = random.nextInt(8) == 0;
                text.append(anyCharacter ? (char) random.nextInt(0x3000) : pieces[random.nextInt(pieces.length)]);
            }
            String written = text.toString();

            assertThatCode(() -> assertConsistent(DueDate.parse(written, WRITTEN_ON)))
                    .as("reading \"%s\"", written)
                    .doesNotThrowAnyException();
        }
    }

    private static void assertConsistent(DueDate due) {
        if (due.warning() != null) {
            assertThat(due.precision()).isEqualTo(UNKNOWN);
        }
        if (due.precision() == UNKNOWN) {
            assertThat(due.date()).isNull();
        }
        if (due.rangeStart() != null) {
            assertThat(due.rangeStart()).isBeforeOrEqualTo(due.date());
        }
    }
}
