package uk.assure.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.assure.plan.ActionStatus.CLOSED;
import static uk.assure.plan.ActionStatus.COMPLETED;
import static uk.assure.plan.ActionStatus.IN_PROGRESS;
import static uk.assure.plan.ActionStatus.NOT_STARTED;
import static uk.assure.plan.ActionStatus.SUPERSEDED;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.assure.support.English;

class RagCalculatorTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Monday 15 April 2019, mid-morning in London. */
    private static final LocalDate TODAY = LocalDate.of(2019, 4, 15);

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-04-15T09:30:00Z"), LONDON);

    private final RagCalculator calculator = new RagCalculator(CLOCK, RagSettings.defaults());

    static Stream<Arguments> cases() {
        return Stream.of(
                // Overdue: the day after the due date, not the due date itself.
                row(
                        "due yesterday",
                        IN_PROGRESS,
                        on(-1),
                        daysAgo(5),
                        Rag.RED,
                        "Due 14 April 2019, 1 day ago; not completed"),
                row(
                        "due a fortnight ago",
                        IN_PROGRESS,
                        on(-15),
                        daysAgo(5),
                        Rag.RED,
                        "Due 31 March 2019, 15 days ago; not completed"),
                row(
                        "not started and overdue",
                        NOT_STARTED,
                        on(-1),
                        daysAgo(0),
                        Rag.RED,
                        "Due 14 April 2019, 1 day ago; not completed"),
                row(
                        "overdue and stale is just overdue",
                        IN_PROGRESS,
                        on(-12),
                        daysAgo(200),
                        Rag.RED,
                        "Due 3 April 2019, 12 days ago; not completed"),
                row(
                        "due today",
                        IN_PROGRESS,
                        on(0),
                        daysAgo(5),
                        Rag.GREEN,
                        "Due today, 15 April 2019; updated 5 days ago"),
                row(
                        "due tomorrow",
                        IN_PROGRESS,
                        on(1),
                        daysAgo(5),
                        Rag.GREEN,
                        "Due 16 April 2019, in 1 day; updated 5 days ago"),
                row(
                        "due soon but under way",
                        IN_PROGRESS,
                        on(10),
                        daysAgo(5),
                        Rag.GREEN,
                        "Due 25 April 2019, in 10 days; updated 5 days ago"),

                // Not started with the due date inside the warning window (30 days).
                row(
                        "not started, due today",
                        NOT_STARTED,
                        on(0),
                        daysAgo(5),
                        Rag.AMBER,
                        "Due today, 15 April 2019; not started"),
                row(
                        "not started, due tomorrow",
                        NOT_STARTED,
                        on(1),
                        daysAgo(5),
                        Rag.AMBER,
                        "Due 16 April 2019, in 1 day; not started"),
                row(
                        "not started, due in warningDays",
                        NOT_STARTED,
                        on(30),
                        daysAgo(5),
                        Rag.AMBER,
                        "Due 15 May 2019, in 30 days; not started"),
                row(
                        "not started, due in warningDays + 1",
                        NOT_STARTED,
                        on(31),
                        daysAgo(5),
                        Rag.GREEN,
                        "Due 16 May 2019, in 31 days; updated 5 days ago"),

                // Stale after more than 60 days without an update.
                row(
                        "updated staleDays ago",
                        IN_PROGRESS,
                        on(90),
                        daysAgo(60),
                        Rag.GREEN,
                        "Due 14 July 2019, in 90 days; updated 60 days ago"),
                row(
                        "updated staleDays + 1 ago",
                        IN_PROGRESS,
                        on(90),
                        daysAgo(61),
                        Rag.AMBER,
                        "No update for 61 days (last 13 February 2019)"),
                row(
                        "stale with no due date",
                        IN_PROGRESS,
                        null,
                        daysAgo(75),
                        Rag.AMBER,
                        "No update for 75 days (last 30 January 2019); no due date"),
                row(
                        "both amber reasons",
                        NOT_STARTED,
                        on(12),
                        daysAgo(75),
                        Rag.AMBER,
                        "Due 27 April 2019, in 12 days; not started; No update for 75 days (last 30 January 2019)"),

                // Finished work is never late.
                row(
                        "completed though overdue and stale",
                        COMPLETED,
                        on(-100),
                        daysAgo(300),
                        Rag.COMPLETED,
                        "Completed and signed off"),
                row("closed", CLOSED, on(-100), daysAgo(300), Rag.CLOSED, "Closed"),
                row("superseded", SUPERSEDED, on(-100), daysAgo(300), Rag.CLOSED, "Superseded"),

                // No date to be late against: never Green.
                row(
                        "no due date at all",
                        IN_PROGRESS,
                        null,
                        daysAgo(5),
                        Rag.NO_DUE_DATE,
                        "No due date; updated 5 days ago"),
                row(
                        "due date not understood",
                        IN_PROGRESS,
                        undated(DuePrecision.UNKNOWN, "When resources allow"),
                        daysAgo(1),
                        Rag.NO_DUE_DATE,
                        "No due date; updated 1 day ago"),
                row(
                        "immediate with no date",
                        NOT_STARTED,
                        undated(DuePrecision.IMMEDIATE, "Immediate"),
                        daysAgo(0),
                        Rag.NO_DUE_DATE,
                        "No due date; updated today"),
                row(
                        "ongoing",
                        IN_PROGRESS,
                        undated(DuePrecision.ONGOING, "Ongoing"),
                        daysAgo(5),
                        Rag.GREEN,
                        "Ongoing; updated 5 days ago"),
                row(
                        "ongoing but stale",
                        IN_PROGRESS,
                        undated(DuePrecision.ONGOING, "Ongoing"),
                        daysAgo(61),
                        Rag.AMBER,
                        "No update for 61 days (last 13 February 2019)"),
                row(
                        "month precision uses the date it stands for",
                        IN_PROGRESS,
                        new DueDate("March 2019", LocalDate.of(2019, 3, 31), DuePrecision.MONTH, null, null, null),
                        daysAgo(5),
                        Rag.RED,
                        "Due 31 March 2019, 15 days ago; not completed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesOnTheFixedDay(
            String name, ActionStatus status, DueDate due, LocalDate lastActivity, Rag rag, String explanation) {
        assertThat(inWords(calculator.assess(new RagInput(status, due, lastActivity))))
                .isEqualTo(new Worded(rag, explanation));
    }

    @Test
    void assessOnTakesTheDayGiven() {
        RagInput input = new RagInput(IN_PROGRESS, on(0), daysAgo(5));

        assertThat(calculator.assessOn(TODAY.plusDays(1), input).rag()).isEqualTo(Rag.RED);
        assertThat(calculator.assessOn(TODAY, input).rag()).isEqualTo(Rag.GREEN);
    }

    @Test
    void todayIsTheDayInTheClocksZone() {
        // 23:30 UTC on 14 April is already 00:30 on 15 April in London (BST).
        Clock justAfterMidnight = Clock.fixed(Instant.parse("2019-04-14T23:30:00Z"), LONDON);
        RagInput dueYesterdayInLondon = new RagInput(IN_PROGRESS, on(-1), daysAgo(5));

        assertThat(inWords(new RagCalculator(justAfterMidnight, RagSettings.defaults()).assess(dueYesterdayInLondon)))
                .isEqualTo(new Worded(Rag.RED, "Due 14 April 2019, 1 day ago; not completed"));
        assertThat(new RagCalculator(justAfterMidnight.withZone(ZoneId.of("UTC")), RagSettings.defaults())
                        .assess(dueYesterdayInLondon)
                        .rag())
                .isEqualTo(Rag.GREEN);
    }

    @Test
    void customSettingsMoveBothWindows() {
        RagCalculator strict = new RagCalculator(CLOCK, new RagSettings(7, 14));

        RagInput notStartedDueIn7 = new RagInput(NOT_STARTED, on(7), daysAgo(1));
        RagInput notStartedDueIn8 = new RagInput(NOT_STARTED, on(8), daysAgo(1));
        assertThat(inWords(strict.assess(notStartedDueIn7)))
                .isEqualTo(new Worded(Rag.AMBER, "Due 22 April 2019, in 7 days; not started"));
        assertThat(inWords(strict.assess(notStartedDueIn8)))
                .isEqualTo(new Worded(Rag.GREEN, "Due 23 April 2019, in 8 days; updated 1 day ago"));
        assertThat(calculator.assess(notStartedDueIn8).rag()).isEqualTo(Rag.AMBER);

        RagInput updated15DaysAgo = new RagInput(IN_PROGRESS, null, daysAgo(15));
        assertThat(inWords(strict.assess(updated15DaysAgo)))
                .isEqualTo(new Worded(Rag.AMBER, "No update for 15 days (last 31 March 2019); no due date"));
        assertThat(strict.assess(new RagInput(IN_PROGRESS, null, daysAgo(14))).rag())
                .isEqualTo(Rag.NO_DUE_DATE);
        assertThat(inWords(calculator.assess(updated15DaysAgo)))
                .isEqualTo(new Worded(Rag.NO_DUE_DATE, "No due date; updated 15 days ago"));
    }

    @Test
    void settingsDefaultToThirtyAndSixtyDaysAndRefuseNegatives() {
        assertThat(RagSettings.defaults()).isEqualTo(new RagSettings(30, 60));
        assertThatThrownBy(() -> new RagSettings(-1, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RagSettings(30, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRatingHasItsWordsWorstFirst() {
        assertThat(Stream.of(Rag.values()).map(r -> English.MESSAGES.getMessage(r.key(), null, Locale.UK)))
                .containsExactly(
                        "Red", "Amber", "No due date", "Green", "Completed, awaiting sign-off", "Completed", "Closed");
    }

    /**
     * Every combination the rules weigh: status × claimed or confirmed × the due date in force, the original and a
     * revision still awaiting acceptance × the lead's own word × staleness × no date, each with its reason in words.
     */
    static Stream<Arguments> honestCases() {
        LeadJudgement behind = new LeadJudgement("Behind schedule", TODAY.minusDays(34));
        LeadJudgement saidInForm = new LeadJudgement(null, TODAY.minusDays(3));
        LeadJudgement atRisk = new LeadJudgement("At risk", TODAY.minusDays(3));
        return Stream.of(
                // Completion: only a confirmed one is done (blue); a claim waits on someone else.
                honest(
                        "claimed complete, on time",
                        input(COMPLETED, Completion.CLAIMED, on(30), on(30), 0, null, null, 5),
                        Rag.AWAITING_SIGN_OFF,
                        "Completion claimed by the lead; awaiting sign-off by an admin or the oversight body"),
                honest(
                        "claimed complete after the due date",
                        input(COMPLETED, Completion.CLAIMED, on(-30), on(-30), 0, null, null, 5),
                        Rag.AWAITING_SIGN_OFF,
                        "Completion claimed by the lead; awaiting sign-off by an admin or the oversight body"),
                honest(
                        "claimed complete with no due date",
                        input(COMPLETED, Completion.CLAIMED, null, null, 0, null, null, 200),
                        Rag.AWAITING_SIGN_OFF,
                        "Completion claimed by the lead; awaiting sign-off by an admin or the oversight body"),
                honest(
                        "confirmed complete, slipped and stale",
                        input(COMPLETED, Completion.CONFIRMED, on(-10), on(-100), 2, null, behind, 300),
                        Rag.COMPLETED,
                        "Completed and signed off"),
                honest(
                        "closed with a revision still requested",
                        input(CLOSED, null, on(-10), on(-10), 0, on(100), null, 5),
                        Rag.CLOSED,
                        "Closed"),
                // A revised date is a request until accepted: RAG is measured against the date in force.
                honest(
                        "overdue, a later date requested",
                        input(IN_PROGRESS, null, on(-15), on(-15), 0, on(118), null, 5),
                        Rag.RED,
                        "Due 31 March 2019, 15 days ago; not completed; a new date of 11 August 2019 is requested,"
                                + " not yet accepted"),
                honest(
                        "on time, a later date requested",
                        input(IN_PROGRESS, null, on(40), on(40), 0, on(140), null, 5),
                        Rag.GREEN,
                        "Due 25 May 2019, in 40 days; updated 5 days ago; a new date of 2 September 2019 is"
                                + " requested, not yet accepted"),
                honest(
                        "not started, due soon, a later date requested",
                        input(NOT_STARTED, null, on(10), on(10), 0, on(200), null, 5),
                        Rag.AMBER,
                        "Due 25 April 2019, in 10 days; not started; a new date of 1 November 2019 is requested,"
                                + " not yet accepted"),
                // An accepted revision counts, and the action stays visibly slipped.
                honest(
                        "accepted revision, on time",
                        input(IN_PROGRESS, null, on(118), on(-15), 1, null, null, 5),
                        Rag.GREEN,
                        "Due 11 August 2019, in 118 days; updated 5 days ago; slipped: originally due 31 March 2019"),
                honest(
                        "revised twice, overdue again",
                        input(IN_PROGRESS, null, on(-2), on(-200), 2, null, null, 5),
                        Rag.RED,
                        "Due 13 April 2019, 2 days ago; not completed; slipped: originally due 27 September 2018"),
                honest(
                        "accepted revision, another requested",
                        input(IN_PROGRESS, null, on(20), on(-100), 1, on(300), null, 5),
                        Rag.GREEN,
                        "Due 5 May 2019, in 20 days; updated 5 days ago; slipped: originally due 5 January 2019;"
                                + " a new date of 9 February 2020 is requested, not yet accepted"),
                honest(
                        "brought forward is not a slip",
                        input(IN_PROGRESS, null, on(20), on(60), 1, null, null, 5),
                        Rag.GREEN,
                        "Due 5 May 2019, in 20 days; updated 5 days ago"),
                // The lead's own word that it is behind: at least Amber, whatever the dates say.
                honest(
                        "behind schedule though due next year",
                        input(IN_PROGRESS, null, on(300), on(300), 0, null, behind, 5),
                        Rag.AMBER,
                        "The lead reports it behind schedule (12 March 2019)"),
                honest(
                        "behind, said in the update form",
                        input(IN_PROGRESS, null, on(300), on(300), 0, null, saidInForm, 3),
                        Rag.AMBER,
                        "The lead reports it behind schedule (12 April 2019)"),
                honest(
                        "at risk and stale",
                        input(IN_PROGRESS, null, on(300), on(300), 0, null, atRisk, 90),
                        Rag.AMBER,
                        "The lead reports it at risk (12 April 2019); No update for 90 days (last 15 January 2019)"),
                honest(
                        "behind and not started, due soon",
                        input(NOT_STARTED, null, on(5), on(5), 0, null, behind, 5),
                        Rag.AMBER,
                        "The lead reports it behind schedule (12 March 2019); Due 20 April 2019, in 5 days;"
                                + " not started"),
                honest(
                        "behind and overdue is Red",
                        input(IN_PROGRESS, null, on(-1), on(-1), 0, null, behind, 5),
                        Rag.RED,
                        "Due 14 April 2019, 1 day ago; not completed"),
                honest(
                        "behind with no due date",
                        input(IN_PROGRESS, null, null, null, 0, null, behind, 5),
                        Rag.AMBER,
                        "The lead reports it behind schedule (12 March 2019); no due date"),
                honest(
                        "behind, ongoing",
                        input(IN_PROGRESS, null, undated(DuePrecision.ONGOING, "Ongoing"), null, 0, null, behind, 5),
                        Rag.AMBER,
                        "The lead reports it behind schedule (12 March 2019)"),
                honest(
                        "behind, slipped and a revision requested",
                        input(IN_PROGRESS, null, on(50), on(-50), 1, on(400), behind, 5),
                        Rag.AMBER,
                        "The lead reports it behind schedule (12 March 2019); slipped: originally due 24 February"
                                + " 2019; a new date of 19 May 2020 is requested, not yet accepted"),
                // No date: its own rating, never Green; a request for a date does not count until accepted.
                honest(
                        "no date, a date requested",
                        input(IN_PROGRESS, null, null, null, 0, on(60), null, 5),
                        Rag.NO_DUE_DATE,
                        "No due date; updated 5 days ago; a new date of 14 June 2019 is requested, not yet accepted"),
                honest(
                        "no date, not started, updated today",
                        input(NOT_STARTED, null, null, null, 0, null, null, 0),
                        Rag.NO_DUE_DATE,
                        "No due date; updated today"),
                honest(
                        "no date and stale",
                        input(NOT_STARTED, null, null, null, 0, null, null, 61),
                        Rag.AMBER,
                        "No update for 61 days (last 13 February 2019); no due date"),
                honest(
                        "ongoing stays ongoing",
                        input(IN_PROGRESS, null, undated(DuePrecision.ONGOING, "Ongoing"), null, 0, null, null, 5),
                        Rag.GREEN,
                        "Ongoing; updated 5 days ago"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("honestCases")
    void neverFlatters(String name, RagInput input, Rag rag, String explanation) {
        assertThat(inWords(calculator.assess(input))).isEqualTo(new Worded(rag, explanation));
    }

    @Test
    void aCompletedActionWithNoWordOnItsSignOffCountsAsConfirmed() {
        assertThat(new RagInput(COMPLETED, on(1), daysAgo(1)).completion()).isEqualTo(Completion.CONFIRMED);
        assertThat(new RagInput(IN_PROGRESS, null, on(1), on(1), 0, null, null, daysAgo(1)).completion())
                .isNull();
    }

    private static Arguments honest(String name, RagInput input, Rag rag, String explanation) {
        return Arguments.of(name, input, rag, explanation);
    }

    private static RagInput input(
            ActionStatus status,
            Completion completion,
            DueDate due,
            DueDate original,
            int revisions,
            DueDate requested,
            LeadJudgement offTrack,
            int daysSinceUpdate) {
        return new RagInput(
                status, completion, due, original, revisions, requested, offTrack, daysAgo(daysSinceUpdate));
    }

    /** A rating with its reason in words, as the page shows it. */
    record Worded(Rag rag, String explanation) {}

    private static Worded inWords(RagAssessment assessment) {
        return new Worded(assessment.rag(), English.of(assessment.explanation()));
    }

    private static Arguments row(
            String name, ActionStatus status, DueDate due, LocalDate lastActivity, Rag rag, String explanation) {
        return Arguments.of(name, status, due, lastActivity, rag, explanation);
    }

    private static DueDate on(int daysFromToday) {
        LocalDate date = TODAY.plusDays(daysFromToday);
        return new DueDate(date.toString(), date, DuePrecision.DAY, null, null, null);
    }

    private static DueDate undated(DuePrecision precision, String raw) {
        return new DueDate(raw, null, precision, null, null, null);
    }

    private static LocalDate daysAgo(int days) {
        return TODAY.minusDays(days);
    }
}
