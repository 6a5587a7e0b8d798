package uk.assure.plan;

/** A status change the transition table refuses; the message is written for the person who asked for it. */
public class StatusTransitionException extends RuntimeException {

    private final ActionStatus from;
    private final ActionStatus to;

    public StatusTransitionException(ActionStatus from, ActionStatus to, String message) {
        super(message);
        this.from = from;
        this.to = to;
    }

    public ActionStatus from() {
        return from;
    }

    public ActionStatus to() {
        return to;
    }
}
