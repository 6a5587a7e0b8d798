package uk.assure.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.Completion;
import uk.assure.plan.Publication;
import uk.assure.plan.Rag;
import uk.assure.plan.RagSettings;
import uk.assure.plan.Worklists.Item;
import uk.assure.report.BoardPack.ActionRef;
import uk.assure.report.BoardPack.Count;
import uk.assure.report.BoardPack.PlanRef;

/**
 * Works out a pack's seven sections from the plans' actions as they stand (with the RAG every page gives them), the
 * snapshot's rows and the history. Access has been decided before this is called: it is given only what the person
 * may read.
 */
@Component
class PackAssembler {

    private final PackQueries queries;
    private final RagSettings settings;
    private final Clock clock;

    PackAssembler(PackQueries queries, RagSettings settings, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param items the actions of {@code plans}, in plan order
     * @param snapshot what to compare with, or null
     * @param rows the snapshot's rows by action (empty without one)
     */
    BoardPack assemble(
            long partnershipId,
            List<PlanRef> plans,
            List<Item> items,
            Snapshots.Snapshot snapshot,
            Map<String, Snapshots.Row> rows,
            LocalDate nextMeeting) {
        return assemble(partnershipId, plans, items, snapshot, rows, nextMeeting, null);
    }

    /**
     * The pack, or its published version when {@code withheld} is given: the actions marked as not for publication
     * left out whole, the fields marked left out, and the updates marked left out (their narrative and reasons).
     */
    BoardPack assemble(
            long partnershipId,
            List<PlanRef> plans,
            List<Item> all,
            Snapshots.Snapshot snapshot,
            Map<String, Snapshots.Row> rows,
            LocalDate nextMeeting,
            Publication.Withheld withheld) {
        LocalDate today = LocalDate.now(clock);
        boolean published = withheld != null;
        List<Item> items = !published
                ? all
                : all.stream()
                        .filter(i -> !withheld.has("ACTION", i.externalId()))
                        .map(i -> withheld.has("TEXT", i.externalId()) ? withoutText(i) : i)
                        .toList();
        String[] planIds = plans.stream().map(PlanRef::externalId).toArray(String[]::new);
        Map<String, PackQueries.Latest> latest = queries.latestUpdates(partnershipId, planIds, published);
        Map<String, List<PackQueries.Revision>> revisions = queries.revisions(partnershipId, planIds, published);
        Map<String, String> evidence = new HashMap<>(queries.evidenceOfImpact(partnershipId, planIds));
        if (published) {
            evidence.keySet().removeIf(id -> withheld.has("EVIDENCE_OF_IMPACT", id));
        }

        List<BoardPack.ExceptionRow> exceptions = new ArrayList<>();
        List<BoardPack.Slip> slips = new ArrayList<>();
        Map<String, List<BoardPack.StaleRow>> stale = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        List<BoardPack.DueRow> due = new ArrayList<>();
        for (Item item : items) {
            ActionRef ref = ref(item);
            Rag rag = item.rag().rag();
            if (rag == Rag.RED || rag == Rag.AMBER) {
                PackQueries.Latest last = latest.get(item.externalId());
                exceptions.add(new BoardPack.ExceptionRow(
                        ref,
                        rag,
                        item.rag().explanation(),
                        item.lead(),
                        last == null ? null : last.narrative(),
                        last == null ? null : PackQueries.day(last.at(), clock.getZone())));
            }
            if (item.slippage() != null
                    && item.status() != ActionStatus.CLOSED
                    && item.status() != ActionStatus.SUPERSEDED) {
                List<BoardPack.Revision> reasons = revisions.getOrDefault(item.externalId(), List.of()).stream()
                        .map(r -> new BoardPack.Revision(PackQueries.day(r.at(), clock.getZone()), r.to(), r.reason()))
                        .toList();
                slips.add(new BoardPack.Slip(
                        ref,
                        item.slippage().originalDate(),
                        item.slippage().currentDate(),
                        item.slippage().revisions(),
                        reasons));
            }
            if (!item.status().isDone() && item.lastActivity().isBefore(today.minusDays(settings.staleDays()))) {
                BoardPack.StaleRow row = new BoardPack.StaleRow(
                        ref, item.lastActivity(), ChronoUnit.DAYS.between(item.lastActivity(), today));
                if (item.leadAgencyNames().isEmpty()) {
                    stale.computeIfAbsent(null, k -> new ArrayList<>()).add(row);
                }
                for (String agency : item.leadAgencyNames()) {
                    stale.computeIfAbsent(agency, k -> new ArrayList<>()).add(row);
                }
            }
            LocalDate date = item.due().date();
            if (!item.status().isDone() && date != null && !date.isBefore(today) && !date.isAfter(nextMeeting)) {
                due.add(new BoardPack.DueRow(ref, date, rag, item.lead()));
            }
        }
        exceptions.sort(Comparator.comparing(BoardPack.ExceptionRow::rag)); // stable: Red, then Amber, in plan order
        due.sort(Comparator.comparing(BoardPack.DueRow::due));
        List<BoardPack.AgencyGroup> notUpdated = new ArrayList<>();
        stale.forEach((agency, rowsOf) -> {
            rowsOf.sort(Comparator.comparing(BoardPack.StaleRow::lastUpdateOn));
            notUpdated.add(new BoardPack.AgencyGroup(agency, rowsOf));
        });

        BoardPack.Changes changes =
                snapshot == null ? null : changes(partnershipId, plans, items, snapshot, rows, revisions, today);
        List<BoardPack.DoneRow> completed = snapshot == null ? List.of() : completed(items, snapshot, rows, evidence);
        return new BoardPack(
                plans,
                snapshot == null ? null : snapshot.ref(),
                nextMeeting,
                clock.instant(),
                settings.staleDays(),
                summary(items, plans.size() > 1),
                exceptions,
                slips,
                changes,
                notUpdated,
                due,
                completed,
                published);
    }

    private BoardPack.Changes changes(
            long partnershipId,
            List<PlanRef> plans,
            List<Item> items,
            Snapshots.Snapshot snapshot,
            Map<String, Snapshots.Row> rows,
            Map<String, List<PackQueries.Revision>> revisions,
            LocalDate today) {
        LocalDate takenOn = PackQueries.day(snapshot.takenAt(), clock.getZone());
        List<PlanRef> notCovered =
                plans.stream().filter(p -> !snapshot.covers(p.externalId())).toList();
        String[] covered =
                plans.stream().map(PlanRef::externalId).filter(snapshot::covers).toArray(String[]::new);
        List<ActionRef> added = new ArrayList<>();
        List<ActionRef> completed = new ArrayList<>();
        List<ActionRef> closed = new ArrayList<>();
        List<ActionRef> overdue = new ArrayList<>();
        List<BoardPack.RagChange> ragChanged = new ArrayList<>();
        List<BoardPack.DueChange> dueRevised = new ArrayList<>();
        List<BoardPack.StatusChange> statusChanged = new ArrayList<>();
        Map<String, PackQueries.Since> since = queries.updatesSince(partnershipId, snapshot.id(), covered);
        List<BoardPack.UpdatesAdded> updates = new ArrayList<>();
        for (Item item : items) {
            if (!snapshot.covers(item.planExternalId())) {
                continue;
            }
            ActionRef ref = ref(item);
            PackQueries.Since updated = since.get(item.externalId());
            if (updated != null) {
                updates.add(new BoardPack.UpdatesAdded(
                        ref, updated.count(), PackQueries.day(updated.latest(), clock.getZone())));
            }
            Snapshots.Row then = rows.get(item.externalId());
            if (then == null) {
                added.add(ref);
                continue;
            }
            if (then.completion() != Completion.CONFIRMED && item.completion() == Completion.CONFIRMED) {
                completed.add(ref);
            }
            if (!closedStatus(then.status()) && closedStatus(item.status())) {
                closed.add(ref);
            }
            boolean wasOverdue = !then.status().isDone()
                    && then.currentDue() != null
                    && then.currentDue().isBefore(takenOn);
            if (item.overdue(today) && !wasOverdue) {
                overdue.add(ref);
            }
            if (then.rag() != item.rag().rag()) {
                ragChanged.add(
                        new BoardPack.RagChange(ref, then.rag(), item.rag().rag()));
            }
            if (!Objects.equals(then.currentDue(), item.due().date())) {
                String reason = revisions.getOrDefault(item.externalId(), List.of()).stream()
                        .filter(r -> r.updateId() > then.lastUpdateId())
                        .reduce((a, b) -> b)
                        .map(PackQueries.Revision::reason)
                        .orElse(null);
                dueRevised.add(new BoardPack.DueChange(
                        ref, then.currentDue(), item.due().date(), reason));
            }
            if (then.status() != item.status()) {
                statusChanged.add(new BoardPack.StatusChange(ref, then.status(), item.status()));
            }
        }
        List<BoardPack.FindingAdded> findings =
                queries.findingsAdded(partnershipId, snapshot.lastFindingId(), covered).stream()
                        .map(f -> new BoardPack.FindingAdded(f.planTitle(), f.ref(), f.text()))
                        .toList();
        return new BoardPack.Changes(
                added,
                completed,
                closed,
                overdue,
                ragChanged,
                dueRevised,
                statusChanged,
                updates,
                findings,
                notCovered);
    }

    private static List<BoardPack.DoneRow> completed(
            List<Item> items,
            Snapshots.Snapshot snapshot,
            Map<String, Snapshots.Row> rows,
            Map<String, String> evidence) {
        List<BoardPack.DoneRow> done = new ArrayList<>();
        for (Item item : items) {
            if (!snapshot.covers(item.planExternalId()) || item.completion() != Completion.CONFIRMED) {
                continue;
            }
            Snapshots.Row then = rows.get(item.externalId());
            if (then == null || then.completion() != Completion.CONFIRMED) {
                done.add(new BoardPack.DoneRow(
                        ref(item), item.lead(), evidence.get(item.externalId()), item.impactEvidenced()));
            }
        }
        return done;
    }

    private static boolean closedStatus(ActionStatus status) {
        return status == ActionStatus.CLOSED || status == ActionStatus.SUPERSEDED;
    }

    /** Counts by RAG per plan, per section (named with its plan when the pack has several) and per lead agency. */
    private static BoardPack.Summary summary(List<Item> items, boolean severalPlans) {
        Map<String, Map<Rag, Integer>> plans = new LinkedHashMap<>();
        Map<String, String> planLabels = new LinkedHashMap<>();
        Map<String, Map<Rag, Integer>> sections = new LinkedHashMap<>();
        Map<String, String> sectionLabels = new LinkedHashMap<>();
        Map<String, Map<Rag, Integer>> agencies = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Item item : items) {
            Rag rag = item.rag().rag();
            add(plans, item.planExternalId(), rag);
            planLabels.put(item.planExternalId(), item.planTitle());
            String section = item.planExternalId() + "/" + item.sectionTitle();
            add(sections, section, rag);
            String sectionTitle = item.sectionTitle() == null ? "–" : item.sectionTitle();
            sectionLabels.put(section, severalPlans ? item.planTitle() + ": " + sectionTitle : sectionTitle);
            if (item.leadAgencyNames().isEmpty()) {
                add(agencies, null, rag);
            }
            for (String agency : item.leadAgencyNames().stream().distinct().toList()) {
                add(agencies, agency, rag);
            }
        }
        return new BoardPack.Summary(
                counts(plans, planLabels), counts(sections, sectionLabels), counts(agencies, null));
    }

    private static void add(Map<String, Map<Rag, Integer>> counts, String key, Rag rag) {
        counts.computeIfAbsent(key, k -> new EnumMap<>(Rag.class)).merge(rag, 1, Integer::sum);
    }

    private static List<Count> counts(Map<String, Map<Rag, Integer>> counts, Map<String, String> labels) {
        List<Count> list = new ArrayList<>();
        counts.forEach((key, byRag) -> list.add(new Count(labels == null ? key : labels.get(key), byRag)));
        return list;
    }

    /** The action with its wording left out (marked as not for publication). */
    private static Item withoutText(Item i) {
        return new Item(
                i.planExternalId(),
                i.planTitle(),
                i.sectionTitle(),
                i.externalId(),
                i.ref(),
                "",
                i.lead(),
                i.leadAgencyIds(),
                i.leadAgencyNames(),
                i.due(),
                i.status(),
                i.statusWord(),
                i.rag(),
                i.lastActivity(),
                i.completion(),
                i.slippage(),
                i.requestedDue(),
                i.impactEvidenced(),
                i.impactReviewOn());
    }

    static ActionRef ref(Item item) {
        return new ActionRef(item.planExternalId(), item.planTitle(), item.externalId(), item.ref(), item.text());
    }
}
