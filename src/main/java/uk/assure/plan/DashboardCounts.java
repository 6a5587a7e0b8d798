package uk.assure.plan;

import static uk.assure.plan.ListSql.OVERDUE;
import static uk.assure.plan.ListSql.RECENT;
import static uk.assure.plan.ListSql.SOON;
import static uk.assure.plan.ListSql.STALE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.assure.plan.ListSql.Order;
import uk.assure.plan.ListSql.Where;
import uk.assure.plan.Worklists.Count;
import uk.assure.plan.Worklists.Dashboard;
import uk.assure.plan.Worklists.Flag;

/**
 * The dashboard worked out from the partnership's actions: counts by RAG per plan, section and agency, each flag's
 * count, and the first rows of its four lists. {@link Worklists} keeps it until the partnership changes.
 */
@Component
class DashboardCounts {

    private final JdbcClient jdbc;
    private final ActionRows rows;
    private final RagSettings settings;
    private final Clock clock;

    DashboardCounts(JdbcClient jdbc, ActionRows rows, RagSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
    }

    private Where where(long partnershipId, LocalDate today) {
        return new Where(partnershipId, today, clock.getZone(), settings);
    }

    Dashboard dashboard(long partnershipId, int firstRows, LocalDate today) {
        Map<String, Count> plans = new LinkedHashMap<>();
        Map<String, Count> sections = new LinkedHashMap<>();
        Where all = where(partnershipId, today);
        // counts by plan and section, and each flag and list counted, in one pass; a section's place is its first
        // action's, within its plan
        Map<String, Integer> firstPosition = new HashMap<>();
        Map<String, Count> unordered = new HashMap<>();
        List<String> tallies = new ArrayList<>();
        for (Flag flag : Flag.values()) {
            tallies.add(flag.where());
        }
        tallies.addAll(List.of(OVERDUE, SOON, STALE, RECENT));
        StringBuilder counted = new StringBuilder();
        for (String tally : tallies) {
            counted.append(", count(*) FILTER (WHERE ").append(tally).append(')');
        }
        int[] totals = new int[tallies.size()];
        jdbc.sql("SELECT p.external_id AS plan_id, p.title AS plan_title, s.title AS section_title,"
                        + " min(a.position) AS first, " + RagSql.RANK + " AS rag_rank, count(*) AS n" + counted
                        + ListSql.FROM + all.sql
                        + " GROUP BY p.id, p.external_id, p.title, s.title, rag_rank ORDER BY p.title, p.id")
                .params(all.params)
                .query(rs -> {
                    String plan = rs.getString("plan_id");
                    Rag r = Rag.values()[rs.getInt("rag_rank")];
                    int n = rs.getInt("n");
                    count(plans, plan, rs.getString("plan_title"), plan, r, n);
                    String key = plan + "/" + rs.getString("section_title");
                    count(unordered, key, rs.getString("section_title"), plan, r, n);
                    firstPosition.merge(key, rs.getInt("first"), Math::min);
                    for (int i = 0; i < totals.length; i++) {
                        totals[i] += rs.getInt(7 + i);
                    }
                });
        List<Count> sectionCounts = new ArrayList<>(unordered.values());
        Map<String, Integer> planOrder = new HashMap<>();
        plans.keySet().forEach(plan -> planOrder.put(plan, planOrder.size()));
        sectionCounts.sort(Comparator.comparing((Count c) -> planOrder.get(c.planExternalId()))
                .thenComparing(c -> firstPosition.get(c.key())));
        sectionCounts.forEach(c -> sections.put(c.key(), c));

        Map<String, Count> agencies = new TreeMap<>();
        jdbc.sql("SELECT ag.id, coalesce(ag.short_name, ag.name) AS label, " + RagSql.RANK + " AS rag_rank,"
                        + " count(*) AS n FROM action a LEFT JOIN (action_lead l LEFT JOIN person pe"
                        + " ON pe.id = l.person_id JOIN agency ag ON ag.id = coalesce(l.agency_id, pe.agency_id))"
                        + " ON l.action_id = a.id WHERE " + all.sql + " GROUP BY ag.id, label, rag_rank")
                .params(all.params)
                .query(rs -> {
                    long id = rs.getLong("id");
                    boolean none = rs.wasNull(); // no agency linked: the page names the row
                    count(
                            agencies,
                            none ? "" : String.valueOf(id),
                            none ? null : rs.getString("label"),
                            null,
                            Rag.values()[rs.getInt("rag_rank")],
                            rs.getInt("n"));
                });
        List<Count> agencyCounts = new ArrayList<>(agencies.values());
        agencyCounts.sort(Comparator.comparing(Count::label, Comparator.nullsLast(Comparator.naturalOrder())));

        Map<Flag, Integer> flags = new EnumMap<>(Flag.class);
        for (Flag flag : Flag.values()) {
            flags.put(flag, totals[flag.ordinal()]);
        }
        int[] lists = Arrays.copyOfRange(totals, Flag.values().length, totals.length);
        return new Dashboard(
                flags,
                List.copyOf(plans.values()),
                List.copyOf(sections.values()),
                agencyCounts,
                rows.select(where(partnershipId, today).and(OVERDUE), Order.DUE, firstRows),
                lists[0],
                rows.select(where(partnershipId, today).and(SOON), Order.DUE, firstRows),
                lists[1],
                rows.select(where(partnershipId, today).and(STALE), Order.UPDATED, firstRows),
                lists[2],
                rows.select(where(partnershipId, today).and(RECENT), Order.RECENT_FIRST, firstRows),
                lists[3],
                settings.warningDays(),
                settings.staleDays());
    }

    private static void count(Map<String, Count> counts, String key, String label, String plan, Rag rag, int n) {
        counts.computeIfAbsent(key, k -> new Count(k, label, plan, new EnumMap<>(Rag.class)))
                .byRag()
                .merge(rag, n, Integer::sum);
    }
}
