package uk.assure.plan;

import uk.assure.system.Message;
import uk.assure.system.MessageException;

/** A status change the transition table refuses; the message is written for the person who asked for it. */
class StatusTransitionException extends MessageException {

    private final ActionStatus from;
    private final ActionStatus to;

    public StatusTransitionException(ActionStatus from, ActionStatus to, Message message) {
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
