package uk.assure.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.assure.account.SignedInUser;
import uk.assure.plan.InvalidProgressException.FieldError;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.system.Message;
import uk.assure.web.FormErrors;

/**
 * The JSON API: plans, actions with their history, an agency lead's own actions, progress updates and comments.
 * Every answer is decided by {@link PlanWork}, the same methods the pages call: what a person may not read answers 404,
 * what they may read but not do answers 403.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "plans")
@SecurityRequirement(name = "token")
class PlansApi {

    private final PlanWork work;

    PlansApi(PlanWork work) {
        this.work = work;
    }

    @Operation(summary = "The plans the caller may read: every plan of the partnership, or a viewer's granted ones")
    @GetMapping("/plans")
    List<ApiModels.PlanSummary> plans(@AuthenticationPrincipal SignedInUser user) {
        return work.plans(user).stream().map(ApiModels.PlanSummary::of).toList();
    }

    @Operation(summary = "A plan whole: its sections, findings and actions, each action with its RAG rating")
    @GetMapping("/plans/{planId}")
    ApiModels.Plan plan(@AuthenticationPrincipal SignedInUser user, @PathVariable String planId) {
        return ApiModels.Plan.of(work.plan(user, planId));
    }

    @Operation(
            summary =
                    "An action with its whole history (who said what, when; the original and revised due date) and comments")
    @GetMapping("/plans/{planId}/actions/{actionId}")
    ApiModels.Action action(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String planId, @PathVariable String actionId) {
        ActionPage action = work.action(user, planId, actionId);
        return ApiModels.Action.of(action, work.comments(user, action));
    }

    @Operation(summary = "The actions the caller's agency leads, on every plan: overdue, due soon, later, completed")
    @GetMapping("/my-actions")
    ApiModels.MyActions myActions(@AuthenticationPrincipal SignedInUser user) {
        return work.myActions(user)
                .map(ApiModels.MyActions::of)
                .orElseGet(() -> new ApiModels.MyActions(List.of(), List.of(), List.of(), List.of()));
    }

    @Operation(summary = "A file given as evidence with an update: always a download")
    @GetMapping(path = "/evidence/{fileId}", produces = "*/*")
    ResponseEntity<byte[]> evidence(@AuthenticationPrincipal SignedInUser user, @PathVariable String fileId) {
        return work.evidence(user, fileId).asDownload();
    }

    @Operation(summary = "Records a progress update: for an admin, or a lead of an agency that leads the action")
    @PostMapping(path = "/plans/{planId}/actions/{actionId}/updates", consumes = "application/json")
    ResponseEntity<ApiModels.Recorded> update(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @Valid @RequestBody ApiModels.NewUpdate body,
            BindingResult validation) {
        ActionPage action = work.action(user, planId, actionId);
        work.requireUpdate(user, actionId);
        // checked once the caller may update it: someone refused learns nothing from what they sent
        List<FieldError> errors = new ArrayList<>(invalid(validation));
        if (body.version() == null) {
            errors.add(FieldError.of("version", Message.of("api.version.missing")));
        }
        ActionStatus status = action.status();
        if (body.status() != null) {
            try {
                status = ActionStatus.valueOf(body.status());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("status", Message.of("api.status.invalid")));
            }
        }
        ProgressEntry entry = new ProgressEntry(
                body.narrative(),
                status,
                status == action.status() ? action.statusWord() : null,
                blank(body.statusReason()),
                body.revisedDue() == null ? null : DueDate.exact(body.revisedDue()),
                blank(body.revisionReason()),
                null,
                null,
                blank(body.evidenceUrl()),
                body.onTrack() == null ? null : !body.onTrack());
        if (!errors.isEmpty()) {
            errors.addAll(ProgressService.problems(action.status(), entry));
            throw new InvalidProgressException(errors.stream().distinct().toList());
        }
        ProgressService.Recorded recorded = work.recordUpdate(user, actionId, body.version(), entry, null);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + planId + "/actions/" + actionId))
                .body(new ApiModels.Recorded(recorded.externalId(), actionId, recorded.newVersion()));
    }

    @Operation(summary = "Adds a comment to an action: for board members and admins")
    @PostMapping(path = "/plans/{planId}/actions/{actionId}/comments", consumes = "application/json")
    ResponseEntity<ApiModels.CommentAdded> comment(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @Valid @RequestBody ApiModels.NewComment body,
            BindingResult validation) {
        work.action(user, planId, actionId);
        work.requireComment(user, actionId);
        if (validation.hasErrors()) {
            throw new InvalidProgressException(invalid(validation));
        }
        String id = work.comment(user, actionId, body.comment());
        return ResponseEntity.created(URI.create("/api/v1/plans/" + planId + "/actions/" + actionId))
                .body(new ApiModels.CommentAdded(id));
    }

    /** The body's own rules broken (a length), each on its field. */
    private static List<FieldError> invalid(BindingResult validation) {
        return FormErrors.of(validation).stream()
                .map(e -> new FieldError(e.field(), e.message()))
                .toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
