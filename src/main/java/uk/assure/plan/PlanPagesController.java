package uk.assure.plan;

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
import uk.assure.account.Role;
import uk.assure.account.SignedInUser;
import uk.assure.partnership.PartnershipDirectory;

/** The plans list and a plan: read-only pages, each scoped to the signed-in user's partnership. */
@Controller
class PlanPagesController {

    private final PlanWork work;
    private final PartnershipDirectory directory;
    private final Clock clock;

    PlanPagesController(PlanWork work, PartnershipDirectory directory, Clock clock) {
        this.work = work;
        this.directory = directory;
        this.clock = clock;
    }

    /** Home is the list of plans; a platform operator, who holds none, has the partnerships instead. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user) {
        return user.role() == Role.OPERATOR ? "redirect:/platform" : "redirect:/plans";
    }

    @GetMapping("/plans")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("plans", work.plans(user));
        List<Access.Grant> ended = work.endedGrants(user);
        if (!ended.isEmpty()) {
            model.addAttribute("endedGrants", ended);
        }
        return "plans/list";
    }

    @GetMapping("/plans/{planId}")
    String plan(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @RequestParam Map<String, String> params,
            Model model) {
        model.addAttribute("plan", work.plan(user, planId));
        Map<String, String> withPlan = new HashMap<>(params);
        withPlan.put("plan", planId);
        ActionFilter filter = ActionFilter.of(withPlan);
        model.addAttribute("filter", filter);
        model.addAttribute("agencies", new TreeMap<>(directory.agencyLabels(user.partnershipId())));
        if (filter.active() || !"plan".equals(filter.sort())) {
            LocalDate today = LocalDate.now(clock);
            List<Worklists.Item> items = work.actionsOf(user, planId, filter);
            model.addAttribute("items", items);
            model.addAttribute("summary", ActionFilter.summary(items, today));
        }
        return "plans/plan";
    }
}
