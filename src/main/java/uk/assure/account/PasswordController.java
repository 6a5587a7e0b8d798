package uk.assure.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.assure.audit.AuditLog;
import uk.assure.system.Message;
import uk.assure.web.FormError;
import uk.assure.web.FormErrors;

/**
 * Changing one's own password: the current one first; the new one by length, not composition, and not among the
 * most common. A change ends every other session of the user, on every node, and is an audit event.
 */
@Controller
class PasswordController {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final TwoStep twoStep;

    private final ApiTokens tokens;

    PasswordController(
            UserRepository users,
            PasswordEncoder passwords,
            AuditLog audit,
            Clock clock,
            TwoStep twoStep,
            ApiTokens tokens) {
        this.tokens = tokens;
        this.twoStep = twoStep;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** The page links to two-step sign-in, saying whether it is on. */
    @ModelAttribute("twoStepOn")
    boolean twoStepOn(@AuthenticationPrincipal SignedInUser user) {
        return user != null && twoStep.state(user).on();
    }

    /** API tokens outlive a password change: the page says how many still work, so that a stranger's can be ended. */
    @ModelAttribute("activeTokens")
    long activeTokens(@AuthenticationPrincipal SignedInUser user) {
        return user == null
                ? 0
                : tokens.of(user).stream().filter(ApiTokens.Token::active).count();
    }

    @GetMapping("/account/password")
    String form() {
        return "account/password";
    }

    /** The current password, and the new one twice; none longer than a password may be, so none hashed if it is. */
    record PasswordForm(
            @Size(max = PasswordRules.MAX, message = "{password.error.current}") String current,

            @Size(max = PasswordRules.MAX, message = "{password.error.long}") String password,

            @Size(max = PasswordRules.MAX, message = "{accept.error.mismatch}") String confirm) {

        PasswordForm {
            current = current == null ? "" : current;
            password = password == null ? "" : password;
            confirm = confirm == null ? "" : confirm;
        }
    }

    @PostMapping("/account/password")
    String change(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute PasswordForm form,
            BindingResult validation,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        List<FormError> errors = FormErrors.of(validation);
        String password = form.password();
        if (!has(errors, "current") && !passwords.matches(form.current(), users.passwordHash(user.userId()))) {
            errors.add(0, FormError.of("current", Message.of("password.error.current")));
        }
        if (!has(errors, "password")) {
            PasswordRules.problem(password, user.getUsername()).ifPresent(p -> errors.add(FormError.of("password", p)));
        }
        if (!has(errors, "password") && !has(errors, "confirm") && !password.equals(form.confirm())) {
            errors.add(FormError.of("confirm", Message.of("accept.error.mismatch")));
        }
        if (!errors.isEmpty()) {
            // shown again, each field's problem beside it: 200, as GOV.UK forms do (the passwords are not kept)
            model.addAttribute("errors", errors);
            return "account/password";
        }
        Instant now = clock.instant();
        users.setPasswordHash(user.userId(), passwords.encode(password));
        users.endSessions(user.userId(), now);
        request.getSession().setAttribute("assure.signedInAt", now); // this session carries on; the others end
        audit.record(new AuditLog.Event(
                user.partnershipId(),
                user.userId(),
                user.getUsername(),
                "PASSWORD_CHANGED",
                "user",
                user.externalId(),
                null,
                null,
                "from " + request.getRemoteAddr()));
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:/account/password";
    }

    private static boolean has(List<FormError> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }
}
