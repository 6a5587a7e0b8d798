package uk.assure.plan;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.assure.account.SignedInUser;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.system.AssureProperties;
import uk.assure.system.InvalidInput;
import uk.assure.system.Message;
import uk.assure.web.FormError;
import uk.assure.web.FormErrors;

/**
 * An action's page and its progress update form: narrative, status (with a reason where the change needs one), a
 * revised due date in the GOV.UK date input with its reason, and a link to evidence. A refusal keeps what was
 * typed and names each field; an update made by someone else meanwhile is shown beside what was typed.
 */
@Controller
class ActionPageController {

    private final PlanWork work;
    private final ActionPages pages;
    private final long maxBytes;

    ActionPageController(PlanWork work, ActionPages pages, AssureProperties properties) {
        this.work = work;
        this.pages = pages;
        this.maxBytes = properties.uploadMaxBytes();
    }

    @GetMapping("/plans/{planId}/actions/{actionId}/edit")
    String editForm(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            Model model,
            HttpServletResponse response) {
        ActionPage action = work.action(user, planId, actionId);
        work.requireEdit(user);
        model.addAttribute("action", action);
        model.addAttribute("form", ActionForms.EditForm.of(action));
        return "plans/edit-action";
    }

    @PostMapping("/plans/{planId}/actions/{actionId}/edit")
    String edit(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @Valid @ModelAttribute("form") ActionForms.EditForm form,
            BindingResult validation,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ActionPage action = work.action(user, planId, actionId);
        work.requireEdit(user);
        model.addAttribute("action", action);
        model.addAttribute("form", form);
        if (validation.hasErrors()) {
            // shown again with what was typed, each field's problem beside it: 200, as GOV.UK forms do
            model.addAttribute("errors", FormErrors.of(validation));
            return "plans/edit-action";
        }
        try {
            work.edit(
                    user,
                    actionId,
                    ActionForms.version(form.version()),
                    new ActionChanges.Fields(
                            form.ref(),
                            form.text(),
                            form.leadRaw(),
                            form.oversightRaw(),
                            form.expectedImpact(),
                            form.evidenceOfImpact()));
        } catch (StaleActionException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("stale", true);
            model.addAttribute("form", form.at(action.version()));
            return "plans/edit-action";
        }
        redirect.addFlashAttribute("changed", true);
        return "redirect:/plans/" + planId + "/actions/" + actionId;
    }

    /** Links the action to a further finding, or to an action in another plan: for those who may update it. */
    @PostMapping("/plans/{planId}/actions/{actionId}/links")
    String link(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @RequestParam(name = "finding", required = false) String finding,
            @RequestParam(name = "linkedAction", required = false) String linkedAction,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        work.action(user, planId, actionId);
        work.requireUpdate(user, actionId);
        if (finding != null && !finding.isBlank()) {
            work.linkFinding(user, actionId, finding);
            redirect.addFlashAttribute("linked", true);
        } else if (linkedAction != null && !linkedAction.isBlank()) {
            work.linkAction(user, actionId, linkedAction);
            redirect.addFlashAttribute("linked", true);
        }
        return "redirect:/plans/" + planId + "/actions/" + actionId;
    }

