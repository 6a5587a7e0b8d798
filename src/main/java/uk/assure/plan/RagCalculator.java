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
 * Works out RAG from the record: status and sign-off, the due date in force (a revision counts only once accepted),
 * the lead's own word that the action is behind, and the last update. RAG is never typed in: a rating someone chose
 * goes stale silently, one computed from the record cannot. The rules, first that fits wins (docs/adr/0002):
 *
 * <ol>
 *   <li>Closed or Superseded: Closed.</li>
 *   <li>Completed and confirmed: Completed (blue). Completed and only claimed: Awaiting sign-off.</li>
 *   <li>Past the due date in force: Red.</li>
 *   <li>The lead says it is behind; or not started and due within the warning window; or no update for longer than
 *       the stale window: Amber, every reason given.</li>
 *   <li>No due date (and not "ongoing"): No due date.</li>
 *   <li>Otherwise Green.</li>
 * </ol>
 *
 * Every rating carries its reason in words (messages.properties, {@code rag.reason.*}); a slipped or re-dated
 * action says so in it.
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
        switch (in.status()) {
            case CLOSED -> {
                return new RagAssessment(Rag.CLOSED, Message.of("rag.reason.closed"));
            }
            case SUPERSEDED -> {
                return new RagAssessment(Rag.CLOSED, Message.of("rag.reason.superseded"));
            }
            case COMPLETED -> {
                return in.completion() == Completion.CLAIMED
                        ? new RagAssessment(Rag.AWAITING_SIGN_OFF, Message.of("rag.reason.claimed"))
                        : new RagAssessment(Rag.COMPLETED, Message.of("rag.reason.confirmed"));
            }
            case NOT_STARTED, IN_PROGRESS -> {
                return open(today, in);
            }
        }
        throw new IllegalArgumentException("Unknown status " + in.status());
    }

    private RagAssessment open(LocalDate today, RagInput in) {
        LocalDate due = known(in.currentDue());
        if (due != null && today.isAfter(due)) {
            return rated(
                    Rag.RED,
                    Message.of("rag.reason.overdue", DATE.format(due), days(DAYS.between(due, today))),
                    in,
                    due);
        }

        List<Message> amber = new ArrayList<>();
        if (in.offTrack() != null) {
            String word = in.offTrack().word();
            amber.add(Message.of(
                    "rag.reason.offTrack",
                    word == null || word.isBlank()
                            ? Message.of("rag.reason.offTrack.default")
                            : word.strip().toLowerCase(Locale.UK),
                    DATE.format(in.offTrack().since())));
        }
        if (due != null
                && in.status() == ActionStatus.NOT_STARTED
                && DAYS.between(today, due) <= settings.warningDays()) {
            amber.add(Message.of("rag.reason.notStarted", dueAhead(today, due)));
        }
        long sinceUpdate = DAYS.between(in.lastActivity(), today);
        if (sinceUpdate > settings.staleDays()) {
            amber.add(Message.of("rag.reason.stale", days(sinceUpdate), DATE.format(in.lastActivity())));
        }
        if (!amber.isEmpty()) {
            if (due == null && !ongoing(in.currentDue())) {
                amber.add(Message.of("rag.reason.noDate.also"));
            }
            Message reasons = amber.get(0);
            for (Message next : amber.subList(1, amber.size())) {
                reasons = Message.of("rag.reason.and", reasons, next);
            }
            return rated(Rag.AMBER, reasons, in, due);
        }

        Message updated =
                sinceUpdate <= 0 ? Message.of("rag.reason.today") : Message.of("rag.reason.ago", days(sinceUpdate));
        if (due == null && !ongoing(in.currentDue())) {
            return rated(
                    Rag.NO_DUE_DATE,
                    Message.of("rag.reason.updated", Message.of("rag.reason.noDate"), updated),
                    in,
                    null);
        }
        Message when = due != null ? dueAhead(today, due) : Message.of("rag.reason.ongoing");
        return rated(Rag.GREEN, Message.of("rag.reason.updated", when, updated), in, due);
    }

    /** The reason, with a slip from the original date and a revision still awaiting acceptance added. */
    private static RagAssessment rated(Rag rag, Message reason, RagInput in, LocalDate due) {
        Message said = reason;
        LocalDate original = known(in.originalDue());
        if (due != null && original != null && due.isAfter(original)) {
            said = Message.of("rag.reason.slipped", said, DATE.format(original));
        }
        LocalDate requested = known(in.requestedDue());
        if (requested != null) {
            said = Message.of("rag.reason.pending", said, DATE.format(requested));
        }
        return new RagAssessment(rag, said);
    }

    private static Message dueAhead(LocalDate today, LocalDate due) {
        long ahead = DAYS.between(today, due);
        return ahead == 0
                ? Message.of("rag.reason.dueToday", DATE.format(due))
                : Message.of("rag.reason.dueIn", DATE.format(due), days(ahead));
    }

    private static LocalDate known(DueDate due) {
        return due != null && due.isKnown() ? due.date() : null;
    }

    private static boolean ongoing(DueDate due) {
        return due != null && due.precision() == DuePrecision.ONGOING;
    }

    private static Message days(long n) {
        return Message.of("rag.reason.days", n);
    }
}
