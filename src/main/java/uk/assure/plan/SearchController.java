package uk.assure.plan;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.assure.account.SignedInUser;

/** Search across the partnership's plans: a GET form, so a search has an address. */
@Controller
class SearchController {

    static final int LIMIT = 50;

    private final PlanWork work;

    SearchController(PlanWork work) {
        this.work = work;
    }

    @GetMapping("/search")
    String search(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "q", required = false) String q,
            Model model) {
        List<Search.Hit> hits = work.search(user, q, LIMIT);
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("hits", hits);
        }
        return "work/search";
    }
}
