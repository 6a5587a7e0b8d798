package uk.assure.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uk.assure.system.AssureProperties;
import uk.assure.system.NotFoundException;
import uk.assure.web.FormError;

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
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Invitations invitations;
    private final InvitationMail mail;
    private final String publicUrl;

    InvitationController(Invitations invitations, InvitationMail mail, AssureProperties properties) {
        this.invitations = invitations;
        this.mail = mail;
        this.publicUrl = properties.publicUrl();
    }

    /** What the form sends, kept as typed so a refused form shows it again. */
    record InvitationForm(String email, String name, String role, String agency) {}

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
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String agency,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        InvitationForm form = new InvitationForm(email.strip(), name.strip(), role, agency);
        List<FormError> errors = check(form);
        if (errors.isEmpty()) {
            try {
                Invitations.Issued issued = invitations.invite(
                        user,
                        new Invitations.Request(form.email(), form.name(), Role.valueOf(form.role()), form.agency()));
                return deliver(issued, request, redirect);
            } catch (Invitations.Refused refused) {
                errors.add(new FormError(refused.field(), refused.getMessage()));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
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

    private static List<FormError> check(InvitationForm form) {
        List<FormError> errors = new ArrayList<>();
        if (form.email().isEmpty()) {
            errors.add(new FormError("email", "Enter an email address"));
        } else if (form.email().length() > 254 || !EMAIL.matcher(form.email()).matches()) {
            errors.add(new FormError("email", "Enter an email address in the correct format, like name@example.com"));
        }
        if (form.name().isEmpty()) {
            errors.add(new FormError("name", "Enter their full name"));
        } else if (form.name().length() > 200) {
            errors.add(new FormError("name", "Their name must be 200 characters or fewer"));
        }
        if (Role.IN_A_PARTNERSHIP.stream().noneMatch(r -> r.name().equals(form.role()))) {
            errors.add(new FormError("role", "Select a role"));
        }
        return errors;
    }
}
