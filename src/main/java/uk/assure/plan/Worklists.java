package uk.assure.plan;

import static uk.assure.plan.ListSql.DONE;
import static uk.assure.plan.ListSql.OVERDUE;
import static uk.assure.plan.ListSql.SOON;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.plan.ListSql.Cursor;
import uk.assure.plan.ListSql.Order;
import uk.assure.plan.ListSql.Where;
import uk.assure.system.PartnershipCache;

/**
 * The partnership's actions as people work them: an agency lead's own actions across every plan, grouped by
 * what needs doing first; and the dashboard's counts by RAG per plan, section and agency with its lists of
 * overdue, due soon, not updated and recently completed actions; and every filtered list of actions. Each asks
 * PostgreSQL for exactly what it shows: filtered, sorted, counted and paged in SQL, RAG included ({@link RagSql}),
 * so that its cost follows the rows shown, not the partnership. The rows shown are rated again by
 * {@link RagCalculator} for their reason in words.
 */
@Repository
@Transactional(readOnly = true)
public class Worklists {

    /** How many overdue and due-soon actions My actions lists before a link to the rest. */
    static final int WORK_ROWS = 50;

    private final JdbcClient jdbc;
    private final ActionRows rows;
    private final RagSettings settings;
    private final Clock clock;
    private final PartnershipCache cache;
    private final DashboardCounts counts;

    Worklists(
            JdbcClient jdbc,
            ActionRows rows,
            RagSettings settings,
            Clock clock,
            PartnershipCache cache,
            DashboardCounts counts) {
        this.counts = counts;
        this.jdbc = jdbc;
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
        this.cache = cache;
    }

    /** One action as a worklist shows it. */
    public record Item(
            String planExternalId,
            String planTitle,
            String sectionTitle,
            String externalId,
            String ref,
            String text,
            String lead,
            List<Long> leadAgencyIds,
            List<String> leadAgencyNames,
            DueDate due,
            ActionStatus status,
            String statusWord,
            RagAssessment rag,
            LocalDate lastActivity,
            Completion completion,
            Slippage slippage,
            DueDate requestedDue,
            Boolean impactEvidenced,
            LocalDate impactReviewOn) {

        public String statusLabel() {
            return statusWord != null && !statusWord.isBlank() ? statusWord : status.label();
        }

        public boolean overdue(LocalDate today) {
            return !status.isDone() && due.date() != null && due.date().isBefore(today);
        }

        /** The filters of {@link Flag}, each the same predicate as the dashboard's count of it in SQL. */
        public boolean is(Flag flag) {
            return switch (flag) {
                case AWAITING_SIGN_OFF -> completion == Completion.CLAIMED;
                case REVISION_REQUESTED -> requestedDue != null && !status.isDone();
                case SLIPPED -> slippage != null && status != ActionStatus.CLOSED && status != ActionStatus.SUPERSEDED;
                case NO_DUE_DATE -> !status.isDone() && due.date() == null && due.precision() != DuePrecision.ONGOING;
                case IMPACT_PENDING -> completion == Completion.CONFIRMED && Boolean.FALSE.equals(impactEvidenced);
            };
        }

        public boolean dueWithin(LocalDate today, int days) {
            return !status.isDone()
                    && due.date() != null
                    && !due.date().isBefore(today)
                    && !due.date().isAfter(today.plusDays(days));
        }
    }

    /**
     * An agency lead's actions: what is overdue and what is due soon (up to {@link #WORK_ROWS} of each when cut), what
     * comes later and what is done (their first rows), and how many each group holds.
     */
    public record MyActions(
            List<Item> overdue,
            List<Item> dueSoon,
            List<Item> later,
            List<Item> completed,
            int overdueCount,
            int dueSoonCount,
            int laterCount,
            int completedCount,
            int soonDays) {
        public int total() {
            return overdueCount + dueSoonCount + laterCount + completedCount;
        }
    }

    /** Counts by RAG for one plan, section or agency, with the id its list is filtered by. */
    public record Count(String key, String label, String planExternalId, Map<Rag, Integer> byRag) {
        public int total() {
            return byRag.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int of(Rag rag) {
            return byRag.getOrDefault(rag, 0);
        }
    }

