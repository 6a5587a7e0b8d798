package uk.assure.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.account.Access;
import uk.assure.account.Access.Capability;
import uk.assure.account.SignedInUser;
import uk.assure.plan.ActionFilter;
import uk.assure.plan.PlanViews.PlanListItem;
import uk.assure.plan.PlanWork;
import uk.assure.plan.Worklists;
import uk.assure.system.Message;
import uk.assure.system.NotFoundException;

/**
 * Snapshots and board packs, each use case once, deciding access for the signed-in person before it reads: a pack
 * holds only plans the person may read (a viewer's granted ones; another partnership's never: "not found"), a
 * snapshot is taken and a pack issued by an admin only. The pages call these methods; so will the API.
 */
@Service
public class BoardPacks {

    /** How far ahead the next meeting is when none is chosen: four weeks, a common board cycle. */
    static final int DEFAULT_MEETING_DAYS = 28;

    private final PlanWork work;
    private final Access access;
    private final Snapshots snapshots;
    private final IssuedPacks issued;
    private final PackMaker maker;
    private final Clock clock;

    BoardPacks(PlanWork work, Access access, Snapshots snapshots, IssuedPacks issued, PackMaker maker, Clock clock) {
        this.work = work;
        this.access = access;
        this.snapshots = snapshots;
        this.issued = issued;
        this.maker = maker;
        this.clock = clock;
    }

    /** What the person may choose a pack from: their plans, the snapshots of them, and the packs issued of them. */
    public record Choices(
            List<PlanListItem> plans,
            List<Snapshots.Snapshot> snapshots,
            List<IssuedPacks.Issued> issued,
            String defaultSnapshot,
            LocalDate defaultMeeting,
            boolean mayAdminister) {}

    /** A pack asked for: the plans (none: every plan the person may read), a snapshot (null: the last issued). */
    public record Request(List<String> planIds, String snapshotId, LocalDate nextMeeting) {}

    @Transactional(readOnly = true)
    public Choices choices(SignedInUser user) {
        List<PlanListItem> plans = work.plans(user);
        Set<String> readable = plans.stream().map(PlanListItem::externalId).collect(Collectors.toSet());
        List<Snapshots.Snapshot> visible = snapshots.list(user.partnershipId()).stream()
                .filter(s -> s.planExternalId() == null || readable.contains(s.planExternalId()))
                .toList();
        List<IssuedPacks.Issued> packs = issued.list(user.partnershipId()).stream()
                .filter(p -> readable.containsAll(p.planIds()))
                .toList();
        String last = snapshots
                .lastIssued(user.partnershipId())
                .filter(visible::contains)
                .map(Snapshots.Snapshot::externalId)
                .orElse(null);
        return new Choices(
                plans,
                visible,
                packs,
                last,
                LocalDate.now(clock).plusDays(DEFAULT_MEETING_DAYS),
                access.may(user, Capability.ADMINISTER));
    }

    /** Refuses (403, audited) anyone but an admin: for a form's page, before its input is looked at. */
    public void requireAdminister(SignedInUser user) {
        access.require(user, Capability.ADMINISTER);
    }

    /** The pack, for the page and its downloads. */
    @Transactional(readOnly = true)
    public BoardPack pack(SignedInUser user, Request request) {
        List<PlanListItem> plans = plansFor(user, request.planIds());
        Snapshots.Snapshot snapshot = snapshotFor(user, request.snapshotId(), plans);
        return maker.assemble(user, plans, snapshot, meeting(request));
    }

    /** The published version of the pack: what is marked as not for publication left out. */
    @Transactional(readOnly = true)
    public BoardPack publishedPack(SignedInUser user, Request request) {
        List<PlanListItem> plans = plansFor(user, request.planIds());
        Snapshots.Snapshot snapshot = snapshotFor(user, request.snapshotId(), plans);
        return maker.publishedVersion(user, plans, snapshot, meeting(request));
    }

    public byte[] pdf(SignedInUser user, Request request) {
        return maker.pdf(pack(user, request));
    }

