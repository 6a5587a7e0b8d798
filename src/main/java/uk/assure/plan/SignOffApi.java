package uk.assure.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.assure.account.SignedInUser;

/**
 * Signing off through the API, as on the action's page: confirming or sending back a claimed completion, accepting
 * or refusing a requested due date. {@link PlanWork} decides who may (404 for what the caller may not read, 403 for
 * someone who is neither an admin nor a member of the action's oversight body, or who made the claim themselves).
 */
@RestController
@RequestMapping(path = "/api/v1/plans/{planId}/actions/{actionId}", produces = "application/json")
@Tag(name = "plans")
@SecurityRequirement(name = "token")
class SignOffApi {

    private final PlanWork work;

    SignOffApi(PlanWork work) {
        this.work = work;
    }

    @Operation(
            summary = "Confirms a completion the lead claimed, with whether the evidence of impact is in: for an admin"
                    + " or a member of the action's oversight body, not the one who claimed it")
    @PostMapping(path = "/completion/confirm", consumes = "application/json")
    ApiModels.Recorded confirm(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @RequestBody SignOffModels.Confirmation body) {
        work.action(user, planId, actionId);
        ProgressService.Recorded done = work.confirmCompletion(
                user,
                actionId,
                version(body.version()),
                new SignOffs.Confirmation(body.note(), body.impactEvidenced(), body.reviewOn()));
        return new ApiModels.Recorded(done.externalId(), actionId, done.newVersion());
    }

    @Operation(summary = "Sends a claimed completion back to In progress, with the reason")
    @PostMapping(path = "/completion/send-back", consumes = "application/json")
    ApiModels.Recorded sendBack(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @RequestBody SignOffModels.Decision body) {
        work.action(user, planId, actionId);
        ProgressService.Recorded done = work.sendBackCompletion(user, actionId, version(body.version()), body.reason());
        return new ApiModels.Recorded(done.externalId(), actionId, done.newVersion());
    }

    @Operation(summary = "Accepts the requested due date: it comes into force, and the action shows as slipped")
    @PostMapping(path = "/revision/accept", consumes = "application/json")
    ApiModels.Recorded accept(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @RequestBody SignOffModels.Decision body) {
        work.action(user, planId, actionId);
        ProgressService.Recorded done = work.acceptRevision(user, actionId, version(body.version()));
        return new ApiModels.Recorded(done.externalId(), actionId, done.newVersion());
    }

    @Operation(summary = "Refuses the requested due date, with the reason: the date in force stands")
    @PostMapping(path = "/revision/refuse", consumes = "application/json")
    ApiModels.Recorded refuse(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String planId,
            @PathVariable String actionId,
            @RequestBody SignOffModels.Decision body) {
        work.action(user, planId, actionId);
        ProgressService.Recorded done = work.refuseRevision(user, actionId, version(body.version()), body.reason());
        return new ApiModels.Recorded(done.externalId(), actionId, done.newVersion());
    }

    /** A missing version is one no action has: refused as stale (409), never applied blind. */
    private static int version(Integer version) {
        return version == null ? -1 : version;
    }
}
