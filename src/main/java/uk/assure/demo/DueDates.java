package uk.assure.demo;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import uk.assure.plan.DueDate;

/**
 * Plans an action's due dates for its {@link Scenario}: the date the plan gave and, when the action slipped, the
 * update that revised it and the new date. Dates count from today and fit the default RAG windows: due soon means
 * within 30 days, and "ahead" means more than 30 days away.
 */
final class DueDates {

    /** The due date the plan gave, and the one update (by index) that revised it, if any. */
    record Dues(DueDate original, int revisedAt, DueDate revised, String reason) {
        static Dues fixed(DueDate due) {
            return new Dues(due, -1, null, null);
        }

        DueDate inForceAfter(int update) {
            return revisedAt >= 0 && update >= revisedAt ? revised : original;
        }
    }

    private final Dice dice;
    private final LocalDate today;
    private final LocalDate issued;
    private final DueStyle planStyle;

    /** {@code planStyle} writes the first date of an action that later slipped to a day. */
    DueDates(Dice dice, LocalDate today, LocalDate issued, DueStyle planStyle) {
        this.dice = dice;
        this.today = today;
        this.issued = issued;
        this.planStyle = planStyle;
    }

    /** {@code days} are the days of the action's updates, in order. */
    Dues plan(Scenario scenario, DueStyle style, List<LocalDate> days, Narratives words) {
        return switch (scenario) {
            case RED -> overdue(style, days, words);
            case AMBER_DUE_SOON -> dueSoon(days, words);
            case AMBER_STALE, GREEN -> ahead(style, days, words);
            case COMPLETED -> completed(style, days, words);
            case CLOSED, SUPERSEDED ->
                Dues.fixed(written(style, last(days).plusDays(dice.between(-60, 120)), d -> true, 1));
        };
    }

    /** Due before today; half the time after slipping once, to a date that has itself now passed. */
    private Dues overdue(DueStyle style, List<LocalDate> days, Narratives words) {
        Predicate<LocalDate> passed = d -> d.isBefore(today);
        int at = dice.chance(0.5) ? dice.anyIndex(days.size(), i -> DAYS.between(days.get(i), today) >= 60) : -1;
        if (at < 0) {
            return Dues.fixed(written(style, today.minusDays(dice.between(35, 240)), passed, -1));
        }
        LocalDate revisedOn = days.get(at);
        int room = (int) Math.max(0, DAYS.between(revisedOn, today) - 65);
        DueDate revised = written(style, revisedOn.plusDays(30 + dice.between(0, room)), passed, -1);
        DueDate original = written(
                style, afterIssue(revisedOn.minusDays(dice.between(0, 60))), d -> d.isBefore(revised.date()), -1);
        return new Dues(original, at, revised, words.pick(Narratives.REVISION_REASONS));
    }

    /** Due within the warning window, always written as a day; half the time it slipped to that day. */
    private Dues dueSoon(List<LocalDate> days, Narratives words) {
        DueDate soon = DueStyle.DAY.due(today.plusDays(dice.between(5, 25)));
        if (!dice.chance(0.5)) {
            return Dues.fixed(soon);
        }
        int at = days.size() - 1;
        DueDate original = written(
                planStyle, afterIssue(days.get(at).minusDays(dice.between(0, 45))), d -> d.isBefore(soon.date()), -1);
        return new Dues(original, at, soon, words.pick(Narratives.REVISION_REASONS));
    }

    /** Due more than the warning window ahead, or undated; sometimes after slipping. */
    private Dues ahead(DueStyle style, List<LocalDate> days, Narratives words) {
        if (style == DueStyle.ONGOING) {
            return Dues.fixed(style.due(today));
        }
        DueDate later = written(style, today.plusDays(dice.between(45, 330)), d -> d.isAfter(today.plusDays(30)), 1);
        if (!dice.chance(0.4)) {
            return Dues.fixed(later);
        }
        int at = dice.below(days.size());
        DueDate original = written(
                style, afterIssue(days.get(at).plusDays(dice.between(-30, 20))), d -> d.isBefore(later.date()), -1);
        return new Dues(original, at, later, words.pick(Narratives.REVISION_REASONS));
    }

    /** Due around when it was finished; sometimes revised part way. */
    private Dues completed(DueStyle style, List<LocalDate> days, Narratives words) {
        LocalDate done = last(days);
        if (days.size() < 3 || !dice.chance(0.3)) {
            return Dues.fixed(written(style, afterIssue(done.plusDays(dice.between(-45, 75))), d -> true, 1));
        }
        int at = dice.between(1, days.size() - 2);
        DueDate revised = written(style, done.plusDays(dice.between(10, 60)), d -> true, 1);
        DueDate original = written(
                style, afterIssue(days.get(at).plusDays(dice.between(-20, 10))), d -> d.isBefore(revised.date()), -1);
        return new Dues(original, at, revised, words.pick(Narratives.REVISION_REASONS));
    }

    /** The style's text for the period holding {@code target}, moved a month at a time until its deadline fits. */
    private static DueDate written(DueStyle style, LocalDate target, Predicate<LocalDate> fits, int stepMonths) {
        if (style == DueStyle.ONGOING) {
            throw new IllegalArgumentException("Ongoing has no deadline to fit");
        }
        LocalDate candidate = target;
        for (int i = 0; i < 60; i++) {
            DueDate due = style.due(candidate);
            if (fits.test(due.date())) {
                return due;
            }
            candidate = candidate.plusMonths(stepMonths);
        }
        throw new IllegalStateException("No " + style + " due date fits near " + target);
    }

    /** Plans set their first dates at least a month after they are issued. */
    private LocalDate afterIssue(LocalDate target) {
        LocalDate earliest = issued.plusDays(30);
        return target.isBefore(earliest) ? earliest : target;
    }

    private static LocalDate last(List<LocalDate> days) {
        return days.get(days.size() - 1);
    }
}
