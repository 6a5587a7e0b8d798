package uk.assure.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** The dashboard, an agency lead's own actions across plans, and the filtered list every dashboard number opens. */
@Controller
class WorkPagesController {

    private final PlanWork work;

    private static final int CHART_WIDTH = 840;
    static final int LIST_LIMIT = 15;

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
    String dashboard(@AuthenticationPrincipal SignedInUser user, Model model) {
        Worklists.Dashboard dashboard = work.dashboard(user, LIST_LIMIT);
        model.addAttribute("dashboard", dashboard);
        // Each list shows its first rows; its heading has the full count and a link to the whole list.
        model.addAttribute("overdueTop", dashboard.overdue());
        model.addAttribute("soonTop", dashboard.dueSoon());
        model.addAttribute("staleTop", dashboard.notUpdated());
        model.addAttribute("completedTop", dashboard.completedRecently());
        model.addAttribute("listLimit", LIST_LIMIT);
        model.addAttribute(
                "planRows",
                rows(dashboard.plans(), WorkPagesController::label, c -> base("plan", c.planExternalId(), null, null)));
        model.addAttribute(
                "sectionRows",
                rows(
                        dashboard.sections(),
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
                        dashboard.plans(),
                        CHART_WIDTH,
                        (count, rag) -> UriComponentsBuilder.fromPath("/actions")
                                .queryParam("plan", count.planExternalId())
                                .queryParam("rag", rag.name())
                                .toUriString()));
        return "work/dashboard";
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
        model.addAttribute("plans", totals.plans());
        model.addAttribute("today", today);
        return "work/actions";
    }
}
