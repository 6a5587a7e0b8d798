package uk.assure.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.assure.audit.AuditLog;
import uk.assure.web.FormError;

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

    @PostMapping("/account/password")
    String change(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirm,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<FormError> errors = new ArrayList<>();
        if (!passwords.matches(current, users.passwordHash(user.userId()))) {
            errors.add(new FormError("current", "Your current password is not right"));
        }
        PasswordRules.problem(password, user.getUsername()).ifPresent(p -> errors.add(new FormError("password", p)));
        if (errors.stream().noneMatch(e -> e.field().equals("password")) && !password.equals(confirm)) {
            errors.add(new FormError("confirm", "The passwords do not match"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
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
}
