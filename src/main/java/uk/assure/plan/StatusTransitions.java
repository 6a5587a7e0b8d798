package uk.assure.plan;

import static uk.assure.plan.ActionStatus.CLOSED;
import static uk.assure.plan.ActionStatus.COMPLETED;
import static uk.assure.plan.ActionStatus.IN_PROGRESS;
import static uk.assure.plan.ActionStatus.NOT_STARTED;
import static uk.assure.plan.ActionStatus.SUPERSEDED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import uk.assure.system.Message;

/**
 * The one table of which status may follow which. A move to the same status is a progress note that leaves the
 * status alone. Every other rule about status changes reads this table.
 */
public final class StatusTransitions {

    /** Moves that need nothing but the update itself. */
    private static final Map<ActionStatus, Set<ActionStatus>> FREELY = new EnumMap<>(ActionStatus.class);

    /** Moves that end or undo work, so the record must say why. */
    private static final Map<ActionStatus, Set<ActionStatus>> WITH_REASON = new EnumMap<>(ActionStatus.class);

    static {
        rule(NOT_STARTED, EnumSet.of(NOT_STARTED, IN_PROGRESS, COMPLETED), EnumSet.of(CLOSED, SUPERSEDED));
        rule(IN_PROGRESS, EnumSet.of(IN_PROGRESS, COMPLETED), EnumSet.of(CLOSED, SUPERSEDED));
        rule(COMPLETED, EnumSet.of(COMPLETED), EnumSet.of(IN_PROGRESS));
        rule(CLOSED, EnumSet.noneOf(ActionStatus.class), EnumSet.noneOf(ActionStatus.class));
        rule(SUPERSEDED, EnumSet.noneOf(ActionStatus.class), EnumSet.noneOf(ActionStatus.class));
    }

    private StatusTransitions() {}

    private static void rule(ActionStatus from, Set<ActionStatus> freely, Set<ActionStatus> withReason) {
        FREELY.put(from, Collections.unmodifiableSet(freely));
        WITH_REASON.put(from, Collections.unmodifiableSet(withReason));
    }

    public static boolean isAllowed(ActionStatus from, ActionStatus to) {
        return FREELY.get(from).contains(to) || WITH_REASON.get(from).contains(to);
    }

    /** False for moves that are not allowed at all: there is no reason that makes them possible. */
    public static boolean requiresReason(ActionStatus from, ActionStatus to) {
        return WITH_REASON.get(from).contains(to);
    }

    /** The statuses an action may take next, its own included when a plain progress note is allowed. */
    public static Set<ActionStatus> next(ActionStatus from) {
        Set<ActionStatus> next = EnumSet.noneOf(ActionStatus.class);
        next.addAll(FREELY.get(from));
        next.addAll(WITH_REASON.get(from));
        return Collections.unmodifiableSet(next);
    }

    static boolean isTerminal(ActionStatus status) {
        return next(status).isEmpty();
    }

    public static void check(ActionStatus from, ActionStatus to, String reason) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!isAllowed(from, to)) {
            throw new StatusTransitionException(
                    from, to, Message.of("status.transition.refused", from.label(), to.label()));
        }
        if (requiresReason(from, to) && (reason == null || reason.isBlank())) {
            throw new StatusTransitionException(from, to, Message.of("status.transition.reasonRequired", to.label()));
        }
    }

    /** The table as a Mermaid state diagram, for the docs; written from the table so the two cannot drift. */
    public static String mermaid() {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        for (ActionStatus status : ActionStatus.values()) {
            out.append("    state \"")
                    .append(status.label())
                    .append("\" as ")
                    .append(status.name())
                    .append('\n');
        }
        for (ActionStatus from : ActionStatus.values()) {
            for (ActionStatus to : next(from)) {
                out.append("    ").append(from.name()).append(" --> ").append(to.name());
                if (from == to) {
                    out.append(" : progress note");
                } else if (requiresReason(from, to)) {
                    out.append(" : reason required");
                }
                out.append('\n');
            }
        }
        for (ActionStatus status : ActionStatus.values()) {
            if (isTerminal(status)) {
                out.append("    ").append(status.name()).append(" --> [*]\n");
            }
        }
        return out.toString();
    }
}
