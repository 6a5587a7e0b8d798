package uk.assure.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.assure.account.SignedInUser;
import uk.assure.audit.AuditLog;
import uk.assure.plan.PlanViews.PlanListItem;
import uk.assure.plan.PlanWork;
import uk.assure.plan.Publication;
import uk.assure.plan.Worklists;
import uk.assure.system.Message;

/**
 * Makes what {@link BoardPacks} has allowed: the pack from the plans' actions and the snapshot, its files, a
 * snapshot, and an issued pack with its audit event. Access is decided before any of these is called.
 */
@Component
class PackMaker {

    private final PlanWork work;
    private final Snapshots snapshots;
    private final PackAssembler assembler;
    private final PackFiles files;
    private final IssuedPacks issued;
    private final AuditLog audit;
    private final Publication publication;

    PackMaker(
            PlanWork work,
            Snapshots snapshots,
            PackAssembler assembler,
            PackFiles files,
            IssuedPacks issued,
            AuditLog audit,
            Publication publication) {
        this.publication = publication;
        this.work = work;
        this.snapshots = snapshots;
        this.assembler = assembler;
        this.files = files;
        this.issued = issued;
        this.audit = audit;
    }

    BoardPack assemble(SignedInUser user, List<PlanListItem> plans, Snapshots.Snapshot snapshot, LocalDate meeting) {
        return assemble(user, plans, snapshot, meeting, null);
    }

    /** The pack; its published version when {@code withheld} (what is not for publication) is given. */
    BoardPack assemble(
            SignedInUser user,
            List<PlanListItem> plans,
            Snapshots.Snapshot snapshot,
            LocalDate meeting,
            Publication.Withheld withheld) {
        List<Worklists.Item> items = BoardPacks.itemsOf(work, user, plans);
        Map<String, Snapshots.Row> rows =
                snapshot == null ? Map.of() : snapshots.rows(user.partnershipId(), snapshot.id());
        return assembler.assemble(
                user.partnershipId(),
                plans.stream()
                        .map(p -> new BoardPack.PlanRef(p.externalId(), p.title()))
                        .toList(),
                items,
                snapshot,
                rows,
                meeting,
                withheld);
    }

    BoardPack publishedVersion(
            SignedInUser user, List<PlanListItem> plans, Snapshots.Snapshot snapshot, LocalDate meeting) {
        String[] planIds = plans.stream().map(PlanListItem::externalId).toArray(String[]::new);
        return assemble(user, plans, snapshot, meeting, publication.withheld(user.partnershipId(), planIds));
    }

    byte[] pdf(BoardPack pack) {
        return files.pdf(pack);
    }

    byte[] docx(BoardPack pack) {
        return files.docx(pack);
    }

    Snapshots.Snapshot snapshot(SignedInUser user, String name, LocalDate heldOn, String planId) {
        List<Worklists.Item> items = planId == null
                ? work.actions(user, BoardPacks.EVERY_ACTION).items()
                : work.actionsOf(user, planId, BoardPacks.EVERY_ACTION);
        Snapshots.Snapshot taken = snapshots.take(user.partnershipId(), name, heldOn, planId, user.userId(), items);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", taken.name());
        after.put("heldOn", heldOn.toString());
        after.put("plan", planId);
        after.put("actions", items.size());
        audit.record(new AuditLog.Event(
                user.partnershipId(),
                user.userId(),
                user.getUsername(),
                "SNAPSHOT_TAKEN",
                "snapshot",
                taken.externalId(),
                null,
                after,
                null));
        return taken;
    }

    String issue(SignedInUser user, List<PlanListItem> plans, Snapshots.Snapshot against, LocalDate meeting) {
        BoardPack pack = assemble(user, plans, against, meeting);
        String html = files.html(pack);
        byte[] pdf = files.pdf(pack);
        byte[] docx = files.docx(pack);
        String planId = plans.size() == 1 ? plans.get(0).externalId() : null;
        Snapshots.Snapshot own = snapshot(
                user,
                files.words()
                        .of(Message.of(
                                "report.snapshot.issuedName", files.formats().date(meeting))),
                meeting,
                planId);
        Instant at = pack.madeAt();
        List<String> planIds = plans.stream().map(PlanListItem::externalId).toList();
        String id = issued.store(
                user.partnershipId(),
                at,
                user.userId(),
                user.displayName(),
                against == null ? null : against.id(),
                own.id(),
                meeting,
                planIds,
                html,
                pdf,
                docx);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("comparedWith", against == null ? null : against.externalId());
        after.put("snapshot", own.externalId());
        after.put("nextMeeting", meeting.toString());
        after.put("plans", planIds);
        after.put("pdfBytes", pdf.length);
        after.put("docxBytes", docx.length);
        audit.record(new AuditLog.Event(
                user.partnershipId(),
                user.userId(),
                user.getUsername(),
                "BOARD_PACK_ISSUED",
                "board_pack",
                id,
                null,
                after,
                null));
        return id;
    }
}
