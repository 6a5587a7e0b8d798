package uk.assure.plan;

/**
 * Where a completed action's sign-off stands. A lead's "completed" is a claim; only an admin or a member of the
 * action's oversight body, someone other than whoever claimed it, makes it confirmed, and only confirmed
 * completion counts as done.
 */
public enum Completion {
    /** Marked completed, with its evidence; awaiting sign-off. */
    CLAIMED,
    /** Signed off by someone other than the lead. */
    CONFIRMED
}
