package uk.assure.partnership;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.assure.account.SignedInUser;
import uk.assure.system.InvalidInput;
import uk.assure.web.FormError;

/**
 * The platform operator's page: every partnership by name and size, and a form making a new one with its first
 * admin. Only an operator reaches it (the security chain holds {@code /platform/**} for the OPERATOR role, and no
 * other route for it); the operator never reaches a partnership's pages.
 */
@Controller
class PlatformPagesController {

    private final Platform platform;

    PlatformPagesController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/platform")
    String partnerships(Model model) {
        model.addAttribute("partnerships", platform.partnerships());
        return "platform/partnerships";
    }

    /**
     * Made: the page shows the first admin's password once, answered to this request and never stored in the session
     * or a redirect (so a second submission finds the name taken rather than making another).
     */
    @PostMapping("/platform/partnerships")
    String create(
            @AuthenticationPrincipal SignedInUser operator,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response) {
        try {
            Platform.Created created = platform.create(
                    form.get("name"),
                    form.get("adminEmail"),
                    new Platform.Operator(operator.userId(), operator.email()));
            model.addAttribute("created", created);
            return "platform/created";
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", List.of(new FormError(e.field(), e.getMessage())));
            return partnerships(model);
        }
    }
}
