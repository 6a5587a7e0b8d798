package uk.assure.plan;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import uk.assure.system.Message;

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
                    Rag.RED, Message.of("rag.why.overdue", DATE.format(due), days(DAYS.between(due, today))));
        }

        List<Message> amber = new ArrayList<>();
        if (due != null
                && in.status() == ActionStatus.NOT_STARTED
                && DAYS.between(today, due) <= settings.warningDays()) {
            amber.add(Message.of("rag.why.notStarted", dueAhead(today, due)));
        }
        long sinceUpdate = DAYS.between(in.lastActivity(), today);
        if (sinceUpdate > settings.staleDays()) {
            amber.add(Message.of("rag.why.noUpdate", days(sinceUpdate), DATE.format(in.lastActivity())));
        }
        if (amber.size() == 2) {
            return new RagAssessment(Rag.AMBER, Message.of("rag.why.both", amber.get(0), amber.get(1)));
        }
        if (!amber.isEmpty()) {
            return new RagAssessment(Rag.AMBER, amber.get(0));
        }

        Message when = due != null ? dueAhead(today, due) : noDate(in.currentDue());
        return new RagAssessment(Rag.GREEN, Message.of("rag.why.updated", when, ago(sinceUpdate)));
    }

    private static RagAssessment finished(ActionStatus status) {
        return switch (status) {
            case COMPLETED -> new RagAssessment(Rag.COMPLETED, Message.of("rag.why.completed"));
            case CLOSED -> new RagAssessment(Rag.CLOSED, Message.of("rag.why.closed"));
            case SUPERSEDED -> new RagAssessment(Rag.CLOSED, Message.of("rag.why.superseded"));
            case NOT_STARTED, IN_PROGRESS -> throw new IllegalArgumentException(status + " is not finished");
        };
    }

    private static Message dueAhead(LocalDate today, LocalDate due) {
        long ahead = DAYS.between(today, due);
        return ahead == 0
                ? Message.of("rag.due.today", DATE.format(due))
                : Message.of("rag.due.ahead", DATE.format(due), days(ahead));
    }

    private static Message noDate(DueDate due) {
        return due != null && due.precision() == DuePrecision.ONGOING
                ? Message.of("rag.due.ongoing")
                : Message.of("rag.due.none");
    }

    /** An update stamped later than today (a clock set wrong somewhere) still reads as today's. */
    private static Message ago(long days) {
        return days <= 0 ? Message.of("rag.ago.today") : Message.of("rag.ago", days(days));
    }

    private static Message days(long n) {
        return Message.of("rag.days", n);
    }
}
