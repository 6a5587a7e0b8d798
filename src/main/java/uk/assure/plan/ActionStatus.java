package uk.assure.plan;

/** Where an action stands. Plans use their own words for these; see {@link StatusVocabulary}. */
public enum ActionStatus {
    NOT_STARTED("Not started"),
    IN_PROGRESS("In progress"),
    COMPLETED("Completed"),
    CLOSED("Closed"),
    SUPERSEDED("Superseded");

    private final String label;

    ActionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Nothing can follow this status; read from {@link StatusTransitions} so there is one table. */
    public boolean isTerminal() {
        return StatusTransitions.isTerminal(this);
    }

    /** No more work is expected: completed, closed or superseded. */
    public boolean isDone() {
        return this == COMPLETED || this == CLOSED || this == SUPERSEDED;
    }
}
