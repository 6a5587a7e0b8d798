package uk.assure.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import uk.assure.account.Access;
import uk.assure.account.Access.Capability;
import uk.assure.account.SignedInUser;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.plan.PlanViews.PlanListItem;
import uk.assure.plan.PlanViews.PlanPage;
import uk.assure.system.Message;
import uk.assure.system.NotFoundException;

/**
 * What a signed-in person does with plans and actions, each use case once: it decides access with {@link Access}
 * (what they may not read is "not found", what they may read but not do is refused with the reason), then reads or
 * writes. The pages and the JSON API both call these methods, so they cannot disagree.
 */
@Service
public class PlanWork {

    private final Access access;
    private final PlanQueries plans;
    private final ProgressService progress;
    private final Comments comments;
    private final ActionChanges changes;
    private final Worklists worklists;
    private final Search search;
    private final SignOffs signOffs;

    PlanWork(
            Access access,
            PlanQueries plans,
            ProgressService progress,
            Comments comments,
            ActionChanges changes,
            Worklists worklists,
            Search search,
            SignOffs signOffs) {
        this.signOffs = signOffs;
        this.access = access;
        this.plans = plans;
        this.progress = progress;
        this.comments = comments;
        this.changes = changes;
        this.worklists = worklists;
        this.search = search;
    }

    /** What the person may do on an action's page, for the page to offer only that. */
    public record Permissions(
            boolean mayUpdate,
            Message updateRefusal,
            boolean mayComment,
            boolean mayEdit,
            boolean mayLink,
            boolean maySignOffCompletion,
            boolean mayDecideRevision) {}

    // --- reading ---

    /** The plans the person may read: every plan of the partnership, or a viewer's granted ones. */
    public List<PlanListItem> plans(SignedInUser user) {
        List<PlanListItem> all = plans.listPlans(user.partnershipId());
        if (access.may(user, Capability.SEE_EVERY_PLAN)) {
            return all;
        }
        Set<String> viewable = access.viewablePlans(user);
        return all.stream().filter(p -> viewable.contains(p.externalId())).toList();
    }

    /** A viewer's grants that have ended (none for anyone who reads every plan). */
    public List<Access.Grant> endedGrants(SignedInUser user) {
        if (access.may(user, Capability.SEE_EVERY_PLAN)) {
            return List.of();
        }
        return access.grants(user).stream().filter(Access.Grant::expired).toList();
    }

    public PlanPage plan(SignedInUser user, String planId) {
        access.requirePlan(user, planId);
        return plans.findPlan(user.partnershipId(), planId).orElseThrow(() -> new NotFoundException("Plan"));
    }

    /** An action of the plan named in the address; another plan's action is "not found" here. */
    public ActionPage action(SignedInUser user, String planId, String actionId) {
        access.requirePlan(user, planId);
        return plans.findAction(user.partnershipId(), actionId)
                .filter(a -> a.planExternalId().equals(planId))
                .orElseThrow(() -> new NotFoundException("Action"));
    }

    public List<Comments.Comment> comments(SignedInUser user, ActionPage action) {
        access.requirePlan(user, action.planExternalId());
        return comments.of(user.partnershipId(), action.externalId());
    }

    public Permissions permissions(SignedInUser user, ActionPage action) {
        boolean mayUpdate = access.mayUpdate(user, plans.leadAgencyIds(user.partnershipId(), action.externalId()));
        PlanViews.SignOff waiting = action.signOff();
        return new Permissions(
                mayUpdate && !action.status().isTerminal(),
                mayUpdate ? null : access.updateRefusal(user),
                access.may(user, Capability.COMMENT),
                access.may(user, Capability.EDIT_WORDING),
                mayUpdate,
                waiting.awaitingSignOff()
                        && access.maySignOff(user, waiting.oversightBodyId(), waiting.completionClaimedBy()),
                waiting.revisionRequested()
                        && !action.status().isDone()
                        && access.maySignOff(user, waiting.oversightBodyId(), waiting.requestedDueBy()));
    }

