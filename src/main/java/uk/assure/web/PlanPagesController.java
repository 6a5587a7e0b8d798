package uk.assure.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uk.assure.account.SignedInUser;
import uk.assure.plan.NotFoundException;
import uk.assure.plan.PlanQueries;

/** The plans list and a plan: read-only pages, each scoped to the signed-in user's partnership. */
@Controller
class PlanPagesController {

    private final PlanQueries plans;

    PlanPagesController(PlanQueries plans) {
        this.plans = plans;
    }

    @GetMapping("/plans")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("plans", plans.listPlans(user.partnershipId()));
        return "plans/list";
    }

    @GetMapping("/plans/{planId}")
    String plan(@AuthenticationPrincipal SignedInUser user, @PathVariable String planId, Model model) {
        model.addAttribute("plan", plans.findPlan(user.partnershipId(), planId)
                .orElseThrow(() -> new NotFoundException("Plan")));
        return "plans/plan";
    }
}
