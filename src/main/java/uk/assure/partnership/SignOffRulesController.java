package uk.assure.partnership;

import java.util.HashSet;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.assure.account.SignedInUser;

/** Manage → Sign-off: the partnership's rules for revisions and completions, and who sits on each oversight body. */
@Controller
class SignOffRulesController {

    private final SignOffRules rules;

    SignOffRulesController(SignOffRules rules) {
        this.rules = rules;
    }

    @GetMapping("/admin/sign-off")
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("rules", rules.rules(user));
        model.addAttribute("bodies", rules.bodies(user));
        return "admin/sign-off";
    }

    @PostMapping("/admin/sign-off")
    String change(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "revisions", required = false) String revisions,
            @RequestParam(name = "evidence", required = false) String evidence,
            RedirectAttributes redirect) {
        SignOffRules.Rules now = rules.rules(user);
        // an answer not given leaves that rule as it is
        rules.change(
                user,
                new SignOffRules.Rules(
                        revisions == null ? now.revisionsNeedAcceptance() : !"as-recorded".equals(revisions),
                        evidence == null ? now.completionNeedsEvidence() : !"optional".equals(evidence)));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/sign-off";
    }

    @PostMapping("/admin/sign-off/members")
    String members(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "member", required = false) List<String> members,
            RedirectAttributes redirect) {
        rules.members(user, members == null ? new HashSet<>() : new HashSet<>(members));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/sign-off";
    }
}
