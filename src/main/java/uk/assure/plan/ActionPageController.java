package uk.assure.plan;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
import uk.assure.web.FormError;

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

    /** The edit form: an admin changes the action's wording and fields; its history is untouched. */
    record EditForm(
            Integer version,
            String ref,
            String text,
            String leadRaw,
            String oversightRaw,
            String expectedImpact,
            String evidenceOfImpact) {}

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
        model.addAttribute(
                "form",
                new EditForm(
                        action.version(),
                        action.ref(),
                        action.text(),
                        action.lead(),
                        action.oversight(),
                        action.expectedImpact(),
                        action.evidenceOfImpact()));
        return "plans/edit-action";
    }

    @PostMapping("/plans/{planId}/actions/{actionId}/edit")
    String edit(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @ModelAttribute EditForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ActionPage action = work.action(user, planId, actionId);
        work.requireEdit(user);
        model.addAttribute("action", action);
        model.addAttribute("form", form);
        if (form.text() == null || form.text().isBlank()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", List.of(new FormError("text", "Enter what the action is")));
            return "plans/edit-action";
        }
        try {
            work.edit(
                    user,
                    actionId,
                    form.version() == null ? -1 : form.version(),
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
            model.addAttribute(
                    "form",
                    new EditForm(
                            action.version(),
                            form.ref(),
                            form.text(),
                            form.leadRaw(),
                            form.oversightRaw(),
                            form.expectedImpact(),
                            form.evidenceOfImpact()));
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
            @RequestParam(name = "comment", required = false) String comment,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ActionPage action = work.action(user, planId, actionId);
        try {
            work.comment(user, actionId, comment);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", UpdateForm.blank(action));
            model.addAttribute("comment", comment);
            model.addAttribute("errors", List.of(new FormError("comment", e.getMessage())));
            return page(user, action, model);
        }
        redirect.addFlashAttribute("commented", true);
        return "redirect:/plans/" + planId + "/actions/" + actionId + "#comments";
    }

    /** What the update form holds, as typed. */
    record UpdateForm(
            Integer version,
            String narrative,
            String status,
            String statusReason,
            String dueDay,
            String dueMonth,
            String dueYear,
            String revisionReason,
            String evidenceUrl,
            String onTrack) {

        static UpdateForm blank(ActionPage action) {
            return new UpdateForm(
                    action.version(),
                    "",
                    action.status().name(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    action.signOff().offTrack() == null ? "yes" : "no");
        }

        /** The lead's answer to "Is the action on track?": behind (true), on track (false), or not given. */
        Boolean offTrack() {
            return "no".equals(onTrack) ? Boolean.TRUE : "yes".equals(onTrack) ? Boolean.FALSE : null;
        }
    }

    @GetMapping("/plans/{planId}/actions/{actionId}")
    String show(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            Model model) {
        ActionPage action = work.action(user, planId, actionId);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", UpdateForm.blank(action));
        }
        return page(user, action, model);
    }

    @PostMapping("/plans/{planId}/actions/{actionId}/updates")
    String update(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @ModelAttribute UpdateForm form,
            @RequestParam(name = "evidenceFile", required = false) MultipartFile upload,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ActionPage action = work.action(user, planId, actionId);
        work.requireUpdate(user, actionId);
        List<FormError> errors = new ArrayList<>();
        ActionStatus status = parseStatus(form.status());
        DueDate revised = revisedDue(form, errors);
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
        if (form.version() == null) {
            errors.add(new FormError("narrative", "The form was incomplete. Start your update again"));
        }
        if (errors.isEmpty()) {
            try {
                work.recordUpdate(user, actionId, form.version(), entry, file);
                redirect.addFlashAttribute("recorded", true);
                return "redirect:/plans/" + planId + "/actions/" + actionId;
            } catch (InvalidProgressException e) {
                e.errors().forEach(err -> errors.add(new FormError(err.field(), err.message())));
            } catch (StaleActionException e) {
                model.addAttribute("stale", e);
                response.setStatus(HttpStatus.CONFLICT.value());
                // The form now carries the version just read, so that saving again is a deliberate choice.
                form = new UpdateForm(
                        action.version(),
                        form.narrative(),
                        form.status(),
                        form.statusReason(),
                        form.dueDay(),
                        form.dueMonth(),
                        form.dueYear(),
                        form.revisionReason(),
                        form.evidenceUrl(),
                        form.onTrack());
            }
        } else {
            // Every problem at once: the entry's own rules too, not only the date's.
            ProgressService.problems(action.status(), entry)
                    .forEach(err -> errors.add(new FormError(err.field(), err.message())));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
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
            errors.add(new FormError(
                    "evidenceFile", "The selected file must be " + maxBytes / (1024 * 1024) + " MB or smaller"));
            return null;
        }
        try {
            return EvidenceFile.of(upload.getOriginalFilename(), upload.getBytes());
        } catch (IllegalArgumentException e) {
            errors.add(new FormError("evidenceFile", e.getMessage()));
        } catch (IOException e) {
            errors.add(new FormError("evidenceFile", "The selected file could not be read. Try again"));
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

    /** The GOV.UK date input: all empty means the date stands; otherwise a real date, every part given. */
    static DueDate revisedDue(UpdateForm form, List<FormError> errors) {
        String day = trim(form.dueDay());
        String month = trim(form.dueMonth());
        String year = trim(form.dueYear());
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        if (day.isEmpty()) {
            missing.add("day");
        }
        if (month.isEmpty()) {
            missing.add("month");
        }
        if (year.isEmpty()) {
            missing.add("year");
        }
        String first = day.isEmpty() ? "dueDate-day" : month.isEmpty() ? "dueDate-month" : "dueDate-year";
        if (!missing.isEmpty()) {
            errors.add(new FormError(first, "The new due date must include a " + String.join(" and a ", missing)));
            return null;
        }
        if (!day.matches("\\d{1,2}") || !month.matches("\\d{1,2}") || !year.matches("\\d{4}")) {
            errors.add(new FormError("dueDate-day", "The new due date must be a real date, like 27 3 2026"));
            return null;
        }
        try {
            return DueDate.exact(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            errors.add(new FormError("dueDate-day", "The new due date must be a real date, like 27 3 2026"));
            return null;
        }
    }

    private static ActionStatus parseStatus(String status) {
        try {
            return status == null ? null : ActionStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
