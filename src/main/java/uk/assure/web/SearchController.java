package uk.assure.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.assure.account.SignedInUser;
import uk.assure.plan.Search;

/** Search across the partnership's plans: a GET form, so a search has an address. */
@Controller
class SearchController {

    private final uk.assure.account.Access access;

    static final int LIMIT = 50;

    private final Search search;

    SearchController(Search search, uk.assure.account.Access access) {
        this.access = access;
        this.search = search;
    }

    @GetMapping("/search")
    String search(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "q", required = false) String q,
            Model model) {
        access.require(user, uk.assure.account.Access.Capability.SEE_EVERY_PLAN);
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("hits", search.search(user.partnershipId(), q, LIMIT));
        }
        return "work/search";
    }
}
