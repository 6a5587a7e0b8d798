package uk.assure.importer;

import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.plan.ActionStatus;
import uk.assure.plan.DueDate;
import uk.assure.plan.NewPlan;
import uk.assure.plan.PlanWriter;
import uk.assure.plan.ProgressEntry;
import uk.assure.plan.ProgressService;
import uk.assure.plan.StatusTransitions;

/**
 * A newer version of a held plan, applied in place and in one transaction: matched actions take the new wording
 * and, through progress updates with a reason, any new due date or status, so their history stays whole; new
 * actions are added; missing ones are closed as superseded only when a person chose that, else kept as they are.
 */
@Service
class PlanUpdater {

    private final PlanWriter writer;
    private final ProgressService progress;

    PlanUpdater(PlanWriter writer, ProgressService progress) {
        this.writer = writer;
        this.progress = progress;
    }

    record Outcome(int updated, int added, int closed) {}

    @Transactional
    Outcome apply(
            long partnershipId,
            HeldPlans.HeldPlan held,
            ParsedPlan parsed,
            VersionMatch match,
            ImportedPlan.Converter convert,
            Set<String> closeMissing,
            Instant at) {
        ProgressService.Author author = new ProgressService.Author(null, "Imported from " + parsed.file());
        String version = parsed.versionLabel() != null ? parsed.versionLabel() : parsed.file();
        for (VersionMatch.Pair pair : match.matched()) {
            NewPlan.Action fields = convert.action(pair.incoming());
            int v = writer.updateFields(
                    partnershipId, pair.held().externalId(), pair.held().version(), fields);
            ProgressEntry change = changeOf(pair, fields, version);
            if (change != null) {
                progress.recordAt(partnershipId, pair.held().externalId(), v, change, author, at);
            }
        }
        int added = 0;
        for (NewPlan.Section section : convert.sectionsOf(match.added())) {
            added += writer.addToSection(partnershipId, held.id(), section, at).size();
        }
        int closed = 0;
        for (VersionMatch.Held missing : match.missing()) {
            if (closeMissing.contains(missing.externalId())) {
                progress.recordAt(
                        partnershipId,
                        missing.externalId(),
                        missing.version(),
                        ProgressEntry.note("Not in " + version + " of the plan.", ActionStatus.SUPERSEDED)
                                .withStatusReason("Not in " + version + " of the plan"),
                        author,
                        at);
                closed++;
            }
        }
        writer.updateVersion(
                partnershipId,
                held.id(),
                parsed.versionLabel(),
                parsed.glossary().stream()
                        .map(g -> new NewPlan.GlossaryTerm(g.term(), g.meaning()))
                        .toList());
        return new Outcome(match.matched().size(), added, closed);
    }

    /** A progress update for what the new version says differently about dates and status, or null if nothing. */
    private ProgressEntry changeOf(VersionMatch.Pair pair, NewPlan.Action fields, String version) {
        boolean dueChanged = pair.dueChanged();
        String word = fields.statusWord();
        boolean statusChanged = word != null
                && !word.equalsIgnoreCase(
                        pair.held().statusWord() == null ? "" : pair.held().statusWord());
        if (!dueChanged && !statusChanged) {
            return null;
        }
        String narrative = pair.incoming().progress() != null
                ? pair.incoming().progress()
                : pair.incoming().statusRaw() != null
                        ? pair.incoming().statusRaw()
                        : "Updated in " + version + " of the plan.";
        ActionStatus current = ActionStatus.valueOf(pair.held().status());
        ActionStatus next = statusChanged
                        && StatusTransitions.isAllowed(current, fields.status())
                        && !StatusTransitions.requiresReason(current, fields.status())
                ? fields.status()
                : current;
        ProgressEntry entry = new ProgressEntry(
                narrative, next, statusChanged ? word : pair.held().statusWord(), null, null, null, null, null, null);
        return dueChanged
                ? entry.withRevisedDue(
                        DueDate.parse(pair.incoming().dueRaw()), "Changed in " + version + " of the plan")
                : entry;
    }
}
