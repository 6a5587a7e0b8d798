package uk.assure.plan;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.assure.account.SignedInUser;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.system.Message;
import uk.assure.web.FormError;

/**
 * Signing off on the action's page: confirming a claimed completion (with the answer on impact) or sending it back
 * with a reason, and accepting or refusing a requested due date. {@link PlanWork} decides who may.
 */
@Controller
class SignOffController {

    private final PlanWork work;
    private final ActionPages pages;

    SignOffController(PlanWork work, ActionPages pages) {
        this.work = work;
        this.pages = pages;
    }

    /** A sign-off as typed: the answer on impact with its date to look again, a note, or a reason to refuse. */
    record SignOffForm(
            Integer version,
            String impactEvidenced,
            String reviewDay,
            String reviewMonth,
            String reviewYear,
            String note,
            String reason) {

        static SignOffForm blank(ActionPage action) {
            return new SignOffForm(action.version(), null, "", "", "", "", "");
        }
    }

    @PostMapping("/plans/{planId}/actions/{actionId}/completion/confirm")
    String confirmCompletion(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @ModelAttribute SignOffForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return signOff(user, planId, actionId, form, model, redirect, response, "confirmed", errors -> {
            LocalDate reviewOn = reviewOn(form, errors);
            Boolean evidenced = "yes".equals(form.impactEvidenced())
                    ? Boolean.TRUE
                    : "no".equals(form.impactEvidenced()) ? Boolean.FALSE : null;
            if (errors.isEmpty()) {
                work.confirmCompletion(
                        user, actionId, version(form), new SignOffs.Confirmation(form.note(), evidenced, reviewOn));
            }
        });
    }

    @PostMapping("/plans/{planId}/actions/{actionId}/completion/send-back")
    String sendBackCompletion(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @ModelAttribute SignOffForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return signOff(
                user,
                planId,
                actionId,
                form,
                model,
                redirect,
                response,
                "sentBack",
                errors -> work.sendBackCompletion(user, actionId, version(form), form.reason()));
    }

    @PostMapping("/plans/{planId}/actions/{actionId}/revision/accept")
    String acceptRevision(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @ModelAttribute SignOffForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return signOff(
                user,
                planId,
                actionId,
                form,
                model,
                redirect,
                response,
                "accepted",
                errors -> work.acceptRevision(user, actionId, version(form)));
    }

    @PostMapping("/plans/{planId}/actions/{actionId}/revision/refuse")
    String refuseRevision(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @ModelAttribute SignOffForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return signOff(
                user,
                planId,
                actionId,
                form,
                model,
                redirect,
                response,
                "refused",
                errors -> work.refuseRevision(user, actionId, version(form), form.reason()));
    }

    /** One decision: asked of the service, then back to the action, or the page again with what was wrong. */
    private String signOff(
            SignedInUser user,
            String planId,
            String actionId,
            SignOffForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            String done,
            Consumer<List<FormError>> decide) {
        ActionPage action = work.action(user, planId, actionId);
        List<FormError> errors = new ArrayList<>();
        try {
            decide.accept(errors);
            if (errors.isEmpty()) {
                redirect.addFlashAttribute("signedOff", done);
                return "redirect:/plans/" + planId + "/actions/" + actionId;
            }
        } catch (InvalidProgressException e) {
            e.errors().forEach(err -> errors.add(new FormError(err.field(), err.message())));
        } catch (StaleActionException e) {
            model.addAttribute("stale", e);
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("form", ActionForms.UpdateForm.blank(action));
            model.addAttribute("signOffForm", SignOffForm.blank(action));
            return pages.render(user, action, model);
        }
        // the page again with what was wrong, as every form does (200, the GOV.UK pattern)
        model.addAttribute("errors", errors);
        model.addAttribute("form", ActionForms.UpdateForm.blank(action));
        model.addAttribute("signOffForm", form);
        return pages.render(user, action, model);
    }

    private static int version(SignOffForm form) {
        return form.version() == null ? -1 : form.version();
    }

    /** The date to look again at impact, from the GOV.UK date input: all empty is none; otherwise a real date. */
    private LocalDate reviewOn(SignOffForm form, List<FormError> errors) {
        String day = trim(form.reviewDay());
        String month = trim(form.reviewMonth());
        String year = trim(form.reviewYear());
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return null;
        }
        try {
            if (day.matches("\\d{1,2}") && month.matches("\\d{1,2}") && year.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            }
        } catch (DateTimeException e) {
            // refused below, as any other date that is not real
        }
        errors.add(FormError.of("reviewOn-day", Message.of("signOff.error.reviewOnReal")));
        return null;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
