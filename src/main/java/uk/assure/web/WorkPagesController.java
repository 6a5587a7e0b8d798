package uk.assure.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.assure.account.SignedInUser;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.Worklists;
import uk.assure.plan.Worklists.Item;

/** The dashboard, an agency lead's own actions across plans, and the filtered list every dashboard number opens. */
@Controller
class WorkPagesController {

    private static final int CHART_WIDTH = 840;

    private final Worklists worklists;
    private final PartnershipDirectory directory;
    private final Clock clock;

    WorkPagesController(Worklists worklists, PartnershipDirectory directory, Clock clock) {
        this.worklists = worklists;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal SignedInUser user, Model model) {
        Worklists.Dashboard dashboard = worklists.dashboard(user.partnershipId());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("chart", RagChart.of(dashboard.plans(), CHART_WIDTH, (count, rag) -> UriComponentsBuilder
                .fromPath("/actions").queryParam("plan", count.planExternalId()).queryParam("rag", rag.name()).toUriString()));
        return "work/dashboard";
    }

    @GetMapping("/my-actions")
    String myActions(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (user.agencyId() != null) {
            model.addAttribute("mine", worklists.myActions(user.partnershipId(), user.agencyId()));
            model.addAttribute("agencyName", directory.agencyLabels(user.partnershipId()).get(user.agencyId()));
        }
        model.addAttribute("today", LocalDate.now(clock));
        return "work/my-actions";
    }

    @GetMapping("/actions")
    String actions(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model) {
        ActionFilter filter = ActionFilter.of(params);
        LocalDate today = LocalDate.now(clock);
        List<Item> all = worklists.items(user.partnershipId());
        List<Item> shown = filter.apply(all, today);
        model.addAttribute("filter", filter);
        model.addAttribute("items", shown);
        model.addAttribute("total", filter.plan() == null ? all.size()
                : (int) all.stream().filter(i -> i.planExternalId().equals(filter.plan())).count());
        model.addAttribute("summary", ActionFilter.summary(shown, today));
        model.addAttribute("agencies", new java.util.TreeMap<>(directory.agencyLabels(user.partnershipId())));
        model.addAttribute("plans", all.stream().collect(java.util.stream.Collectors.toMap(Item::planExternalId,
                Item::planTitle, (a, b) -> a, java.util.LinkedHashMap::new)));
        model.addAttribute("today", today);
        return "work/actions";
    }
}
