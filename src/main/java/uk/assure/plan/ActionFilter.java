package uk.assure.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import uk.assure.plan.Worklists.Item;

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

    static ActionFilter of(Map<String, String> params) {
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

    List<Item> apply(List<Item> items, LocalDate today, RagSettings settings) {
        List<Item> out = new ArrayList<>();
        for (Item item : items) {
            if (matches(item, today) && activityMatches(item, today, settings)) {
                out.add(item);
            }
        }
        Comparator<Item> order = switch (sort) {
            case "due" ->
                Comparator.comparing((Item i) -> i.due().date(), Comparator.nullsLast(Comparator.naturalOrder()));
            case "rag" -> Comparator.comparing((Item i) -> i.rag().rag());
            case "updated" -> Comparator.comparing(Item::lastActivity);
            default -> (a, b) -> 0; // plan order, as the query returns it
        };
        out.sort(order);
        return out;
    }

    private boolean activityMatches(Item item, LocalDate today, RagSettings settings) {
        if (activity == null) {
            return true;
        }
        return switch (activity) {
            case "stale" ->
                !item.status().isDone() && item.lastActivity().isBefore(today.minusDays(settings.staleDays()));
            case "recent" ->
                item.rag().rag() == Rag.COMPLETED
                        && !item.lastActivity().isBefore(today.minusDays(settings.warningDays()));
            default -> true;
        };
    }

    private boolean matches(Item item, LocalDate today) {
        if (flag != null && !item.is(flag)) {
            return false;
        }
        if (plan != null && !plan.equals(item.planExternalId())) {
            return false;
        }
        if (section != null && !section.equals(item.sectionTitle())) {
            return false;
        }
        if (agency != null && !item.leadAgencyIds().contains(agency)) {
            return false;
        }
        if (lead != null
                && (item.lead() == null || !item.lead().toLowerCase(Locale.UK).contains(lead.toLowerCase(Locale.UK)))) {
            return false;
        }
        if (status != null && item.status() != status) {
            return false;
        }
        if (rag != null && item.rag().rag() != rag) {
            return false;
        }
        if (due != null) {
            LocalDate date = item.due().date();
            boolean open = !item.status().isDone();
            boolean ok = switch (due) {
                case "overdue" -> item.overdue(today);
                case "30" -> item.dueWithin(today, 30);
                case "90" -> item.dueWithin(today, 90);
                case "later" -> open && date != null && date.isAfter(today.plusDays(90));
                case "none" -> date == null;
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        if (q != null) {
            String words = (item.text() + " " + (item.ref() == null ? "" : item.ref())).toLowerCase(Locale.UK);
            for (String word : q.toLowerCase(Locale.UK).split("\\s+")) {
                if (!words.contains(word)) {
                    return false;
                }
            }
        }
        return true;
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
