package uk.assure.plan;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** The API's records for sign-off: what waits on someone other than the lead, and the decisions they send. */
final class SignOffModels {

    private SignOffModels() {}

    @Schema(description = "What waits on someone other than the lead, and what they decided")
    record SignOff(
            @Schema(description = "CLAIMED (awaiting sign-off) or CONFIRMED for a completed action; null otherwise")
            String completion,

            @Schema(description = "a new due date the lead asked for, not yet accepted: RAG does not use it")
            ApiModels.Due requestedDue,

            String requestedDueReason,

            @Schema(description = "how many revisions of the due date were accepted")
            int revisions,

            @Schema(description = "true when the date in force is later than the plan first gave")
            boolean slipped,

            @Schema(description = "the day the lead said the action is behind; null when they say it is on track")
            LocalDate offTrackSince,

            @Schema(description = "at sign-off: whether the evidence of impact is in; null before sign-off")
            Boolean impactEvidenced,

            @Schema(description = "when the evidence of impact is not in yet: the day to look again")
            LocalDate impactReviewOn) {

        static SignOff of(PlanViews.ActionPage a) {
            PlanViews.SignOff s = a.signOff();
            return new SignOff(
                    s.completion() == null ? null : s.completion().name(),
                    ApiModels.Due.of(s.requestedDue()),
                    s.requestedDueReason(),
                    s.revisions(),
                    a.slippage() != null,
                    s.offTrack() == null ? null : s.offTrack().since(),
                    s.impactEvidenced(),
                    s.impactReviewOn());
        }
    }

    @Schema(description = "A sign-off of a claimed completion")
    record Confirmation(
            @Schema(description = "the action's version as last read", requiredMode = Schema.RequiredMode.REQUIRED)
            Integer version,

            @Schema(description = "is the evidence of impact in?", requiredMode = Schema.RequiredMode.REQUIRED)
            Boolean impactEvidenced,

            @Schema(description = "when impactEvidenced is false: the day to look again (today or later)")
            LocalDate reviewOn,

            String note) {}

    @Schema(description = "A decision on a claim or a request; a reason is needed to send back or refuse")
    record Decision(
            @Schema(description = "the action's version as last read", requiredMode = Schema.RequiredMode.REQUIRED)
            Integer version,

            String reason) {}
}