    public byte[] docx(SignedInUser user, Request request) {
        return maker.docx(pack(user, request));
    }

    /**
     * Takes a named, dated snapshot of one plan or of every plan: admins only.
     *
     * @param planId the plan's external id, or null for every plan
     */
    @Transactional
    public Snapshots.Snapshot takeSnapshot(SignedInUser user, String name, LocalDate heldOn, String planId) {
        access.require(user, Capability.ADMINISTER);
        if (planId != null) {
            plansFor(user, List.of(planId));
        }
        return maker.snapshot(user, name, heldOn, planId);
    }

    /**
     * Issues the pack: made against the snapshot chosen, kept with its files, a snapshot taken of itself (so the next
     * pack compares with what this board saw), and an audit event of who issued it, when and against what.
     */
    @Transactional
    public String issue(SignedInUser user, Request request) {
        access.require(user, Capability.ADMINISTER);
        List<PlanListItem> plans = plansFor(user, request.planIds());
        Snapshots.Snapshot against = snapshotFor(user, request.snapshotId(), plans);
        return maker.issue(user, plans, against, meeting(request));
    }

    /** An issued pack's files, for anyone who may read every plan it covers; "not found" for anyone else. */
    @Transactional(readOnly = true)
    public IssuedPacks.Files issued(SignedInUser user, String packId) {
        IssuedPacks.Files files =
                issued.files(user.partnershipId(), packId).orElseThrow(() -> new NotFoundException("Pack"));
        for (String plan : files.pack().planIds()) {
            access.requirePlan(user, plan);
        }
        return files;
    }

    /** The plans asked for, each one the person may read; every plan they may read when none is named. */
    private List<PlanListItem> plansFor(SignedInUser user, List<String> planIds) {
        List<PlanListItem> readable = work.plans(user);
        if (planIds == null || planIds.isEmpty()) {
            return readable;
        }
        Map<String, PlanListItem> byId =
                readable.stream().collect(Collectors.toMap(PlanListItem::externalId, p -> p, (a, b) -> a));
        List<PlanListItem> chosen = new ArrayList<>();
        for (String id : new LinkedHashSet<>(planIds)) {
            PlanListItem plan = byId.get(id);
            if (plan == null) {
                throw new NotFoundException("Plan");
            }
            chosen.add(plan);
        }
        return chosen;
    }

    /** The snapshot named (one the person may see), or the one the last issued pack took, or none. */
    private Snapshots.Snapshot snapshotFor(SignedInUser user, String snapshotId, List<PlanListItem> plans) {
        if (snapshotId == null || snapshotId.isBlank()) {
            return snapshots
                    .lastIssued(user.partnershipId())
                    .filter(s -> s.planExternalId() == null || access.mayRead(user, s.planExternalId()))
                    .orElse(null);
        }
        Snapshots.Snapshot snapshot =
                snapshots.find(user.partnershipId(), snapshotId).orElseThrow(() -> new NotFoundException("Snapshot"));
        if (snapshot.planExternalId() != null) {
            access.requirePlan(user, snapshot.planExternalId());
        }
        return snapshot;
    }

    private LocalDate meeting(Request request) {
        return request.nextMeeting() != null
                ? request.nextMeeting()
                : LocalDate.now(clock).plusDays(DEFAULT_MEETING_DAYS);
    }

    /** What the page says when a snapshot has been taken. */
    static Message taken(Snapshots.Snapshot snapshot) {
        return Message.of("report.snapshot.taken", snapshot.name());
    }

    /** No narrowing, in the plan's own order: what a pack and a snapshot read. */
    static final ActionFilter EVERY_ACTION = ActionFilter.of(Map.of());

    /** The actions of the plans, as every page rates them. */
    static List<Worklists.Item> itemsOf(PlanWork work, SignedInUser user, List<PlanListItem> plans) {
        List<Worklists.Item> items = new ArrayList<>();
        for (PlanListItem plan : plans) {
            items.addAll(work.actionsOf(user, plan.externalId(), EVERY_ACTION));
        }
        return items;
    }
}
