package uk.assure.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.mail.MailException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uk.assure.system.AssureProperties;
import uk.assure.system.InvalidInput;
import uk.assure.system.Message;
import uk.assure.system.NotFoundException;
import uk.assure.web.FormError;
import uk.assure.web.FormErrors;

/**
 * An admin's invitations: the list (waiting, expired, accepted, revoked) with re-send and revoke, and the form to
 * invite someone. The email goes out after the invitation is saved; if it cannot, the invitation stays and the page
 * says so. With no mail server configured the link is shown to the admin, once, to pass on themselves: it cannot be
 * shown again, because only its hash is kept.
 */
@Controller
@RequestMapping("/admin/invitations")
class InvitationController {

    /** Plain enough to catch typing slips; the real check is that the email arrives. */
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final Invitations invitations;
    private final InvitationMail mail;
    private final String publicUrl;

    InvitationController(Invitations invitations, InvitationMail mail, AssureProperties properties) {
        this.invitations = invitations;
        this.mail = mail;
        this.publicUrl = properties.publicUrl();
    }

    /** What the form sends, kept as typed (less the spaces around it) so a refused form shows it again. */
    record InvitationForm(
            @NotBlank(message = "{invitation.error.email.missing}") @Size(max = EMAIL_MAX, message = "{invitation.error.email.long}") @Pattern(regexp = EMAIL, message = "{invitation.error.email.format}") String email,

            @NotBlank(message = "{invitation.error.name.missing}") @Size(max = NAME_MAX, message = "{invitation.error.name.long}") String name,

            @Size(max = CHOICE_MAX, message = "{invitation.error.role.missing}") String role,

            @Size(max = CHOICE_MAX, message = "{invitation.error.agency.missing}") String agency) {

        InvitationForm {
            email = email == null ? "" : email.strip();
            name = name == null ? "" : name.strip();
            role = role == null ? "" : role;
            agency = agency == null ? "" : agency;
        }
    }

    /** The longest an email address can be (64 characters, @, 255). */
    static final int EMAIL_MAX = 320;
    /** A person's name. */
    static final int NAME_MAX = 200;
    /** Room for a role's name or an agency's id. */
    static final int CHOICE_MAX = 100;

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("invitations", invitations.list(user));
        return "admin/invitations/list";
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal SignedInUser user, Model model) {
        return form(user, model, new InvitationForm("", "", "", ""), null);
    }

    @PostMapping
    String invite(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute("form") InvitationForm form,
            BindingResult validation,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        List<FormError> errors = FormErrors.of(validation);
        Role role = role(form.role());
        if (role == null && errors.stream().noneMatch(e -> e.field().equals("role"))) {
            errors.add(FormError.of("role", Message.of("invitation.error.role.missing")));
        }
        if (errors.isEmpty()) {
            try {
                Invitations.Issued issued = invitations.invite(
                        user, new Invitations.Request(form.email(), form.name(), role, form.agency()));
                return deliver(issued, request, redirect);
            } catch (InvalidInput refused) {
                errors.add(FormError.of(refused));
            }
        }
        // shown again with what was typed, each field's problem beside it: 200, as GOV.UK forms do
        return form(user, model, form, errors);
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        model.addAttribute(
                "invitation", invitations.find(user, id).orElseThrow(() -> new NotFoundException("Invitation")));
        return "admin/invitations/show";
    }

    @PostMapping("/{id}/resend")
    String resend(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (invitations.find(user, id).isEmpty()) {
            throw new NotFoundException("Invitation");
        }
        return invitations
                .resend(user, id)
                .map(issued -> deliver(issued, request, redirect))
                .orElseGet(() -> {
                    redirect.addFlashAttribute("notChanged", true);
                    return "redirect:/admin/invitations";
                });
    }

    @PostMapping("/{id}/revoke")
    String revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, RedirectAttributes redirect) {
        if (invitations.find(user, id).isEmpty()) {
            throw new NotFoundException("Invitation");
        }
        redirect.addFlashAttribute(invitations.revoke(user, id) ? "revoked" : "notChanged", true);
        return "redirect:/admin/invitations";
    }

    /** Sends the link, or, with no mail server, hands it to the next page to show once. */
    private String deliver(Invitations.Issued issued, HttpServletRequest request, RedirectAttributes redirect) {
        String link = base(request) + "/invitations/" + issued.token();
        if (!mail.configured()) {
            redirect.addFlashAttribute("link", link);
        } else {
            try {
                mail.send(issued.invitation(), link);
                redirect.addFlashAttribute("sent", true);
            } catch (MailException e) {
                redirect.addFlashAttribute("failed", true);
            }
        }
        return "redirect:/admin/invitations/" + issued.invitation().externalId();
    }

    /** ASSURE_PUBLIC_URL when set (it should be, behind a proxy); else the address this request came to. */
    private String base(HttpServletRequest request) {
        if (publicUrl != null && !publicUrl.isBlank()) {
            return publicUrl.strip().replaceAll("/+$", "");
        }
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    private String form(SignedInUser user, Model model, InvitationForm form, List<FormError> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.IN_A_PARTNERSHIP);
        model.addAttribute("agencies", invitations.agencies(user));
        model.addAttribute("mailConfigured", mail.configured());
        return "admin/invitations/new";
    }

    private static Role role(String name) {
        return Role.IN_A_PARTNERSHIP.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}
