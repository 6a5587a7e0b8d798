package uk.assure.plan;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Works out RAG from status, due date and the last update. RAG is never typed in: a rating someone chose goes stale
 * silently, one computed from the record cannot.
 */
public final class RagCalculator {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Clock clock;
    private final RagSettings settings;

    public RagCalculator(Clock clock, RagSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public RagAssessment assess(RagInput in) {
        return assessOn(LocalDate.now(clock), in);
    }

    public RagAssessment assessOn(LocalDate today, RagInput in) {
        if (in.status().isDone()) {
            return finished(in.status());
        }

        LocalDate due = in.currentDue() != null && in.currentDue().isKnown()
                ? in.currentDue().date()
                : null;
        if (due != null && today.isAfter(due)) {
            return new RagAssessment(
                    Rag.RED, "Due " + DATE.format(due) + ", " + days(DAYS.between(due, today)) + " ago; not completed");
        }

        List<String> amber = new ArrayList<>();
        if (due != null
                && in.status() == ActionStatus.NOT_STARTED
                && DAYS.between(today, due) <= settings.warningDays()) {
            amber.add(dueAhead(today, due) + "; not started");
        }
        long sinceUpdate = DAYS.between(in.lastActivity(), today);
        if (sinceUpdate > settings.staleDays()) {
            amber.add("No update for " + days(sinceUpdate) + " (last " + DATE.format(in.lastActivity()) + ")");
        }
        if (!amber.isEmpty()) {
            return new RagAssessment(Rag.AMBER, String.join("; ", amber));
        }

        String when = due != null ? dueAhead(today, due) : noDate(in.currentDue());
        return new RagAssessment(Rag.GREEN, when + "; updated " + ago(sinceUpdate));
    }

    private static RagAssessment finished(ActionStatus status) {
        return switch (status) {
            case COMPLETED -> new RagAssessment(Rag.COMPLETED, "Completed");
            case CLOSED -> new RagAssessment(Rag.CLOSED, "Closed");
            case SUPERSEDED -> new RagAssessment(Rag.CLOSED, "Superseded");
            case NOT_STARTED, IN_PROGRESS -> throw new IllegalArgumentException(status + " is not finished");
        };
    }

    private static String dueAhead(LocalDate today, LocalDate due) {
        long ahead = DAYS.between(today, due);
        return ahead == 0 ? "Due today, " + DATE.format(due) : "Due " + DATE.format(due) + ", in " + days(ahead);
    }

    private static String noDate(DueDate due) {
        return due != null && due.precision() == DuePrecision.ONGOING ? "Ongoing" : "No due date";
    }

    /** An update stamped later than today (a clock set wrong somewhere) still reads as today's. */
    private static String ago(long days) {
        return days <= 0 ? "today" : days(days) + " ago";
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }
}
