package uk.assure.account;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.assure.system.InvalidInput;
import uk.assure.system.NotFoundException;
import uk.assure.web.FormError;
import uk.assure.web.FormErrors;

/**
 * One's own API tokens: make one (named, for 30, 90 or 365 days; shown once, on the page that follows), see when
 * each was last used, revoke one. A token acts as its owner, so anyone signed in may make one for themselves.
 */
@Controller
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/account/api-tokens")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        return page(user, model, "", "90");
    }

    /** A token's name and how many days it works. */
    record TokenForm(
            @Size(max = ApiTokens.NAME_MAX, message = "{apiTokens.error.name.long}") String name,

            @Size(max = LIFETIME_MAX, message = "{apiTokens.error.lifetime}") String lifetime) {

        TokenForm {
            name = name == null ? "" : name;
            lifetime = lifetime == null ? "" : lifetime;
        }
    }

    /** Room for a number of days. */
    static final int LIFETIME_MAX = 10;

    @PostMapping("/account/api-tokens")
    String create(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute TokenForm form,
            BindingResult validation,
            Model model,
            HttpServletResponse response) {
        List<FormError> errors = FormErrors.of(validation);
        if (errors.isEmpty()) {
            String lifetime = form.lifetime().strip();
            int days = lifetime.matches("\\d{1,3}") ? Integer.parseInt(lifetime) : 0;
            try {
                ApiTokens.Created created = tokens.create(user, form.name(), days);
                // shown on this answer only, never stored or redirected with: a reload does not show it again
                model.addAttribute("created", created);
                response.setStatus(HttpStatus.CREATED.value());
                return page(user, model, "", "90");
            } catch (InvalidInput e) {
                errors.add(FormError.of(e));
            }
        }
        // shown again with what was typed, the field's problem beside it: 200, as GOV.UK forms do
        model.addAttribute("errors", errors);
        return page(user, model, form.name(), form.lifetime());
    }

    @PostMapping("/account/api-tokens/{tokenId}/revoke")
    String revoke(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String tokenId, RedirectAttributes redirect) {
        if (!tokens.revoke(user, tokenId)) {
            throw new NotFoundException("Token");
        }
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/account/api-tokens";
    }

    private String page(SignedInUser user, Model model, String name, String lifetime) {
        model.addAttribute("tokens", tokens.of(user));
        model.addAttribute("lifetimes", ApiTokens.LIFETIMES_IN_DAYS);
        model.addAttribute("name", name);
        model.addAttribute("lifetime", lifetime);
        return "account/api-tokens";
    }
}
