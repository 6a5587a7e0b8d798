package uk.assure.plan;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnership's actions as people work them: an agency lead's own actions across every plan, grouped by
 * what needs doing first; and the dashboard's counts by RAG per plan, section and agency with its lists of
 * overdue, due soon, not updated and recently completed actions. RAG is computed here, as on every page.
 */
@Repository
@Transactional(readOnly = true)
public class Worklists {

    private final JdbcClient jdbc;
    private final RagCalculator rag;
    private final RagSettings settings;
    private final Clock clock;

    Worklists(JdbcClient jdbc, RagCalculator rag, RagSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.rag = rag;
        this.settings = settings;
        this.clock = clock;
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

    /** An agency lead's actions: what is overdue, what is due soon, what comes later, and what is done. */
    public record MyActions(
            List<Item> overdue, List<Item> dueSoon, List<Item> later, List<Item> completed, int soonDays) {
        public int total() {
            return overdue.size() + dueSoon.size() + later.size() + completed.size();
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

    public record Dashboard(
            Map<Flag, Integer> flags,
            List<Count> plans,
            List<Count> sections,
            List<Count> agencies,
            List<Item> overdue,
            List<Item> dueSoon,
            List<Item> notUpdated,
            List<Item> completedRecently,
            int soonDays,
            int staleDays) {}

    public MyActions myActions(long partnershipId, long agencyId) {
        LocalDate today = LocalDate.now(clock);
        List<Item> overdue = new ArrayList<>();
        List<Item> soon = new ArrayList<>();
        List<Item> later = new ArrayList<>();
        List<Item> completed = new ArrayList<>();
        for (Item item : items(partnershipId, agencyId)) {
            if (item.status().isDone()) {
                completed.add(item);
            } else if (item.overdue(today)) {
                overdue.add(item);
            } else if (item.dueWithin(today, settings.warningDays())) {
                soon.add(item);
            } else {
                later.add(item);
            }
        }
        Comparator<Item> byDue =
                Comparator.comparing((Item i) -> i.due().date(), Comparator.nullsLast(Comparator.naturalOrder()));
        overdue.sort(byDue);
        soon.sort(byDue);
        later.sort(byDue);
        completed.sort(Comparator.comparing(Item::lastActivity).reversed());
        return new MyActions(overdue, soon, later, completed, settings.warningDays());
    }

    public Dashboard dashboard(long partnershipId) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Count> plans = new LinkedHashMap<>();
        Map<String, Count> sections = new LinkedHashMap<>();
        Map<String, Count> agencies = new TreeMap<>();
        List<Item> overdue = new ArrayList<>();
        List<Item> soon = new ArrayList<>();
        List<Item> stale = new ArrayList<>();
        List<Item> completed = new ArrayList<>();
        for (Item item : items(partnershipId)) {
            Rag r = item.rag().rag();
            count(plans, item.planExternalId(), item.planTitle(), item.planExternalId(), r);
            String sectionKey = item.planExternalId() + "/" + item.sectionTitle();
            count(sections, sectionKey, item.sectionTitle(), item.planExternalId(), r);
            if (item.leadAgencyIds().isEmpty()) {
                count(agencies, "", null, null, r); // no agency linked: the page names the row
            }
            for (int i = 0; i < item.leadAgencyIds().size(); i++) {
                count(
                        agencies,
                        String.valueOf(item.leadAgencyIds().get(i)),
                        item.leadAgencyNames().get(i),
                        null,
                        r);
            }
            if (item.overdue(today)) {
                overdue.add(item);
            } else if (item.dueWithin(today, settings.warningDays())) {
                soon.add(item);
            }
            if (!item.status().isDone() && item.lastActivity().isBefore(today.minusDays(settings.staleDays()))) {
                stale.add(item);
            }
            if (item.rag().rag() == Rag.COMPLETED
                    && !item.lastActivity().isBefore(today.minusDays(settings.warningDays()))) {
                completed.add(item);
            }
        }
        Comparator<Item> byDue =
                Comparator.comparing((Item i) -> i.due().date(), Comparator.nullsLast(Comparator.naturalOrder()));
        overdue.sort(byDue);
        soon.sort(byDue);
        stale.sort(Comparator.comparing(Item::lastActivity));
        completed.sort(Comparator.comparing(Item::lastActivity).reversed());
        List<Count> agencyCounts = new ArrayList<>(agencies.values());
        agencyCounts.sort(Comparator.comparing(Count::label, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Dashboard(
                flags(partnershipId),
                List.copyOf(plans.values()),
                List.copyOf(sections.values()),
                agencyCounts,
                overdue,
                soon,
                stale,
                completed,
                settings.warningDays(),
                settings.staleDays());
    }

    /** Each flag counted by PostgreSQL, in one pass over the partnership's actions. */
    private Map<Flag, Integer> flags(long partnershipId) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (Flag flag : Flag.values()) {
            sql.append(flag.ordinal() == 0 ? "" : ", ")
                    .append("count(*) FILTER (WHERE ")
                    .append(flag.where())
                    .append(')');
        }
        sql.append(" FROM action a WHERE a.partnership_id = ?");
        Map<Flag, Integer> counts = new EnumMap<>(Flag.class);
        jdbc.sql(sql.toString()).param(partnershipId).query(rs -> {
            for (Flag flag : Flag.values()) {
                counts.put(flag, rs.getInt(flag.ordinal() + 1));
            }
        });
        return counts;
    }

    private static void count(Map<String, Count> counts, String key, String label, String plan, Rag rag) {
        counts.computeIfAbsent(key, k -> new Count(k, label, plan, new EnumMap<>(Rag.class)))
                .byRag()
                .merge(rag, 1, Integer::sum);
    }

    /** Every action of the partnership with its plan, section, leads and computed RAG, in plan order. */
    public List<Item> items(long partnershipId) {
        return items(partnershipId, null);
    }

    /**
     * What the partnership's actions looked like when last read: their number, the latest change and the sum of
     * their versions (every update and edit raises one), and today's date (RAG moves with it). Reading it costs
     * one index scan; when it has not moved, the last reading is used again.
     */
    private record Fingerprint(long count, Instant latest, long versions, LocalDate today) {}

    private record Cached(Fingerprint fingerprint, List<Item> items) {}

    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    private List<Item> cachedItems(long partnershipId) {
        Fingerprint now = jdbc.sql("""
                SELECT count(*), max(coalesce(last_update_at, created_at)), coalesce(sum(version), 0)
                FROM action WHERE partnership_id = ?""")
                .param(partnershipId)
                .query((rs, n) -> new Fingerprint(
                        rs.getLong(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        rs.getLong(3),
                        LocalDate.now(clock)))
                .single();
        Cached cached = cache.get(partnershipId);
        if (cached != null && cached.fingerprint().equals(now)) {
            return cached.items();
        }
        List<Item> items = List.copyOf(read(partnershipId));
        if (cache.size() > 1000) {
            cache.clear(); // a crude bound: 1,000 partnerships' worth of rows at most
        }
        cache.put(partnershipId, new Cached(now, items));
        return items;
    }

    /**
     * The actions of one partnership, or only those one agency leads: two plain queries (actions, then their
     * leads) joined here, rather than a sub-query per action.
     */
    private List<Item> items(long partnershipId, Long agencyId) {
        List<Item> all = cachedItems(partnershipId);
        return agencyId == null
                ? all
                : all.stream().filter(i -> i.leadAgencyIds().contains(agencyId)).toList();
    }

    private List<Item> read(long partnershipId) {
        Long agencyId = null;
        Map<Long, List<Long>> leadIds = new HashMap<>();
        Map<Long, List<String>> leadNames = new HashMap<>();
        jdbc.sql("""
                SELECT l.action_id, ag.id, coalesce(ag.short_name, ag.name)
                FROM action_lead l LEFT JOIN person pe ON pe.id = l.person_id
                JOIN agency ag ON ag.id = coalesce(l.agency_id, pe.agency_id)
                WHERE l.partnership_id = ? ORDER BY l.action_id, l.position""").param(partnershipId).query(rs -> {
            long action = rs.getLong(1);
            leadIds.computeIfAbsent(action, k -> new ArrayList<>()).add(rs.getLong(2));
            leadNames.computeIfAbsent(action, k -> new ArrayList<>()).add(rs.getString(3));
        });
        List<Item> items = new ArrayList<>();
        jdbc.sql("""
                SELECT a.id, p.external_id AS plan_id, p.title AS plan_title, s.title AS section_title, a.external_id,
                       a.ref, a.text, a.lead_raw, a.status_word, a.impact_evidenced, a.impact_review_on, """ + RagColumns.SELECT + """

                FROM action a JOIN plan p ON p.id = a.plan_id LEFT JOIN section s ON s.id = a.section_id
                WHERE a.partnership_id = ?
                ORDER BY p.title, p.id, a.position""").param(partnershipId).query(rs -> {
            long id = rs.getLong("id");
            List<Long> ids = leadIds.getOrDefault(id, List.of());
            if (agencyId != null && !ids.contains(agencyId)) {
                return;
            }
            List<String> names = leadNames.getOrDefault(id, List.of());
            RagInput input = RagColumns.read(rs, clock.getZone());
            ActionStatus status = input.status();
            DueDate due = input.currentDue();
            LocalDate active = input.lastActivity();
            Date review = rs.getDate("impact_review_on");
            String lead = rs.getString("lead_raw") != null ? rs.getString("lead_raw") : String.join(", ", names);
            items.add(new Item(
                    rs.getString("plan_id"),
                    rs.getString("plan_title"),
                    rs.getString("section_title"),
                    rs.getString("external_id"),
                    rs.getString("ref"),
                    rs.getString("text"),
                    lead,
                    ids,
                    names,
                    due,
                    status,
                    rs.getString("status_word"),
                    rag.assess(input),
                    active,
                    input.completion(),
                    Slippage.of(input.originalDue(), due, input.revisions()),
                    input.requestedDue(),
                    rs.getObject("impact_evidenced", Boolean.class),
                    review == null ? null : review.toLocalDate()));
        });
        return items;
    }
}
