package uk.assure.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.web.util.UriComponentsBuilder;
import uk.assure.plan.Worklists.Item;
import uk.assure.system.InvalidInput;
import uk.assure.system.Message;

/**
 * A list of actions narrowed down, all in the URL so that a link can be shared: plan, agency, lead (text), status,
 * RAG, due window and words; and the order. Unknown values are ignored rather than refused.
 */
public record ActionFilter(
        String plan,
        String section,
        Long agency,
        String lead,
        ActionStatus status,
        Rag rag,
        String due,
        String q,
        String activity,
        Worklists.Flag flag,
        String sort) {

    public static final List<String> DUE_WINDOWS = List.of("overdue", "30", "90", "later", "none");
    public static final List<String> SORTS = List.of("plan", "due", "rag", "updated");
    /** "stale": open, with no update in the stale window; "recent": completed within the warning window. */
    public static final List<String> ACTIVITIES = List.of("stale", "recent");

    public static ActionFilter of(Map<String, String> params) {
        return new ActionFilter(
                blank(params.get("plan")),
                blank(params.get("section")),
                number(params.get("agency")),
                blank(params.get("lead")),
                parse(ActionStatus.class, params.get("status")),
                parse(Rag.class, params.get("rag")),
                oneOf(DUE_WINDOWS, params.get("due"), null),
                blank(params.get("q")),
                oneOf(ACTIVITIES, params.get("activity"), null),
                flag(params.get("flag")),
                oneOf(SORTS, params.get("sort"), "plan"));
    }

    /** The names {@link #of} reads. */
    static final List<String> PARAMETERS =
            List.of("plan", "section", "agency", "lead", "status", "rag", "due", "q", "activity", "flag", "sort");

    /**
     * The API's reading of the same parameters: a value the list does not know is refused on its parameter (400,
     * naming it), where a page ignores it.
     */
    static ActionFilter strict(Map<String, String> params) {
        ActionFilter filter = of(params);
        refuseUnread(params, "agency", filter.agency(), Message.of("api.actions.number", "agency"));
        refuseUnread(params, "status", filter.status(), oneOf("status", List.of(ActionStatus.values())));
        refuseUnread(params, "rag", filter.rag(), oneOf("rag", List.of(Rag.values())));
        refuseUnread(params, "due", filter.due(), oneOf("due", DUE_WINDOWS));
        refuseUnread(params, "activity", filter.activity(), oneOf("activity", ACTIVITIES));
        refuseUnread(
                params,
                "flag",
                filter.flag(),
                oneOf(
                        "flag",
                        Stream.of(Worklists.Flag.values())
                                .map(Worklists.Flag::param)
                                .toList()));
        if (params.get("sort") != null && !SORTS.contains(params.get("sort").strip())) {
            throw new InvalidInput("sort", oneOf("sort", SORTS));
        }
        return filter;
    }

    private static void refuseUnread(Map<String, String> params, String name, Object read, Message refusal) {
        String sent = params.get(name);
        if (sent != null && !sent.isBlank() && read == null) {
            throw new InvalidInput(name, refusal);
        }
    }

    private static Message oneOf(String name, List<?> allowed) {
        return Message.of(
                "api.actions.oneOf",
                name,
                String.join(", ", allowed.stream().map(String::valueOf).toList()));
    }

    public boolean active() {
        return activity != null
                || flag != null
                || section != null
                || agency != null
                || lead != null
                || status != null
                || rag != null
                || due != null
                || q != null;
    }

    /** The same filter on one plan: a plan's page. */
    ActionFilter onPlan(String planId) {
        return new ActionFilter(planId, section, agency, lead, status, rag, due, q, activity, flag, sort);
    }

    /** "14 of 106 actions: 3 overdue, 2 red, 4 amber, 5 green, 2 completed". */
    static Map<String, Integer> summary(List<Item> shown, LocalDate today) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("overdue", (int) shown.stream().filter(i -> i.overdue(today)).count());
        for (Rag r : Rag.values()) {
            counts.put(r.name(), (int)
                    shown.stream().filter(i -> i.rag().rag() == r).count());
        }
        return counts;
    }

    /** This filter's query string with one parameter changed (null removes it), for links and sort headers. */
    public String with(String base, String name, Object value) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(base);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("plan", plan);
        params.put("section", section);
        params.put("agency", agency);
        params.put("lead", lead);
        params.put("status", status == null ? null : status.name());
        params.put("rag", rag == null ? null : rag.name());
        params.put("due", due);
        params.put("q", q);
        params.put("activity", activity);
        params.put("flag", flag == null ? null : flag.param());
        params.put("sort", "plan".equals(sort) ? null : sort);
        params.put(name, value);
        params.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                uri.queryParam(k, v);
            }
        });
        return uri.encode().build().toUriString();
    }

    private static Worklists.Flag flag(String param) {
        for (Worklists.Flag f : Worklists.Flag.values()) {
            if (f.param().equals(param)) {
                return f;
            }
        }
        return null;
    }

    private static String oneOf(List<String> allowed, String value, String otherwise) {
        return value != null && allowed.contains(value) ? value : otherwise;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Long number(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String s) {
        try {
            return s == null || s.isBlank() ? null : Enum.valueOf(type, s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