    /** A board member's (or admin's) comment: beside the history, not part of it. */
    @PostMapping("/plans/{planId}/actions/{actionId}/comments")
    String comment(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @Valid @ModelAttribute("commentForm") ActionForms.CommentForm form,
            BindingResult validation,
            Model model,
            RedirectAttributes redirect) {
        ActionPage action = work.action(user, planId, actionId);
        work.requireComment(user, actionId);
        List<FormError> errors = FormErrors.of(validation);
        if (errors.isEmpty()) {
            try {
                work.comment(user, actionId, form.comment());
            } catch (InvalidInput e) {
                errors.add(FormError.of(e));
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("form", ActionForms.UpdateForm.blank(action));
            model.addAttribute("comment", form.comment());
            model.addAttribute("errors", errors);
            return page(user, action, model);
        }
        redirect.addFlashAttribute("commented", true);
        return "redirect:/plans/" + planId + "/actions/" + actionId + "#comments";
    }

    @GetMapping("/plans/{planId}/actions/{actionId}")
    String show(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            Model model) {
        ActionPage action = work.action(user, planId, actionId);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ActionForms.UpdateForm.blank(action));
        }
        return page(user, action, model);
    }

    @PostMapping("/plans/{planId}/actions/{actionId}/updates")
    String update(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @Valid @ModelAttribute("form") ActionForms.UpdateForm form,
            BindingResult validation,
            @RequestParam(name = "evidenceFile", required = false) MultipartFile upload,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ActionPage action = work.action(user, planId, actionId);
        work.requireUpdate(user, actionId);
        List<FormError> errors = FormErrors.of(validation, ActionForms::onPage);
        ActionStatus status = parseStatus(form.status());
        DueDate revised = errors.stream().anyMatch(e -> e.field().startsWith("dueDate"))
                ? null
                : ActionForms.revisedDue(form, errors);
        ProgressEntry entry = new ProgressEntry(
                form.narrative(),
                status,
                status == action.status() ? action.statusWord() : null,
                blankToNull(form.statusReason()),
                revised,
                blankToNull(form.revisionReason()),
                null,
                null,
                blankToNull(form.evidenceUrl()),
                form.offTrack());
        EvidenceFile file = evidenceFile(upload, errors);
        Integer version = ActionForms.number(form.version());
        if (version == null) {
            errors.add(FormError.of("narrative", Message.of("update.incomplete")));
        }
        if (errors.isEmpty()) {
            try {
                work.recordUpdate(user, actionId, version, entry, file);
                redirect.addFlashAttribute("recorded", true);
                return "redirect:/plans/" + planId + "/actions/" + actionId;
            } catch (InvalidProgressException e) {
                e.errors().forEach(err -> errors.add(new FormError(err.field(), err.message())));
            } catch (StaleActionException e) {
                model.addAttribute("stale", e);
                response.setStatus(HttpStatus.CONFLICT.value());
                // The form now carries the version just read, so that saving again is a deliberate choice.
                form = form.at(action.version());
            }
        } else {
            // Every problem at once: the entry's own rules too, not only the date's; each field's first.
            ProgressService.problems(action.status(), entry).stream()
                    .filter(err -> errors.stream().noneMatch(e -> e.field().equals(err.field())))
                    .forEach(err -> errors.add(new FormError(err.field(), err.message())));
        }
        if (!errors.isEmpty()) {
            // shown again with what was typed, each field's problem beside it: 200, as GOV.UK forms do
            model.addAttribute("errors", errors);
        }
        model.addAttribute("form", form);
        return page(user, action, model);
    }

    /** The evidence file, if one was chosen: within the upload limit and of a type people can open. */
    private EvidenceFile evidenceFile(MultipartFile upload, List<FormError> errors) {
        if (upload == null
                || upload.isEmpty()
                        && (upload.getOriginalFilename() == null
                                || upload.getOriginalFilename().isBlank())) {
            return null;
        }
        if (upload.getSize() > maxBytes) {
            errors.add(FormError.of("evidenceFile", Message.of("evidence.tooLarge", maxBytes / (1024 * 1024))));
            return null;
        }
        try {
            return EvidenceFile.of(upload.getOriginalFilename(), upload.getBytes());
        } catch (InvalidInput e) {
            errors.add(FormError.of(e));
        } catch (IOException e) {
            errors.add(FormError.of("evidenceFile", Message.of("evidence.unreadable")));
        }
        return null;
    }

    /** A file given as evidence: always a download, never shown inline; only within the user's partnership. */
    @GetMapping("/evidence/{fileId}")
    ResponseEntity<byte[]> evidence(@AuthenticationPrincipal SignedInUser user, @PathVariable String fileId) {
        return work.evidence(user, fileId).asDownload();
    }

    private String page(SignedInUser user, ActionPage action, Model model) {
        return pages.render(user, action, model);
    }

    private static ActionStatus parseStatus(String status) {
        try {
            return status == null ? null : ActionStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