    /** Findings and actions the action could be linked to: for those who may update it. */
    public ActionChanges.Candidates linkCandidates(SignedInUser user, ActionPage action) {
        requireUpdate(user, action.externalId());
        return changes.candidates(user.partnershipId(), action.externalId());
    }

    /** A file given as evidence, for those who may read its plan. */
    public EvidenceFile evidence(SignedInUser user, String fileId) {
        String plan =
                progress.planOfEvidence(user.partnershipId(), fileId).orElseThrow(() -> new NotFoundException("File"));
        access.requirePlan(user, plan);
        return progress.evidence(user.partnershipId(), fileId).orElseThrow(() -> new NotFoundException("File"));
    }

    /** The actions the person's agency leads, on every plan, whole; none for someone with no agency. */
    public Optional<Worklists.MyActions> myActions(SignedInUser user) {
        return myActions(user, 0);
    }

    /** As {@link #myActions(SignedInUser)}, what comes later and what is done cut to their first rows. */
    public Optional<Worklists.MyActions> myActions(SignedInUser user, int firstRows) {
        access.require(user, Capability.SEE_EVERY_PLAN);
        return user.agencyId() == null
                ? Optional.empty()
                : Optional.of(worklists.myActions(user.partnershipId(), user.agencyId(), firstRows));
    }

    /** The dashboard, each list cut to its first rows with its whole count. */
    public Worklists.Dashboard dashboard(SignedInUser user, int firstRows) {
        access.require(user, Capability.SEE_EVERY_PLAN);
        return worklists.dashboard(user.partnershipId(), firstRows);
    }

    /** The partnership's actions as the filter narrows and orders them, whole: the Actions page. */
    public Worklists.Slice actions(SignedInUser user, ActionFilter filter) {
        access.require(user, Capability.SEE_EVERY_PLAN);
        return actions(user, filter, null, null, 0);
    }

    /**
     * A list of actions, for the pages and the API alike: those of the plans the person may read (every plan of the
     * partnership, or a viewer's granted ones), as the filter and the updated-since time narrow them, in the
     * filter's order, the page after the cursor, at most {@code limit} (0: every one).
     */
    public Worklists.Slice actions(
            SignedInUser user, ActionFilter filter, Instant updatedSince, String after, int limit) {
        Worklists.Reach reach = access.may(user, Capability.SEE_EVERY_PLAN)
                ? Worklists.Reach.EVERY_PLAN
                : new Worklists.Reach(access.viewablePlans(user));
        return worklists.list(user.partnershipId(), reach, filter, updatedSince, after, limit);
    }

    /** One plan's actions as the filter narrows and orders them: for anyone who may read the plan. */
    public List<Worklists.Item> actionsOf(SignedInUser user, String planId, ActionFilter filter) {
        access.requirePlan(user, planId);
        return actions(user, filter.onPlan(planId), null, null, 0).items();
    }

    /** How many actions the partnership has, or one plan of it; and the plans with actions, by title. */
    public Worklists.Totals totals(SignedInUser user, String planId) {
        access.require(user, Capability.SEE_EVERY_PLAN);
        return worklists.totals(user.partnershipId(), planId);
    }

    public List<Search.Hit> search(SignedInUser user, String words, int limit) {
        access.require(user, Capability.SEE_EVERY_PLAN);
        return search.search(user.partnershipId(), words, limit);
    }

    // --- changing ---

    /** A progress update, with a file as evidence or none: for an admin, or a lead of an agency that leads it. */
    public ProgressService.Recorded recordUpdate(
            SignedInUser user, String actionId, int version, ProgressEntry entry, EvidenceFile file) {
        requireUpdate(user, actionId);
        return progress.record(user.partnershipId(), actionId, version, entry, author(user), file);
    }

