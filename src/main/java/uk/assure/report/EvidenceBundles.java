package uk.assure.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.account.Access;
import uk.assure.account.SignedInUser;
import uk.assure.audit.AuditLog;
import uk.assure.system.NotFoundException;

/**
 * Evidence for inspectors: for a plan, or chosen findings of it, one PDF that walks finding → actions → updates →
 * evidence with an index and page references, and a zip of that PDF with the evidence files named as the index names
 * them. Only from a plan the person may read (a viewer: a granted plan; another partnership's: "not found"); each one
 * made is an audit event.
 */
@Service
public class EvidenceBundles {

    private final Access access;
    private final BundleQueries queries;
    private final BundleDocuments documents;
    private final AuditLog audit;
    private final Clock clock;

    EvidenceBundles(Access access, BundleQueries queries, BundleDocuments documents, AuditLog audit, Clock clock) {
        this.access = access;
        this.queries = queries;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** The plan's findings to choose from: external id, ref and text. */
    @Transactional(readOnly = true)
    public List<BundleQueries.Finding> findings(SignedInUser user, String planId) {
        return queries.findings(user.partnershipId(), plan(user, planId).id());
    }

    /** The plan's title, for the page that chooses findings. */
    @Transactional(readOnly = true)
    public String planTitle(SignedInUser user, String planId) {
        return plan(user, planId).title();
    }

    /** The bundle's PDF alone. */
    @Transactional
    public byte[] pdf(SignedInUser user, String planId, List<String> findingIds) {
        EvidenceBundle bundle = bundle(user, planId, findingIds);
        byte[] pdf = documents.pdf(bundle);
        record(user, bundle, "pdf");
        return pdf;
    }

    /** The zip: the PDF and every evidence file it indexes, named as the index names it. */
    @Transactional
    public byte[] zip(SignedInUser user, String planId, List<String> findingIds) {
        EvidenceBundle bundle = bundle(user, planId, findingIds);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(BundleDocuments.PDF_NAME));
            zip.write(documents.pdf(bundle));
            zip.closeEntry();
            for (EvidenceBundle.Item item : bundle.evidence()) {
                zip.putNextEntry(new ZipEntry(item.zipName()));
                zip.write(queries.content(user.partnershipId(), item.fileId()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(user, bundle, "zip");
        return out.toByteArray();
    }

    EvidenceBundle bundle(SignedInUser user, String planId, List<String> findingIds) {
        BundleQueries.Plan plan = plan(user, planId);
        long partnership = user.partnershipId();
        List<BundleQueries.Finding> all = queries.findings(partnership, plan.id());
        List<BundleQueries.Finding> chosen = all;
        if (findingIds != null && !findingIds.isEmpty()) {
            Set<String> wanted = new LinkedHashSet<>(findingIds);
            chosen = all.stream().filter(f -> wanted.contains(f.externalId())).toList();
            if (chosen.size() != wanted.size()) {
                throw new NotFoundException("Finding");
            }
        }
        Long[] findingKeys = chosen.stream().map(BundleQueries.Finding::id).toArray(Long[]::new);
        List<BundleQueries.Action> actions = queries.actions(partnership, findingKeys);
        Long[] actionKeys =
                actions.stream().map(BundleQueries.Action::id).distinct().toArray(Long[]::new);
        Map<Long, List<BundleQueries.Update>> updates = queries.updates(partnership, actionKeys).stream()
                .collect(
                        Collectors.groupingBy(BundleQueries.Update::actionId, LinkedHashMap::new, Collectors.toList()));
        Long[] updateKeys = updates.values().stream()
                .flatMap(List::stream)
                .map(BundleQueries.Update::id)
                .toArray(Long[]::new);
        Map<Long, List<BundleQueries.File>> files = queries.files(partnership, updateKeys).stream()
                .collect(Collectors.groupingBy(BundleQueries.File::updateId, LinkedHashMap::new, Collectors.toList()));

        // numbered in the order the walk meets them; an action answering two findings shows its files under both,
        // with the same numbers
        Map<String, EvidenceBundle.Item> numbered = new LinkedHashMap<>();
        List<EvidenceBundle.Finding> findings = new ArrayList<>();
        for (BundleQueries.Finding f : chosen) {
            List<EvidenceBundle.Action> actionsOf = new ArrayList<>();
            for (BundleQueries.Action a : actions) {
                if (a.findingId() != f.id()) {
                    continue;
                }
                List<EvidenceBundle.Update> updatesOf = new ArrayList<>();
                for (BundleQueries.Update u : updates.getOrDefault(a.id(), List.of())) {
                    List<EvidenceBundle.Item> items = new ArrayList<>();
                    for (BundleQueries.File file : files.getOrDefault(u.id(), List.of())) {
                        items.add(numbered.computeIfAbsent(file.externalId(), k -> {
                            String number = String.format("E%02d", numbered.size() + 1);
                            return new EvidenceBundle.Item(
                                    number,
                                    file.name(),
                                    number + "-" + EvidenceBundle.safe(file.name()),
                                    file.size(),
                                    file.externalId());
                        }));
                    }
                    updatesOf.add(new EvidenceBundle.Update(u.at(), u.author(), u.narrative(), items));
                }
                actionsOf.add(new EvidenceBundle.Action(a.ref(), a.text(), a.status(), updatesOf));
            }
            findings.add(new EvidenceBundle.Finding("finding-" + f.externalId(), f.ref(), f.text(), actionsOf));
        }
        return new EvidenceBundle(
                plan.externalId(),
                plan.title(),
                clock.instant(),
                user.displayName(),
                findings,
                List.copyOf(numbered.values()));
    }

    private BundleQueries.Plan plan(SignedInUser user, String planId) {
        access.requirePlan(user, planId);
        return queries.plan(user.partnershipId(), planId).orElseThrow(() -> new NotFoundException("Plan"));
    }

    private void record(SignedInUser user, EvidenceBundle bundle, String format) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("format", format);
        after.put("findings", bundle.findings().size());
        after.put(
                "files",
                bundle.evidence().stream().map(EvidenceBundle.Item::zipName).toList());
        audit.record(new AuditLog.Event(
                user.partnershipId(),
                user.userId(),
                user.getUsername(),
                "EVIDENCE_BUNDLE_MADE",
                "plan",
                bundle.planExternalId(),
                null,
                after,
                null));
    }
}
