package uk.assure.plan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import uk.assure.system.InvalidInput;
import uk.assure.system.Message;

/**
 * The SQL of the lists of actions: their conditions (the filters of {@link ActionFilter}, the dashboard's and My
 * actions' groups), their orders, and the cursor a page of one ends at. Every condition is over {@code action a}
 * joined to {@code plan p} and {@code section s}, and binds the day and RAG windows of {@link RagSql}.
 */
final class ListSql {

    private ListSql() {}

    static final String OVERDUE = RagSql.OPEN + " AND a.current_due_date < " + RagSql.TODAY;
    static final String STALE = RagSql.OPEN + " AND " + RagSql.STALE;
    static final String RECENT =
            "a.status = 'COMPLETED' AND a.completion IS DISTINCT FROM 'CLAIMED' AND " + RagSql.RECENT;
    static final String DONE = "a.status IN ('COMPLETED', 'CLOSED', 'SUPERSEDED')";

    /** Open and due from today to {@code days} ahead. */
    static String dueWithin(int days) {
        return RagSql.OPEN + " AND a.current_due_date BETWEEN " + RagSql.TODAY + " AND " + RagSql.TODAY + " + " + days;
    }

    static final String SOON = RagSql.OPEN + " AND a.current_due_date BETWEEN " + RagSql.TODAY + " AND " + RagSql.TODAY
            + " + CAST(:warningDays AS int)";

    static final String FROM =
            " FROM action a JOIN plan p ON p.id = a.plan_id LEFT JOIN section s ON s.id = a.section_id WHERE ";

    /** The orders a list can be read in; each ends in plan order, then the action's id, so that it is total. */
    enum Order {
        PLAN(null, null, null),
        /** By due date, none last: in the order of the due-date indexes; its cursor counts none as infinity. */
        DUE("a.current_due_date", "coalesce(a.current_due_date, 'infinity'::date)", "date"),
        RAG("(" + RagSql.RANK + ")", "(" + RagSql.RANK + ")", "int"),
        UPDATED(RagSql.LAST_ACTIVITY, RagSql.LAST_ACTIVITY, "date"),
        /** The most recently active first: the completed lists. */
        RECENT_FIRST(RagSql.LAST_ACTIVITY + " DESC", null, null);

        private final String orderBy;
        /** The first of the order's values, never null, as a cursor keeps it and compares with it. */
        final String key;

        final String type;

        Order(String orderBy, String key, String type) {
            this.orderBy = orderBy;
            this.key = key;
            this.type = type;
        }

        static Order of(String sort) {
            return switch (sort == null ? "plan" : sort) {
                case "due" -> DUE;
                case "rag" -> RAG;
                case "updated" -> UPDATED;
                default -> PLAN;
            };
        }

        String sql() {
            return (orderBy == null ? "" : orderBy + ", ") + "p.title, p.id, a.position, a.id";
        }
    }

    /** The WHERE clause of a list and the values it binds, built up one condition at a time. */
    static final class Where {
        final StringBuilder sql = new StringBuilder("a.partnership_id = :partnership");
        final Map<String, Object> params = new HashMap<>();
        final LocalDate today;

        Where(long partnershipId, LocalDate today, ZoneId zone, RagSettings settings) {
            this.today = today;
            params.put("partnership", partnershipId);
            params.putAll(RagSql.params(today, zone, settings));
        }

        Where and(String condition) {
            sql.append(" AND (").append(condition).append(')');
            return this;
        }

        Where and(String condition, String name, Object value) {
            params.put(name, value);
            return and(condition);
        }

        Where reach(Worklists.Reach reach) {
            if (reach.plans() == null) {
                return this;
            }
            return reach.plans().isEmpty() ? and("false") : and("p.external_id IN (:reach)", "reach", reach.plans());
        }

        /** Actions one agency leads: named as the agency, or through a person of it (as the lead columns show). */
        Where agency(long agencyId) {
            return and(
                    "a.id IN (SELECT l.action_id FROM action_lead l WHERE l.agency_id = :agency"
                            + " UNION ALL SELECT l.action_id FROM action_lead l JOIN person pe ON pe.id = l.person_id"
                            + " WHERE l.agency_id IS NULL AND pe.agency_id = :agency)",
                    "agency",
                    agencyId);
        }

        Where filter(ActionFilter f) {
            if (f.plan() != null) {
                and("p.external_id = :plan", "plan", f.plan());
            }
            if (f.section() != null) {
                and("s.title = :section", "section", f.section());
            }
            if (f.agency() != null) {
                agency(f.agency());
            }
            if (f.lead() != null) {
                and(
                        "strpos(lower(coalesce(a.lead_raw, (SELECT string_agg(coalesce(ag.short_name, ag.name), ', '"
                                + " ORDER BY l.position) FROM action_lead l LEFT JOIN person pe ON pe.id = l.person_id"
                                + " JOIN agency ag ON ag.id = coalesce(l.agency_id, pe.agency_id)"
                                + " WHERE l.action_id = a.id), '')), lower(:lead)) > 0",
                        "lead",
                        f.lead());
            }
            if (f.status() != null) {
                and("a.status = :status", "status", f.status().name());
            }
            if (f.rag() != null) {
                and(RagSql.RANK + " = :rag", "rag", f.rag().ordinal());
            }
            if (f.due() != null) {
                and(
                        switch (f.due()) {
                            case "overdue" -> OVERDUE;
                            case "30" -> dueWithin(30);
                            case "90" -> dueWithin(90);
                            case "later" -> RagSql.OPEN + " AND a.current_due_date > " + RagSql.TODAY + " + 90";
                            default -> "a.current_due_date IS NULL";
                        });
            }
            if (f.q() != null) {
                String[] words = f.q().toLowerCase(Locale.UK).split("\\s+");
                for (int i = 0; i < words.length; i++) {
                    and(
                            "strpos(lower(a.text || ' ' || coalesce(a.ref, '')), :word" + i + ") > 0",
                            "word" + i,
                            words[i]);
                }
            }
            if ("stale".equals(f.activity())) {
                and(STALE);
            } else if ("recent".equals(f.activity())) {
                and(RECENT);
            }
            if (f.flag() != null) {
                and(f.flag().where());
            }
            return this;
        }
    }

    /**
     * Where a page of a list ended: the order it was read in and the last row's place in it, opaque to the caller
     * (base64url). A cursor that cannot be read, or was made for another order, is refused on its parameter.
     */
    record Cursor(Order order, String key, String title, long plan, int position, long id) {

        String encode() {
            String text = String.join(
                    "\n",
                    order.name(),
                    key == null ? "" : key,
                    String.valueOf(plan),
                    String.valueOf(position),
                    String.valueOf(id),
                    title);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor, Order expected) {
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 6);
                Order order = Order.valueOf(parts[0]);
                if (parts.length != 6 || order != expected) {
                    throw refused();
                }
                return new Cursor(
                        order,
                        parts[1].isEmpty() ? null : parts[1],
                        parts[5],
                        Long.parseLong(parts[2]),
                        Integer.parseInt(parts[3]),
                        Long.parseLong(parts[4]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw refused();
            }
        }

        private static InvalidInput refused() {
            return new InvalidInput("cursor", Message.of("api.actions.cursor"));
        }
    }
}
