package uk.assure.plan;

/**
 * A step of the history beyond an ordinary update: a claim and its sign-off, a requested due date and its decision.
 * Each is a row of the history and an audit event of the same name.
 */
public enum UpdateStep {
    COMPLETION_CLAIMED,
    COMPLETION_CONFIRMED,
    COMPLETION_SENT_BACK,
    REVISION_REQUESTED,
    REVISION_ACCEPTED,
    REVISION_REFUSED
}
