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
import uk.assure.account.Access;
import uk.assure.account.SignedInUser;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.NotFoundException;
import uk.assure.plan.PlanQueries;
import uk.assure.plan.Worklists;

/** The plans list and a plan: read-only pages, each scoped to the signed-in user's partnership. */
@Controller
class PlanPagesController {

    private final uk.assure.account.Access access;

    private final PlanQueries plans;
    private final Worklists worklists;
    private final PartnershipDirectory directory;
    private final Clock clock;
    private final uk.assure.plan.RagSettings settings;

    PlanPagesController(
            PlanQueries plans,
            Worklists worklists,
            PartnershipDirectory directory,
            Clock clock,
            uk.assure.plan.RagSettings settings,
            uk.assure.account.Access access) {
        this.access = access;
        this.plans = plans;
        this.worklists = worklists;
        this.directory = directory;
        this.clock = clock;
        this.settings = settings;
    }

    @GetMapping("/plans")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (access.may(user, Access.Capability.SEE_EVERY_PLAN)) {
            model.addAttribute("plans", plans.listPlans(user.partnershipId()));
        } else {
            java.util.Set<String> viewable = access.viewablePlans(user);
            model.addAttribute(
                    "plans",
                    plans.listPlans(user.partnershipId()).stream()
                            .filter(p -> viewable.contains(p.externalId()))
                            .toList());
            model.addAttribute(
                    "endedGrants",
                    access.grants(user).stream().filter(Access.Grant::expired).toList());
        }
        return "plans/list";
    }

    @GetMapping("/plans/{planId}")
    String plan(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @RequestParam Map<String, String> params,
            Model model) {
        access.requirePlan(user, planId);
        model.addAttribute(
                "plan", plans.findPlan(user.partnershipId(), planId).orElseThrow(() -> new NotFoundException("Plan")));
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
