package uk.assure.account;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.assure.system.InvalidInput;
import uk.assure.system.NotFoundException;
import uk.assure.web.FormError;

/** Manage → Users: an account's role, agency and state, a viewer's plans, its two-step and API tokens. */
@Controller
class UserAdminController {

    private final UserAdmin users;
    private final ApiTokens apiTokens;

    UserAdminController(UserAdmin users, ApiTokens apiTokens) {
        this.users = users;
        this.apiTokens = apiTokens;
    }

    @GetMapping("/admin/users")
    String users(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("accounts", users.accounts(user));
        return "admin/users";
    }

    @GetMapping("/admin/users/{userId}")
    String account(@AuthenticationPrincipal SignedInUser user, @PathVariable String userId, Model model) {
        UserAdmin.Account account = users.account(user, userId).orElseThrow(() -> new NotFoundException("User"));
        model.addAttribute("account", account);
        model.addAttribute("self", account.externalId().equals(user.externalId()));
        model.addAttribute("roles", Role.IN_A_PARTNERSHIP);
        model.addAttribute("agencies", users.agencies(user));
        model.addAttribute("grants", users.grants(user, userId));
        model.addAttribute("apiTokens", apiTokens.of(user.partnershipId(), userId));
        model.addAttribute("plans", users.plans(user));
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    Map.of(
                            "role",
                            account.role().name(),
                            "agency",
                            nonNull(account.agencyExternalId()),
                            "enabled",
                            String.valueOf(account.enabled())));
        }
        if (!model.containsAttribute("grantForm")) {
            model.addAttribute("grantForm", Map.of());
        }
        return "admin/user";
    }

    @PostMapping("/admin/users/{userId}")
    String saveAccount(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String userId,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return changeAccount(user, userId, model, response, redirect, "saved", "form", form, () -> {
            Role role = parseRole(form.get("role"));
            String agency = form.get("agency");
            users.change(
                    user,
                    userId,
                    role,
                    users.agencyId(user, agency == null || agency.isBlank() ? null : agency),
                    !"false".equals(form.get("enabled")));
        });
    }

    @PostMapping("/admin/users/{userId}/two-step/reset")
    String resetTwoStep(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String userId,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return changeAccount(
                user,
                userId,
                model,
                response,
                redirect,
                "twoStepReset",
                null,
                null,
                () -> users.resetTwoStep(user, userId));
    }

    @PostMapping("/admin/users/{userId}/grants")
    String grant(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String userId,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return changeAccount(
                user,
                userId,
                model,
                response,
                redirect,
                "granted",
                "grantForm",
                form,
                () -> users.grant(user, userId, form.get("plan"), date(form)));
    }

    /**
     * A change to one account: made, and back to the account's page with its banner; or refused on its field, the
     * page shown again (400) with what was typed kept under {@code formName}.
     */
    private String changeAccount(
            SignedInUser user,
            String userId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String banner,
            String formName,
            Map<String, String> form,
            Runnable change) {
        if (users.account(user, userId).isEmpty()) {
            throw new NotFoundException("User");
        }
        try {
            change.run();
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            if (formName != null) {
                model.addAttribute(formName, form);
            }
            model.addAttribute("errors", List.of(new FormError(e.field(), e.getMessage())));
            return account(user, userId, model);
        }
        redirect.addFlashAttribute(banner, true);
        return "redirect:/admin/users/" + userId;
    }

    /** Ends a person's API token (someone leaving, a token seen where it should not be); audited with the admin. */
    @PostMapping("/admin/users/{userId}/api-tokens/{tokenId}/revoke")
    String revokeToken(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String userId,
            @PathVariable String tokenId,
            RedirectAttributes redirect) {
        if (users.account(user, userId).isEmpty()) {
            throw new NotFoundException("User");
        }
        if (!apiTokens.revoke(user, userId, tokenId)) {
            throw new NotFoundException("Token");
        }
        redirect.addFlashAttribute("tokenRevoked", true);
        return "redirect:/admin/users/" + userId + "#apiTokens";
    }

    @PostMapping("/admin/users/{userId}/grants/{planId}/revoke")
    String revoke(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String userId, @PathVariable String planId) {
        if (users.account(user, userId).isEmpty()) {
            throw new NotFoundException("User");
        }
        users.revoke(user, userId, planId);
        return "redirect:/admin/users/" + userId;
    }

    private static Role parseRole(String value) {
        try {
            return Role.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("role", "Select a role");
        }
    }

    /** The GOV.UK date input's three fields. */
    private static LocalDate date(Map<String, String> form) {
        String d = nonNull(form.get("expiresDay")).strip();
        String m = nonNull(form.get("expiresMonth")).strip();
        String y = nonNull(form.get("expiresYear")).strip();
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (NumberFormatException | DateTimeException e) {
            throw new InvalidInput("expires", "The date access ends must be a real date, like 31 3 2027");
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
