package uk.assure.importer;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.account.Access;
import uk.assure.account.Access.Capability;
import uk.assure.account.SignedInUser;
import uk.assure.system.NotFoundException;

/**
 * Importing a plan document, as the business manager does it: read it and hold what was read, show the preview,
 * then confirm (the plan written, the pending import forgotten and the import audited, in one transaction) or
 * cancel. Each step decides access itself: importing is an admin's job.
 */
@Service
public class PlanImports {

    private final Access access;
    private final PendingImports pending;
    private final PlanImporter importer;

    PlanImports(Access access, PendingImports pending, PlanImporter importer) {
        this.access = access;
        this.pending = pending;
        this.importer = importer;
    }

    /** May this person import at all: refused (403, audited) otherwise. */
    public void requireImport(SignedInUser user) {
        access.require(user, Capability.IMPORT_PLANS);
    }

    /**
     * Reads the document (format chosen by its content) and holds the plan for its preview.
     *
     * @return the pending import's id
     * @throws ImportException when the document cannot be read, saying what and where
     */
    public String read(SignedInUser user, String fileName, byte[] content, long maxBytes, String sheet) {
        requireImport(user);
        FormatDetector.detect(fileName, content, maxBytes, sheet);
        ParsedPlan plan = PlanParsers.standard().parse(fileName, content, sheet);
        return pending.hold(user.partnershipId(), user.userId(), fileName, plan);
    }

    public PlanImporter.Preview preview(SignedInUser user, String pendingId) {
        requireImport(user);
        PendingImports.Pending held =
                pending.find(user.partnershipId(), pendingId).orElseThrow(() -> new NotFoundException("Import"));
        return importer.preview(user.partnershipId(), held.plan());
    }

    /** Writes the plan and forgets the pending import, in one transaction: both happen, and the audit, or none. */
    @Transactional
    public PlanImporter.Committed confirm(SignedInUser user, String pendingId, PlanImporter.Choice choice) {
        requireImport(user);
        Optional<PendingImports.Pending> held = pending.find(user.partnershipId(), pendingId);
        PendingImports.Pending found = held.orElseThrow(() -> new NotFoundException("Import"));
        PlanImporter.Committed created = importer.commit(user.partnershipId(), found.plan(), choice);
        importer.audit(user.partnershipId(), user.userId(), user.getUsername(), found.plan(), created);
        pending.cancel(user.partnershipId(), pendingId);
        return created;
    }

    public void cancel(SignedInUser user, String pendingId) {
        requireImport(user);
        if (!pending.cancel(user.partnershipId(), pendingId)) {
            throw new NotFoundException("Import");
        }
    }
}
