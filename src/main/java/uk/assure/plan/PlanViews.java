package uk.assure.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the pages read: plain records, built by {@link PlanQueries}, with RAG already computed for today. */
public final class PlanViews {

    private PlanViews() {}

    public record PlanListItem(
            String externalId,
            String title,
            PlanKind kind,
            String area,
            String versionLabel,
            LocalDate issuedOn,
            int actionCount,
            Map<Rag, Integer> ragCounts) {

        public int count(Rag rag) {
            return ragCounts.getOrDefault(rag, 0);
        }

        public int red() {
            return count(Rag.RED);
        }

        public int amber() {
            return count(Rag.AMBER);
        }

        public int green() {
            return count(Rag.GREEN);
        }

        public int completed() {
            return count(Rag.COMPLETED);
        }

        public String subtitle() {
            return Stream.of(area, versionLabel)
                    .filter(s -> s != null && !s.isBlank())
                    .collect(Collectors.joining(" · "));
        }
    }

    public record PlanPage(
            String externalId,
            String title,
            PlanKind kind,
            String source,
            String area,
            String versionLabel,
            String leadOfficer,
            LocalDate issuedOn,
            String preamble,
            String successCriteria,
            String measures,
            List<String> statusVocabulary,
            List<NewPlan.GlossaryTerm> glossary,
            List<String> links,
            List<SectionView> sections) {

        public int actionCount() {
            return sections.stream().mapToInt(s -> s.actions().size()).sum();
        }

        public Map<Rag, Integer> ragCounts() {
            Map<Rag, Integer> counts = new EnumMap<>(Rag.class);
            sections.forEach(s -> s.actions().forEach(a -> counts.merge(a.rag().rag(), 1, Integer::sum)));
            return counts;
        }
    }

    public record SectionView(
            String ref, String title, String description, List<FindingView> findings, List<ActionRow> actions) {}

    public record FindingView(String externalId, String ref, FindingKind kind, String text) {}

    public record ActionRow(
            String externalId,
            String ref,
            String text,
            String lead,
            DueDate currentDue,
            ActionStatus status,
            String statusWord,
            RagAssessment rag,
            List<String> findingRefs) {

        /** The plan's own word when it has one, else ours. */
        public String statusLabel() {
            return statusWord != null && !statusWord.isBlank() ? statusWord : status.label();
        }
    }

    public record ActionPage(
            String externalId,
            String planExternalId,
            String planTitle,
            String sectionTitle,
            String ref,
            String text,
            String lead,
            List<String> leadNames,
            String oversight,
            String expectedImpact,
            String evidenceOfImpact,
            DueDate originalDue,
            DueDate currentDue,
            ActionStatus initialStatus,
            ActionStatus status,
            String statusWord,
            Rag declaredRag,
            String declaredRagReason,
            RagAssessment rag,
            Instant createdAt,
            Instant lastUpdateAt,
            int version,
            List<FindingView> findings,
            List<LinkedAction> linkedActions,
            List<UpdateView> history,
            List<NewPlan.GlossaryTerm> glossary,
            SignOff signOff) {

        public String statusLabel() {
            return statusWord != null && !statusWord.isBlank() ? statusWord : status.label();
        }

        public boolean dueRevised() {
            return currentDue != null && originalDue != null && !Objects.equals(currentDue.date(), originalDue.date());
        }

        /** Slipped: the date in force is later than the plan first gave (accepted revisions only). */
        public Slippage slippage() {
            return Slippage.of(originalDue, currentDue, signOff.revisions());
        }
    }

    /**
     * What waits on someone other than the lead, and what they decided: a completion claimed or confirmed (with
     * the answer on impact), a revised due date requested, and the lead's own word that the action is behind.
     */
    public record SignOff(
            Completion completion,
            Long completionClaimedBy,
            Instant completionClaimedAt,
            Boolean impactEvidenced,
            LocalDate impactReviewOn,
            DueDate requestedDue,
            String requestedDueReason,
            Long requestedDueBy,
            int revisions,
            LeadJudgement offTrack,
            Long oversightBodyId) {

        public boolean awaitingSignOff() {
            return completion == Completion.CLAIMED;
        }

        public boolean revisionRequested() {
            return requestedDue != null;
        }

        /** Confirmed complete, and the evidence of impact is not in yet. */
        public boolean impactPending() {
            return completion == Completion.CONFIRMED && Boolean.FALSE.equals(impactEvidenced);
        }
    }

    public record LinkedAction(String externalId, String planExternalId, String planTitle, String ref, String text) {}

    /** A file given as evidence with an update: downloaded by its id. */
    public record FileLink(String externalId, String fileName, long sizeBytes) {
        public String size() {
            return sizeBytes < 1024
                    ? sizeBytes + " bytes"
                    : sizeBytes < 1024 * 1024
                            ? (sizeBytes / 1024) + " KB"
                            : String.format(Locale.UK, "%.1f MB", sizeBytes / (1024.0 * 1024));
        }
    }

    public record UpdateView(
            String externalId,
            String authorName,
            Instant recordedAt,
            String narrative,
            ActionStatus statusBefore,
            ActionStatus statusAfter,
            String statusWord,
            String statusReason,
            DueDate revisedDue,
            String revisionReason,
            Rag declaredRag,
            String declaredRagReason,
            String evidenceUrl,
            List<FileLink> files,
            String step,
            Boolean offTrack,
            Boolean impactEvidenced,
            LocalDate impactReviewOn) {

        public boolean statusChanged() {
            return statusBefore != statusAfter;
        }
    }
}
