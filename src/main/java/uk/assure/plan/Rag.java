package uk.assure.plan;

/**
 * A computed rating, worst first (the order lists sort by and dashboards count in). Pages show its words,
 * {@code rag.<NAME>} in messages.properties; colour only repeats them. "BRAG": blue is completed and confirmed.
 */
public enum Rag {
    RED,
    AMBER,
    /** Open with no date to measure it against: something to fix, never Green. */
    NO_DUE_DATE,
    GREEN,
    /** Claimed complete by its lead; not done until someone else signs it off. */
    AWAITING_SIGN_OFF,
    /** Completed and confirmed: the only Completed that counts as done. */
    COMPLETED,
    CLOSED;

    /** The GOV.UK tag colour that repeats its words. */
    public String tagClass() {
        return switch (this) {
            case RED -> "govuk-tag--red";
            case AMBER -> "govuk-tag--yellow";
            case GREEN -> "govuk-tag--green";
            case COMPLETED -> "govuk-tag--blue";
            case NO_DUE_DATE -> "govuk-tag--purple";
            case AWAITING_SIGN_OFF -> "govuk-tag--light-blue";
            case CLOSED -> "govuk-tag--grey";
        };
    }

    /** The key of its words in messages.properties. */
    public String key() {
        return "rag." + name();
    }
}
