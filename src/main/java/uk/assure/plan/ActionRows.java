package uk.assure.plan;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.assure.plan.ListSql.Cursor;
import uk.assure.plan.ListSql.Order;
import uk.assure.plan.ListSql.Where;
import uk.assure.plan.Worklists.Item;

/**
 * The rows of a list of actions as its page shows them: one query for the actions (their conditions and order from
 * {@link ListSql}, at most the rows shown), one for their leads, and each one's RAG with its reason in words from
 * {@link RagCalculator}, as on every page.
 */
@Repository
class ActionRows {

    private final JdbcClient jdbc;
    private final RagCalculator rag;
    private final Clock clock;

    ActionRows(JdbcClient jdbc, RagCalculator rag, Clock clock) {
        this.jdbc = jdbc;
        this.rag = rag;
        this.clock = clock;
    }

    /** A row read, with what its place in the order is made of. */
    record Row(
            long id,
            long planId,
            int position,
            String planTitle,
            String sortKey,
            String planExternalId,
            String sectionTitle,
            String externalId,
            String ref,
            String text,
            String leadRaw,
            String statusWord,
            Boolean impactEvidenced,
            LocalDate impactReviewOn,
            RagInput rag) {

        Cursor cursor(Order order) {
            return new Cursor(order, sortKey, planTitle, planId, position, id);
        }
    }

    List<Row> rows(Where where, Order order, int limit) {
        String sortKey = order.key == null ? "NULL" : order.key;
        return jdbc.sql("SELECT a.id, p.id AS plan_pk, a.position, " + sortKey + " AS sort_key,"
                        + " p.external_id AS plan_id, p.title AS plan_title, s.title AS section_title, a.external_id,"
                        + " a.ref, a.text, a.lead_raw, a.status_word, a.impact_evidenced, a.impact_review_on, "
                        + RagColumns.SELECT + ListSql.FROM + where.sql + " ORDER BY " + order.sql()
                        + (limit > 0 ? " LIMIT " + limit : ""))
                .params(where.params)
                .query((rs, n) -> {
                    Date review = rs.getDate("impact_review_on");
                    return new Row(
                            rs.getLong("id"),
                            rs.getLong("plan_pk"),
                            rs.getInt("position"),
                            rs.getString("plan_title"),
                            rs.getString("sort_key"),
                            rs.getString("plan_id"),
                            rs.getString("section_title"),
                            rs.getString("external_id"),
                            rs.getString("ref"),
                            rs.getString("text"),
                            rs.getString("lead_raw"),
                            rs.getString("status_word"),
                            rs.getObject("impact_evidenced", Boolean.class),
                            review == null ? null : review.toLocalDate(),
                            RagColumns.read(rs, clock.getZone()));
                })
                .list();
    }

    /** The rows with their leads (one query for them all) and their RAG with its reason, as on every page. */
    List<Item> items(List<Row> rows, LocalDate today) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> leadIds = new HashMap<>();
        Map<Long, List<String>> leadNames = new HashMap<>();
        jdbc.sql("""
                SELECT l.action_id, ag.id, coalesce(ag.short_name, ag.name)
                FROM action_lead l LEFT JOIN person pe ON pe.id = l.person_id
                JOIN agency ag ON ag.id = coalesce(l.agency_id, pe.agency_id)
                WHERE l.action_id IN (:ids) ORDER BY l.action_id, l.position""").param("ids", rows.stream().map(Row::id).toList()).query(rs -> {
            long action = rs.getLong(1);
            leadIds.computeIfAbsent(action, k -> new ArrayList<>()).add(rs.getLong(2));
            leadNames.computeIfAbsent(action, k -> new ArrayList<>()).add(rs.getString(3));
        });
        List<Item> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Long> ids = leadIds.getOrDefault(row.id(), List.of());
            List<String> names = leadNames.getOrDefault(row.id(), List.of());
            RagInput input = row.rag();
            DueDate due = input.currentDue();
            items.add(new Item(
                    row.planExternalId(),
                    row.planTitle(),
                    row.sectionTitle(),
                    row.externalId(),
                    row.ref(),
                    row.text(),
                    row.leadRaw() != null ? row.leadRaw() : String.join(", ", names),
                    ids,
                    names,
                    due,
                    input.status(),
                    row.statusWord(),
                    rag.assessOn(today, input),
                    input.lastActivity(),
                    input.completion(),
                    Slippage.of(input.originalDue(), due, input.revisions()),
                    input.requestedDue(),
                    row.impactEvidenced(),
                    row.impactReviewOn()));
        }
        return items;
    }

    List<Item> select(Where where, Order order, int limit) {
        return items(rows(where, order, limit), where.today);
    }
}
