package uk.assure.importer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
    private final Clock clock;

    PlanImporter(PartnershipDirectory directory, PlanWriter writer, Clock clock) {
        this.directory = directory;
        this.writer = writer;
        this.clock = clock;
    }

    /** A lead as the plan wrote it, and the agency it matched, if any. */
    public record LeadMatch(String written, Long agencyId, String agencyName) {
        public boolean known() {
            return agencyId != null;
        }
    }

    public record Preview(ParsedPlan plan, List<LeadMatch> leads, Map<String, Long> oversight) {
        public List<LeadMatch> unknownLeads() {
            return leads.stream().filter(l -> !l.known()).toList();
        }
    }

    @Transactional(readOnly = true)
    public Preview preview(long partnershipId, ParsedPlan plan) {
        DirectoryMatcher agencies = new DirectoryMatcher(directory.agencyNames(partnershipId));
        DirectoryMatcher bodies = new DirectoryMatcher(directory.bodyNames(partnershipId));
        Map<Long, String> labels = directory.agencyLabels(partnershipId);
        Set<String> written = new LinkedHashSet<>();
        plan.actions().forEach(a -> written.addAll(a.leads()));
        List<LeadMatch> leads = new ArrayList<>();
        for (String lead : written) {
            Long id = agencies.match(lead).orElse(null);
            leads.add(new LeadMatch(lead, id, id == null ? null : labels.get(id)));
        }
        Map<String, Long> oversight = new LinkedHashMap<>();
        plan.actions().stream().map(ParsedPlan.Action::oversight).filter(o -> o != null && !o.isBlank()).distinct()
                .forEach(o -> oversight.put(o, bodies.match(o).orElse(null)));
        return new Preview(plan, leads, oversight);
    }

    /**
     * Writes the plan. Each lead in {@code createAgencies} becomes a new agency (with the text as written as its
     * alias, so the next import matches it); other unknown leads stay as the plan's text.
     */
    @Transactional
    public PlanWriter.Created commit(long partnershipId, ParsedPlan plan, Set<String> createAgencies) {
        for (String lead : createAgencies) {
            if (directory.findAgency(partnershipId, lead).isEmpty()) {
                directory.createAgency(partnershipId, lead, null, List.of());
            }
        }
        DirectoryMatcher agencies = new DirectoryMatcher(directory.agencyNames(partnershipId));
        DirectoryMatcher bodies = new DirectoryMatcher(directory.bodyNames(partnershipId));
        ImportedPlan imported = ImportedPlan.from(plan, agencies, bodies);
        PlanWriter.Created created = writer.create(partnershipId, imported.plan(), clock.instant());
        writer.appendImportedNotes(partnershipId, created, imported.progressNotes(),
                "Imported from " + plan.file(), clock.instant());
        return created;
    }
}