    /**
     * Signs off a completion the lead claimed, with the answer on impact: for an admin or a member of the action's
     * oversight body, other than whoever claimed it.
     */
    public ProgressService.Recorded confirmCompletion(
            SignedInUser user, String actionId, int version, SignOffs.Confirmation answer) {
        requireSignOff(user, actionId, true);
        return signOffs.confirm(user.partnershipId(), actionId, version, answer, author(user));
    }

    /** Sends a claimed completion back to In progress, with the reason: as {@link #confirmCompletion}. */
    public ProgressService.Recorded sendBackCompletion(SignedInUser user, String actionId, int version, String reason) {
        requireSignOff(user, actionId, true);
        return signOffs.sendBack(user.partnershipId(), actionId, version, reason, author(user));
    }

    /** Brings a requested due date into force: for an admin or the oversight body, other than who asked. */
    public ProgressService.Recorded acceptRevision(SignedInUser user, String actionId, int version) {
        requireSignOff(user, actionId, false);
        return signOffs.acceptRevision(user.partnershipId(), actionId, version, author(user));
    }

    /** Refuses a requested due date, with the reason; the date in force stands. As {@link #acceptRevision}. */
    public ProgressService.Recorded refuseRevision(SignedInUser user, String actionId, int version, String reason) {
        requireSignOff(user, actionId, false);
        return signOffs.refuseRevision(user.partnershipId(), actionId, version, reason, author(user));
    }

    /** "Not found" unless the person may read the action; refused (403, audited) unless they may sign it off. */
    public void requireSignOff(SignedInUser user, String actionId, boolean completion) {
        requireReadable(user, actionId);
        SignOffs.Waiting waiting =
                signOffs.waiting(user.partnershipId(), actionId).orElseThrow(() -> new NotFoundException("Action"));
        access.requireSignOff(
                user, waiting.oversightBodyId(), completion ? waiting.claimedBy() : waiting.requestedBy(), actionId);
    }

    /** A comment beside the history: for board members and admins. */
    public String comment(SignedInUser user, String actionId, String body) {
        requireComment(user, actionId);
        return comments.add(user.partnershipId(), actionId, author(user), body);
    }

    /** "Not found" unless the person may read the action; refused (403, audited) unless they may comment on it. */
    public void requireComment(SignedInUser user, String actionId) {
        requireReadable(user, actionId);
        access.require(user, Capability.COMMENT);
    }

    /** Changes the action's wording and fields: admins only. */
    public int edit(SignedInUser user, String actionId, int version, ActionChanges.Fields fields) {
        requireReadable(user, actionId);
        access.require(user, Capability.EDIT_WORDING);
        return changes.edit(user.partnershipId(), actionId, version, fields, author(user));
    }

    public void requireEdit(SignedInUser user) {
        access.require(user, Capability.EDIT_WORDING);
    }

    /** Links the action to a further finding: for those who may update it. */
    public void linkFinding(SignedInUser user, String actionId, String findingId) {
        requireUpdate(user, actionId);
        changes.linkFinding(user.partnershipId(), actionId, findingId, author(user));
    }

    /** Links the action to an action in another plan: for those who may update it. */
    public void linkAction(SignedInUser user, String actionId, String otherActionId) {
        requireUpdate(user, actionId);
        changes.linkAction(user.partnershipId(), actionId, otherActionId, author(user));
    }

    /** "Not found" unless the person may read the action; refused (403, audited) unless they may update it. */
    public void requireUpdate(SignedInUser user, String actionId) {
        requireReadable(user, actionId);
        access.requireUpdate(user, plans.leadAgencyIds(user.partnershipId(), actionId), actionId);
    }

    /** An action of the person's partnership, on a plan they may read; "not found" otherwise. */
    private void requireReadable(SignedInUser user, String actionId) {
        String plan =
                plans.planOfAction(user.partnershipId(), actionId).orElseThrow(() -> new NotFoundException("Action"));
        access.requirePlan(user, plan);
    }

    private static ProgressService.Author author(SignedInUser user) {
        return new ProgressService.Author(user.userId(), user.displayName());
    }
}
