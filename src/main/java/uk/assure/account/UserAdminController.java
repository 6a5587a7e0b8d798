package uk.assure.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
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
import uk.assure.system.Message;
import uk.assure.system.NotFoundException;
import uk.assure.web.FormError;
import uk.assure.web.FormErrors;

/** Manage → Users: an account's role, agency and state, a viewer's plans, its two-step and API tokens. */
@Controller
class UserAdminController {

    private final UserAdmin users;
    private final ApiTokens apiTokens;

    UserAdminController(UserAdmin users, ApiTokens apiTokens) {
        this.users = users;
        this.apiTokens = apiTokens;
    }

    /** An account's role, agency and whether it may sign in, as sent: ids and names of choices, no more. */
    record AccountForm(
            @Size(max = CHOICE_MAX, message = "{admin.user.error.role}") String role,

            @Size(max = CHOICE_MAX, message = "{error.agency.unknown}") String agency,

            @Size(max = CHOICE_MAX, message = "{admin.user.error.enabled}") String enabled) {}

    /** A plan for a viewer, until the day given in the GOV.UK date input. */
    record GrantForm(
            @Size(max = CHOICE_MAX, message = "{admin.grant.error.plan.missing}") String plan,

            @Size(max = DATE_PART_MAX, message = "{admin.grant.error.expires.invalid}") String expiresDay,

            @Size(max = DATE_PART_MAX, message = "{admin.grant.error.expires.invalid}") String expiresMonth,

            @Size(max = DATE_PART_MAX, message = "{admin.grant.error.expires.invalid}") String expiresYear) {}

    /** Room for a role's name or an external id; a longer one names nothing. */
    static final int CHOICE_MAX = 100;
    /** Room for a part of a date with spaces around it. */
    static final int DATE_PART_MAX = 10;

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
                    new AccountForm(
                            account.role().name(),
                            nonNull(account.agencyExternalId()),
                            String.valueOf(account.enabled())));
        }
        if (!model.containsAttribute("grantForm")) {
            model.addAttribute("grantForm", new GrantForm(null, null, null, null));
        }
        return "admin/user";
    }

    @PostMapping("/admin/users/{userId}")
    String saveAccount(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String userId,
            @Valid @ModelAttribute("form") AccountForm form,
            BindingResult validation,
            Model model,
            RedirectAttributes redirect) {
        return changeAccount(user, userId, model, redirect, "saved", "form", form, validation, () -> {
            Role role = parseRole(form.role());
            String agency = form.agency();
            users.change(
                    user,
                    userId,
                    role,
                    users.agencyId(user, agency == null || agency.isBlank() ? null : agency),
                    !"false".equals(form.enabled()));
        });
    }

    @PostMapping("/admin/users/{userId}/two-step/reset")
    String resetTwoStep(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String userId,
            Model model,
            RedirectAttributes redirect) {
        return changeAccount(
                user,
                userId,
                model,
                redirect,
                "twoStepReset",
                null,
                null,
                null,
                () -> users.resetTwoStep(user, userId));
    }

    @PostMapping("/admin/users/{userId}/grants")
    String grant(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String userId,
            @Valid @ModelAttribute("grantForm") GrantForm form,
            BindingResult validation,
            Model model,
            RedirectAttributes redirect) {
        return changeAccount(
                user,
                userId,
                model,
                redirect,
                "granted",
                "grantForm",
                form,
                validation,
                () -> users.grant(user, userId, form.plan(), date(form)));
    }

    /**
     * A change to one account: made, and back to the account's page with its banner; or refused on its field (by the
     * form's own limits, then by the service), the page shown again (200, as GOV.UK forms are) with what was typed
     * kept under {@code formName}.
     */
    private String changeAccount(
            SignedInUser user,
            String userId,
            Model model,
            RedirectAttributes redirect,
            String banner,
            String formName,
            Object form,
            BindingResult validation,
            Runnable change) {
        if (users.account(user, userId).isEmpty()) {
            throw new NotFoundException("User");
        }
        // the three parts of the date input share the one error, "expires"
        List<FormError> errors = validation == null
                ? List.of()
                : FormErrors.of(validation, field -> field.startsWith("expires") ? "expires" : field);
        if (errors.isEmpty()) {
            try {
                change.run();
            } catch (InvalidInput e) {
                errors = List.of(FormError.of(e));
            }
        }
        if (!errors.isEmpty()) {
            if (formName != null) {
                model.addAttribute(formName, form);
            }
            model.addAttribute("errors", errors);
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
            throw new InvalidInput("role", Message.of("admin.user.error.role"));
        }
    }

    /** The GOV.UK date input's three fields. */
    private static LocalDate date(GrantForm form) {
        String d = nonNull(form.expiresDay()).strip();
        String m = nonNull(form.expiresMonth()).strip();
        String y = nonNull(form.expiresYear()).strip();
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (NumberFormatException | DateTimeException e) {
            throw new InvalidInput("expires", Message.of("admin.grant.error.expires.invalid"));
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
