package uk.assure.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import uk.assure.system.AssureProperties;
import uk.assure.system.Message;
import uk.assure.system.Scope;
import uk.assure.web.FormError;
import uk.assure.web.FormErrors;

/**
 * The link in an invitation email, for a person not signed in: who invited them to which partnership, then a
 * password (entered twice) or single sign-on when it is set up. A link that cannot be used, for whatever reason
 * (unknown, expired, used, revoked, replaced by a re-send), gets one and the same page and status, so the page
 * tells a guesser nothing. Accepting signs the person in at once, in a new session.
 */
@Controller
class InvitationAcceptanceController {

    private final Invitations invitations;
    private final SessionSignIn signIn;
    private final AssureProperties.Oidc oidc;

    InvitationAcceptanceController(Invitations invitations, SessionSignIn signIn, AssureProperties properties) {
        this.invitations = invitations;
        this.signIn = signIn;
        this.oidc = properties.oidc();
    }

    @GetMapping("/invitations/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        // the link names the partnership; until it is read, the request is about none in particular
        Optional<Invitation> invitation = Scope.everyPartnership(() -> invitations.open(token));
        if (invitation.isEmpty()) {
            return unusable(response);
        }
        return page(model, token, invitation.get(), null);
    }

    /** The new password, twice. */
    record AcceptForm(
            @Size(max = PasswordRules.MAX, message = "{password.error.long}") String password,

            @Size(max = PasswordRules.MAX, message = "{accept.error.mismatch}") String confirm) {

        AcceptForm {
            password = password == null ? "" : password;
            confirm = confirm == null ? "" : confirm;
        }
    }

    @PostMapping("/invitations/{token}")
    String accept(
            @PathVariable String token,
            @Valid @ModelAttribute AcceptForm form,
            BindingResult validation,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        // the link names the partnership; until it is read, the request is about none in particular
        Optional<Invitation> invitation = Scope.everyPartnership(() -> invitations.open(token));
        if (invitation.isEmpty()) {
            return unusable(response);
        }
        String password = form.password();
        List<FormError> errors = FormErrors.of(validation);
        if (errors.isEmpty()) {
            PasswordRules.problem(password, invitation.get().email())
                    .ifPresent(p -> errors.add(FormError.of("password", p)));
        }
        if (errors.isEmpty() && !password.equals(form.confirm())) {
            errors.add(FormError.of("confirm", Message.of("accept.error.mismatch")));
        }
        if (!errors.isEmpty()) {
            // shown again, each field's problem beside it: 200, as GOV.UK forms do
            return page(model, token, invitation.get(), errors);
        }
        SignedInUser user;
        try {
            user = Scope.everyPartnership(() -> invitations.acceptWithPassword(token, password));
        } catch (Invitations.Unusable lostTheRace) {
            return unusable(response);
        }
        signIn.signIn(user, "an invitation", request, response);
        return "redirect:/plans";
    }

    private String page(Model model, String token, Invitation invitation, List<FormError> errors) {
        model.addAttribute("token", token);
        model.addAttribute("invitation", invitation);
        model.addAttribute("errors", errors);
        if (oidc.configured()) {
            model.addAttribute("ssoName", oidc.name());
            model.addAttribute("ssoStart", SignInPagesController.SINGLE_SIGN_ON_START);
        }
        return "invitations/accept";
    }

    /** The same for every link that cannot be used: 404, and nothing about why. */
    private static String unusable(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "invitations/unusable";
    }
}
