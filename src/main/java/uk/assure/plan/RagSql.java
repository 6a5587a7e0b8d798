package uk.assure.plan;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * {@link RagCalculator}'s rules as a SQL expression over an action (aliased {@code a}), so that lists filter, sort
 * and count by RAG in PostgreSQL. It yields the rating's {@link Rag#ordinal()} (worst first, the order lists sort
 * by) on the day and with the windows bound as {@code :today}, {@code :zone}, {@code :warningDays},
 * {@code :staleBefore} and {@code :recentFrom} ({@link #params}). The calculator stays the source of the reason in words for the rows shown;
 * {@code RagSqlIT} holds the two to the same answer on every case of {@code RagCalculatorTest}.
 */
final class RagSql {

    /** The day of the last update (or of the action's creation) in the clock's zone, as {@link RagColumns} reads it. */
    static final String LAST_ACTIVITY =
            "(coalesce(a.last_update_at, a.created_at) AT TIME ZONE CAST(:zone AS text))::date";

    static final String TODAY = "CAST(:today AS date)";

    /** When the action was last active: its last update, or its creation. */
    static final String ACTIVE = "coalesce(a.last_update_at, a.created_at)";

    /**
     * No update for longer than the stale window: last active before the start of the day {@code staleDays} ago, in
     * the clock's zone. The same as "more than staleDays days since the day of the last activity", with no
     * conversion of each row's time to a day.
     */
    static final String STALE = ACTIVE + " < CAST(:staleBefore AS timestamptz)";

    /** Active within the warning window: on or after the start of the day {@code warningDays} ago. */
    static final String RECENT = ACTIVE + " >= CAST(:recentFrom AS timestamptz)";

    /** Not started or in progress: neither completed, closed nor superseded ({@link ActionStatus#isDone()}). */
    static final String OPEN = "a.status IN ('NOT_STARTED', 'IN_PROGRESS')";

    /** The ordinal of the action's {@link Rag}, the rules of {@link RagCalculator} in its order. */
    static final String RANK = "CASE"
            + " WHEN a.status IN ('CLOSED', 'SUPERSEDED') THEN " + Rag.CLOSED.ordinal()
            + " WHEN a.status = 'COMPLETED' THEN CASE WHEN a.completion = 'CLAIMED' THEN "
            + Rag.AWAITING_SIGN_OFF.ordinal() + " ELSE " + Rag.COMPLETED.ordinal() + " END"
            + " WHEN a.current_due_date < " + TODAY + " THEN " + Rag.RED.ordinal()
            + " WHEN a.off_track_since IS NOT NULL"
            + " OR (a.status = 'NOT_STARTED' AND a.current_due_date - " + TODAY + " <= CAST(:warningDays AS int))"
            + " OR " + STALE + " THEN " + Rag.AMBER.ordinal()
            + " WHEN a.current_due_date IS NULL AND a.current_due_precision <> 'ONGOING' THEN "
            + Rag.NO_DUE_DATE.ordinal()
            + " ELSE " + Rag.GREEN.ordinal() + " END";

    private RagSql() {}

    /** The values the expressions above are bound to: the day, the zone its days are counted in, the windows. */
    static Map<String, Object> params(LocalDate today, ZoneId zone, RagSettings settings) {
        return Map.of(
                "today", today,
                "zone", zone.getId(),
                "warningDays", settings.warningDays(),
                "staleBefore", startOf(today.minusDays(settings.staleDays()), zone),
                "recentFrom", startOf(today.minusDays(settings.warningDays()), zone));
    }

    private static Timestamp startOf(LocalDate day, ZoneId zone) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}
