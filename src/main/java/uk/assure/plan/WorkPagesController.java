package uk.assure.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.assure.account.SignedInUser;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.Worklists.Item;
import uk.assure.system.Message;
import uk.assure.web.MessageText;
import uk.assure.web.SelectOptions;

/** The dashboard, an agency lead's own actions across plans, and the filtered list every dashboard number opens. */
@Controller
class WorkPagesController {

    private final PlanWork work;

    private static final int CHART_WIDTH = 840;
    static final int LIST_LIMIT = 15;
    /** Plans a page of the dashboard's chart and tables shows, in title order; their sections with them. */
    static final int PLANS_PER_PAGE = 20;

    /** One row of counts with every link already made: the page only prints them. */
    public record CountRow(String label, List<Cell> cells, int total, String totalHref) {}

    public record Cell(int count, String href) {}

    private static List<CountRow> rows(
            List<Worklists.Count> counts,
            Function<Worklists.Count, String> label,
            Function<Worklists.Count, UriComponentsBuilder> base) {
        List<CountRow> rows = new ArrayList<>();
        for (Worklists.Count count : counts) {
            List<Cell> cells = new ArrayList<>();
            for (Rag rag : Rag.values()) {
                int n = count.of(rag);
                cells.add(new Cell(
                        n,
                        n == 0
                                ? null
                                : base.apply(count)
                                        .queryParam("rag", rag.name())
                                        .encode()
                                        .build()
                                        .toUriString()));
            }
            rows.add(new CountRow(
                    label.apply(count),
                    cells,
                    count.total(),
                    base.apply(count).encode().build().toUriString()));
        }
        return rows;
    }

    private static UriComponentsBuilder base(String name, String value, String name2, String value2) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/actions");
        if (name != null && value != null) {
            uri.queryParam(name, value);
        }
        if (name2 != null && value2 != null) {
            uri.queryParam(name2, value2);
        }
        return uri;
    }

    /** A plan's, a section's or an agency's name; a dash for a section with none. */
    private static String label(Worklists.Count count) {
        return count.label() == null ? "–" : count.label();
    }

    private final PartnershipDirectory directory;
    private final Clock clock;
    private final MessageText messages;

    WorkPagesController(PartnershipDirectory directory, Clock clock, PlanWork work, MessageText messages) {
        this.work = work;
        this.messages = messages;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "page", required = false) String page,
            Model model) {
        Worklists.Dashboard dashboard = work.dashboard(user, LIST_LIMIT);
        // the partnership's counts are worked out once and kept; a page draws only its share of the plans
        int pages = Math.max(1, (dashboard.plans().size() + PLANS_PER_PAGE - 1) / PLANS_PER_PAGE);
        int shown = Math.min(pageNumber(page), pages);
        int from = (shown - 1) * PLANS_PER_PAGE;
        List<Worklists.Count> plans =
                dashboard.plans().subList(from, Math.min(dashboard.plans().size(), from + PLANS_PER_PAGE));
        Set<String> onPage = new HashSet<>();
        plans.forEach(c -> onPage.add(c.planExternalId()));
        List<Worklists.Count> sections = dashboard.sections().stream()
                .filter(c -> onPage.contains(c.planExternalId()))
                .toList();
        model.addAttribute("dashboard", dashboard);
        model.addAttribute(
                "planPage",
                new PlanPage(
                        shown,
                        pages,
                        from + 1,
                        from + plans.size(),
                        dashboard.plans().size()));
        // Each list shows its first rows; its heading has the full count and a link to the whole list.
        model.addAttribute("overdueTop", dashboard.overdue());
        model.addAttribute("soonTop", dashboard.dueSoon());
        model.addAttribute("staleTop", dashboard.notUpdated());
        model.addAttribute("completedTop", dashboard.completedRecently());
        model.addAttribute("listLimit", LIST_LIMIT);
        model.addAttribute(
                "planRows", rows(plans, WorkPagesController::label, c -> base("plan", c.planExternalId(), null, null)));
        model.addAttribute(
                "sectionRows",
                rows(
                        sections,
                        WorkPagesController::label,
                        c -> base("plan", c.planExternalId(), "section", c.label())));
        String noAgency = messages.of(Message.of("dashboard.noAgency"));
        model.addAttribute(
                "agencyRows",
                rows(
                        dashboard.agencies(),
                        c -> c.key().isEmpty() ? noAgency : label(c),
                        c -> c.key().isEmpty() ? base(null, null, null, null) : base("agency", c.key(), null, null)));
        model.addAttribute(
                "chart",
                RagChart.of(
                        plans,
                        CHART_WIDTH,
                        (count, rag) -> UriComponentsBuilder.fromPath("/actions")
                                .queryParam("plan", count.planExternalId())
                                .queryParam("rag", rag.name())
                                .toUriString()));
        return "work/dashboard";
    }

    /** Which plans of how many the dashboard's page shows: page {@code page} of {@code pages}, plans first to last. */
    public record PlanPage(int page, int pages, int first, int last, int of) {}

    /** A page number as asked: anything but a whole number from 1 is the first page. */
    private static int pageNumber(String page) {
        if (page == null || !page.matches("[1-9][0-9]{0,5}")) {
            return 1;
        }
        return Integer.parseInt(page);
    }

    @GetMapping("/my-actions")
    String myActions(@AuthenticationPrincipal SignedInUser user, Model model) {
        Optional<Worklists.MyActions> found = work.myActions(user, LIST_LIMIT);
        if (found.isPresent()) {
            Worklists.MyActions mine = found.get();
            model.addAttribute("mine", mine);
            // Work to do is listed whole; what comes later and what is done show their first rows, with a link.
            model.addAttribute("laterTop", mine.later());
            model.addAttribute("completedTop", mine.completed());
            model.addAttribute("overdueAll", "/actions?agency=" + user.agencyId() + "&due=overdue&sort=due");
            model.addAttribute("soonAll", "/actions?agency=" + user.agencyId() + "&due=30&sort=due");
            model.addAttribute("laterAll", "/actions?agency=" + user.agencyId() + "&due=later&sort=due");
            model.addAttribute("completedAll", "/actions?agency=" + user.agencyId() + "&status=COMPLETED");
            model.addAttribute("listLimit", LIST_LIMIT);
            model.addAttribute(
                    "agencyName", directory.agencyLabels(user.partnershipId()).get(user.agencyId()));
        }
        model.addAttribute("today", LocalDate.now(clock));
        return "work/my-actions";
    }

    @GetMapping("/actions")
    String actions(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model) {
        ActionFilter filter = ActionFilter.of(params);
        List<Item> shown = work.actions(user, filter).items();
        Worklists.Totals totals = work.totals(user, filter.plan());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("filter", filter);
        model.addAttribute("items", shown);
        model.addAttribute("total", totals.actions());
        model.addAttribute("summary", ActionFilter.summary(shown, today));
        model.addAttribute("agencies", new TreeMap<>(directory.agencyLabels(user.partnershipId())));
        model.addAttribute("planOptions", SelectOptions.of(totals.plans(), filter.plan(), 60));
        model.addAttribute("today", today);
        return "work/actions";
    }
}
