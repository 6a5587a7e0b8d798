package uk.assure.importer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.audit.AuditLog;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.PlanWriter;

/**
 * A parsed plan into a partnership: what its leads and oversight cells name is matched to the partnership's
 * agencies and bodies for the preview; on confirm the plan, any agencies the person chose to create, and the
 * imported progress are written in one transaction.
 */
@Service
public class PlanImporter {

    private final PartnershipDirectory directory;
    private final PlanWriter writer;
    private final HeldPlans heldPlans;
    private final PlanUpdater updater;
    private final Clock clock;

    private final AuditLog audit;

    PlanImporter(
            PartnershipDirectory directory,
            PlanWriter writer,
            HeldPlans heldPlans,
            PlanUpdater updater,
            Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.directory = directory;
        this.writer = writer;
        this.heldPlans = heldPlans;
        this.updater = updater;
        this.clock = clock;
    }

    /** The plan already held under the same title, and how the new version's actions line up with its own. */
    public record Update(String heldExternalId, String heldTitle, String heldVersion, VersionMatch match) {}

    /**
     * What the person chose on the preview: update the held plan in place (the default when there is one) or import
     * it as a separate plan; and which of the held actions missing from the new version to close as superseded.
     */
    public record Choice(boolean asNew, Set<String> createAgencies, Set<String> closeMissing) {
        public static Choice of(Set<String> createAgencies) {
            return new Choice(false, createAgencies, Set.of());
        }
    }

    /** What was written: the plan, and for an update how many actions were matched, added and closed. */
    public record Committed(String externalId, boolean updated, int matched, int added, int closed) {}

    /** A lead as the plan wrote it, and the agency it matched, if any. */
    public record LeadMatch(String written, boolean known, String agencyName) {}

    public record Preview(ParsedPlan plan, List<LeadMatch> leads, Map<String, Long> oversight, Update update) {
        public List<LeadMatch> unknownLeads() {
            return leads.stream().filter(l -> !l.known()).toList();
        }

        public long matchedBodies() {
            return oversight.values().stream().filter(Objects::nonNull).count();
        }

        /** Open actions with no date to rate them against (not "ongoing"): each will show as No due date. */
        public long undatedActions() {
            return plan.actions().stream()
                    .filter(a -> a.due() == null && !"ONGOING".equals(a.duePrecision()))
                    .filter(a -> a.status() == null || !DONE.contains(a.status()))
                    .count();
        }
    }

    private static final Set<String> DONE = Set.of("COMPLETED", "CLOSED", "SUPERSEDED");

    @Transactional(readOnly = true)
    public Preview preview(long partnershipId, ParsedPlan plan) {
        LeadMatcher agencies = LeadMatcher.of(directory, partnershipId);
        DirectoryMatcher bodies = new DirectoryMatcher(directory.bodyNames(partnershipId));
        Set<String> written = new LinkedHashSet<>();
        plan.actions().forEach(a -> written.addAll(a.leads()));
        List<LeadMatch> leads = new ArrayList<>();
        for (String lead : written) {
            var match = agencies.match(lead);
            leads.add(new LeadMatch(
                    lead, match.isPresent(), match.map(agencies::label).orElse(null)));
        }
        Map<String, Long> oversight = new LinkedHashMap<>();
        plan.actions().stream()
                .map(ParsedPlan.Action::oversight)
                .filter(o -> o != null && !o.isBlank())
                .distinct()
                .forEach(o -> oversight.put(o, bodies.match(o).orElse(null)));
        return new Preview(plan, leads, oversight, update(partnershipId, plan));
    }

    private Update update(long partnershipId, ParsedPlan plan) {
        return heldPlans
                .findByTitle(partnershipId, plan.title())
                .map(held -> new Update(
                        held.externalId(),
                        held.title(),
                        held.versionLabel(),
                        VersionMatch.of(heldPlans.actions(partnershipId, held.id()), plan.actions())))
                .orElse(null);
    }

    /**
     * Writes the plan: into the held plan of the same title, in place, unless the person chose a separate plan or
     * none is held. One transaction: the whole version lands, or nothing does.
     */
    @Transactional
    public Committed commit(long partnershipId, ParsedPlan plan, Choice choice) {
        var held = choice.asNew()
                ? Optional.<HeldPlans.HeldPlan>empty()
                : heldPlans.findByTitle(partnershipId, plan.title());
        if (held.isEmpty()) {
            PlanWriter.Created created = commit(partnershipId, plan, choice.createAgencies());
            return new Committed(
                    created.externalId(), false, 0, created.actionExternalIds().size(), 0);
        }
        createAgencies(partnershipId, choice.createAgencies());
        VersionMatch match =
                VersionMatch.of(heldPlans.actions(partnershipId, held.get().id()), plan.actions());
        ImportedPlan.Converter convert = new ImportedPlan.Converter(
                plan,
                LeadMatcher.of(directory, partnershipId),
                new DirectoryMatcher(directory.bodyNames(partnershipId)));
        PlanUpdater.Outcome outcome =
                updater.apply(partnershipId, held.get(), plan, match, convert, choice.closeMissing(), clock.instant());
        return new Committed(held.get().externalId(), true, outcome.updated(), outcome.added(), outcome.closed());
    }

    /** The import as an audit event: who brought which file in, into which plan, and what it did. */
    public void audit(long partnershipId, Long userId, String actor, ParsedPlan plan, Committed committed) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("file", plan.file());
        after.put("title", plan.title());
        after.put("version", plan.versionLabel());
        after.put(
                committed.updated() ? "actionsKept" : "actions",
                committed.updated() ? committed.matched() : committed.added());
        if (committed.updated()) {
            after.put("actionsAdded", committed.added());
            after.put("actionsClosed", committed.closed());
        }
        audit.record(new AuditLog.Event(
                partnershipId,
                userId,
                actor,
                committed.updated() ? "PLAN_UPDATED_BY_IMPORT" : "PLAN_IMPORTED",
                "plan",
                committed.externalId(),
                null,
                after,
                null));
    }

    private void createAgencies(long partnershipId, Set<String> leads) {
        for (String lead : leads) {
            if (directory.findAgency(partnershipId, lead).isEmpty()) {
                directory.createAgency(partnershipId, lead, null, List.of());
            }
        }
    }

    /**
     * Writes the plan. Each lead in {@code createAgencies} becomes a new agency (with the text as written as its
     * alias, so the next import matches it); other unknown leads stay as the plan's text.
     */
    @Transactional
    public PlanWriter.Created commit(long partnershipId, ParsedPlan plan, Set<String> createAgencies) {
        createAgencies(partnershipId, createAgencies);
        LeadMatcher agencies = LeadMatcher.of(directory, partnershipId);
        DirectoryMatcher bodies = new DirectoryMatcher(directory.bodyNames(partnershipId));
        ImportedPlan imported = ImportedPlan.from(plan, agencies, bodies);
        PlanWriter.Created created = writer.create(partnershipId, imported.plan(), clock.instant());
        writer.appendImportedNotes(
                partnershipId, created, imported.progressNotes(), "Imported from " + plan.file(), clock.instant());
        return created;
    }
}