    /** What needs someone's attention beyond its RAG: each a list (filter {@code flag}) and a dashboard count. */
    public enum Flag {
        AWAITING_SIGN_OFF,
        REVISION_REQUESTED,
        SLIPPED,
        NO_DUE_DATE,
        IMPACT_PENDING;

        /** The SQL for the same predicate as {@link Item#is}, over {@code action a}. */
        String where() {
            return switch (this) {
                case AWAITING_SIGN_OFF -> "a.completion = 'CLAIMED'";
                case REVISION_REQUESTED ->
                    "a.requested_due_precision IS NOT NULL AND a.status IN ('NOT_STARTED', 'IN_PROGRESS')";
                case SLIPPED -> "a.current_due_date > a.original_due_date AND a.status NOT IN ('CLOSED', 'SUPERSEDED')";
                case NO_DUE_DATE ->
                    "a.status IN ('NOT_STARTED', 'IN_PROGRESS') AND a.current_due_date IS NULL"
                            + " AND a.current_due_precision <> 'ONGOING'";
                case IMPACT_PENDING -> "a.completion = 'CONFIRMED' AND a.impact_evidenced = false";
            };
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The dashboard: each flag's count, the counts by RAG per plan, section and agency, and the first rows of its
     * four lists with how many each holds.
     */
    public record Dashboard(
            Map<Flag, Integer> flags,
            List<Count> plans,
            List<Count> sections,
            List<Count> agencies,
            List<Item> overdue,
            int overdueCount,
            List<Item> dueSoon,
            int dueSoonCount,
            List<Item> notUpdated,
            int notUpdatedCount,
            List<Item> completedRecently,
            int completedRecentlyCount,
            int soonDays,
            int staleDays) {}

    /** Which plans a list may show: every plan of the partnership (null), or only these (a viewer's grants). */
    public record Reach(Set<String> plans) {
        public static final Reach EVERY_PLAN = new Reach(null);
    }

    /** One page of a list, and the cursor of the next (null at the end). */
    public record Slice(List<Item> items, String next) {}

    /** How many actions there are (in the partnership, or one plan), and the plans with actions, by title. */
    public record Totals(int actions, Map<String, String> plans) {}

    // --- the lists ---

    /**
     * The actions a list shows: those the filter and the updated-since time let through, of the plans in reach, in
     * the filter's order, after the cursor given (or from the first), at most {@code limit} (0: every one).
     */
    public Slice list(
            long partnershipId, Reach reach, ActionFilter filter, Instant updatedSince, String after, int limit) {
        Where where = where(partnershipId, LocalDate.now(clock)).reach(reach).filter(filter);
        if (updatedSince != null) {
            where.and("coalesce(a.last_update_at, a.created_at) >= :since", "since", Timestamp.from(updatedSince));
        }
        Order order = Order.of(filter.sort());
        if (after != null) {
            Cursor cursor = Cursor.decode(after, order);
            String key = order.key == null ? "" : order.key + ", ";
            String value = order.key == null ? "" : "CAST(:afterKey AS " + order.type + "), ";
            where.and("(" + key + "p.title, p.id, a.position, a.id) > (" + value
                    + ":afterTitle, :afterPlan, :afterPosition, :afterId)");
            where.params.put("afterKey", cursor.key());
            where.params.put("afterTitle", cursor.title());
            where.params.put("afterPlan", cursor.plan());
            where.params.put("afterPosition", cursor.position());
            where.params.put("afterId", cursor.id());
        }
        List<ActionRows.Row> found = rows.rows(where, order, limit <= 0 ? 0 : limit + 1);
        String next = null;
        if (limit > 0 && found.size() > limit) {
            found = found.subList(0, limit);
            next = found.get(limit - 1).cursor(order).encode();
        }
        return new Slice(rows.items(found, where.today), next);
    }

    /** The plans with actions, by title, and how many actions each has: what the Actions page counts and offers. */
    private record PlanCounts(Map<String, String> plans, Map<String, Integer> actions, int total) {}

    /**
     * How many actions the partnership has, or one plan of it, and the plans with actions by title (what a list can
     * be narrowed to): one reading of the partnership, kept until it changes, so a request pays one probe for both.
     */
    public Totals totals(long partnershipId, String planExternalId) {
        PlanCounts counts =
                cache.get(partnershipId, List.of("plan-counts"), LocalDate.now(clock), () -> planCounts(partnershipId));
        return new Totals(
                planExternalId == null ? counts.total() : counts.actions().getOrDefault(planExternalId, 0),
                counts.plans());
    }

    private PlanCounts planCounts(long partnershipId) {
        Map<String, String> plans = new LinkedHashMap<>();
        Map<String, Integer> actions = new HashMap<>();
        jdbc.sql("""
                SELECT p.external_id, p.title, count(*) FROM plan p JOIN action a ON a.plan_id = p.id
                WHERE p.partnership_id = ? GROUP BY p.id, p.external_id, p.title ORDER BY p.title, p.id""").param(partnershipId).query(rs -> {
            plans.put(rs.getString(1), rs.getString(2));
            actions.put(rs.getString(1), rs.getInt(3));
        });
        int total = actions.values().stream().mapToInt(Integer::intValue).sum();
        return new PlanCounts(Collections.unmodifiableMap(plans), Map.copyOf(actions), total);
    }

    /**
     * The agency's actions; what comes later and what is done, their first {@code firstRows} (0: every one). Kept
     * until the partnership's plans change ({@link PartnershipCache}).
     */
    public MyActions myActions(long partnershipId, long agencyId, int firstRows) {
        LocalDate today = LocalDate.now(clock);
        return cache.get(
                partnershipId,
                List.of("my-actions", agencyId, firstRows),
                today,
                () -> myActions(partnershipId, agencyId, firstRows, today));
    }

    private MyActions myActions(long partnershipId, long agencyId, int firstRows, LocalDate today) {
        int workRows = firstRows <= 0 ? 0 : Math.max(firstRows, WORK_ROWS);
        List<Item> overdue = rows.select(mine(partnershipId, agencyId, today).and(OVERDUE), Order.DUE, workRows);
        List<Item> soon = rows.select(mine(partnershipId, agencyId, today).and(SOON), Order.DUE, workRows);
        String later = RagSql.OPEN + " AND (a.current_due_date IS NULL OR a.current_due_date > " + RagSql.TODAY
                + " + CAST(:warningDays AS int))";
        List<Item> laterTop = rows.select(mine(partnershipId, agencyId, today).and(later), Order.DUE, firstRows);
        List<Item> completedTop =
                rows.select(mine(partnershipId, agencyId, today).and(DONE), Order.RECENT_FIRST, firstRows);
        int[] counts = new int[4];
        Where all = mine(partnershipId, agencyId, today);
        jdbc.sql("SELECT count(*) FILTER (WHERE " + OVERDUE + "), count(*) FILTER (WHERE " + SOON
                        + "), count(*) FILTER (WHERE " + later + "), count(*) FILTER (WHERE " + DONE + ")"
                        + ListSql.FROM + all.sql)
                .params(all.params)
                .query(rs -> {
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = rs.getInt(i + 1);
                    }
                });
        return new MyActions(
                overdue,
                soon,
                laterTop,
                completedTop,
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                settings.warningDays());
    }

    private Where where(long partnershipId, LocalDate today) {
        return new Where(partnershipId, today, clock.getZone(), settings);
    }

    private Where mine(long partnershipId, long agencyId, LocalDate today) {
        return where(partnershipId, today).agency(agencyId);
    }

    /**
     * The dashboard, each list cut to its first rows: counted again only when the partnership's plans have changed
     * since, or the day has ({@link PartnershipCache}), so that a request costs one index probe and the page.
     */
    public Dashboard dashboard(long partnershipId, int firstRows) {
        LocalDate today = LocalDate.now(clock);
        return cache.get(
                partnershipId,
                List.of("dashboard", firstRows),
                today,
                () -> counts.dashboard(partnershipId, firstRows, today));
    }
}
