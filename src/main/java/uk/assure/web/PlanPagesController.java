package uk.assure.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.Worklists;
import uk.assure.account.SignedInUser;
import uk.assure.plan.NotFoundException;
import uk.assure.plan.PlanQueries;

/** The plans list and a plan: read-only pages, each scoped to the signed-in user's partnership. */
@Controller
class PlanPagesController {

    private final PlanQueries plans;
    private final Worklists worklists;
    private final PartnershipDirectory directory;
    private final Clock clock;
    private final uk.assure.plan.RagSettings settings;

    PlanPagesController(PlanQueries plans, Worklists worklists, PartnershipDirectory directory, Clock clock,
            uk.assure.plan.RagSettings settings) {
        this.plans = plans;
        this.worklists = worklists;
        this.directory = directory;
        this.clock = clock;
        this.settings = settings;
    }

    @GetMapping("/plans")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("plans", plans.listPlans(user.partnershipId()));
        return "plans/list";
    }

    @GetMapping("/plans/{planId}")
    String plan(@AuthenticationPrincipal SignedInUser user, @PathVariable String planId,
            @RequestParam Map<String, String> params, Model model) {
        model.addAttribute("plan", plans.findPlan(user.partnershipId(), planId)
                .orElseThrow(() -> new NotFoundException("Plan")));
        Map<String, String> withPlan = new HashMap<>(params);
        withPlan.put("plan", planId);
        ActionFilter filter = ActionFilter.of(withPlan);
        model.addAttribute("filter", filter);
        model.addAttribute("agencies", new TreeMap<>(directory.agencyLabels(user.partnershipId())));
        if (filter.active() || !"plan".equals(filter.sort())) {
            LocalDate today = LocalDate.now(clock);
            List<Worklists.Item> items = filter.apply(worklists.items(user.partnershipId()), today, settings);
            model.addAttribute("items", items);
            model.addAttribute("summary", ActionFilter.summary(items, today));
        }
        return "plans/plan";
    }
}
