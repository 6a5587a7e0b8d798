package uk.assure.plan;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.assure.account.SignedInUser;

/** The action page's "not for publication" buttons: one small form per item, back to the action page. */
@Controller
class PublicationController {

    private final Publication publication;

    PublicationController(Publication publication) {
        this.publication = publication;
    }

    @PostMapping("/plans/{planId}/actions/{actionId}/publication")
    String mark(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @RequestParam(name = "item", required = false) String item,
            @RequestParam(name = "withhold", defaultValue = "true") boolean withhold) {
        publication.mark(user, planId, actionId, item, withhold);
        return "redirect:/plans/" + planId + "/actions/" + actionId + "#publication";
    }
}
