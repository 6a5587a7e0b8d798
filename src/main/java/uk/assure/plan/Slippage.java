package uk.assure.plan;

import java.time.LocalDate;

/**
 * An action whose due date in force is later than the date the plan first gave: it stays visibly slipped however
 * properly the new date was accepted. "Slipped: originally due April 2026, now March 2027 (revised twice)".
 *
 * @param revisions how many accepted revisions moved it
 */
public record Slippage(LocalDate originalDate, LocalDate currentDate, int revisions) {

    /** The slip, or null when the action has not slipped (or either date is unknown). */
    static Slippage of(DueDate original, DueDate current, int revisions) {
        if (original == null || current == null || !original.isKnown() || !current.isKnown()) {
            return null;
        }
        return current.date().isAfter(original.date())
                ? new Slippage(original.date(), current.date(), Math.max(1, revisions))
                : null;
    }
}
