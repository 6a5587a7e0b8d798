package uk.assure.plan;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;

/**
 * What the API answers and accepts: its own records, so that the JSON is a contract that changes only on purpose,
 * not whenever a page's view does. Ids are the same opaque ids the pages' addresses use.
 */
final class ApiModels {

    private ApiModels() {}

    @Schema(description = "A plan in a list, with its actions counted by RAG rating")
    record PlanSummary(
            String id,
            String title,
            String kind,
            String area,
            String version,
            LocalDate issuedOn,
            int actions,
            Map<String, Integer> rag) {

        static PlanSummary of(PlanViews.PlanListItem p) {
            return new PlanSummary(
                    p.externalId(),
                    p.title(),
                    p.kind().name(),
                    p.area(),
                    p.versionLabel(),
                    p.issuedOn(),
                    p.actionCount(),
                    counts(p.ragCounts()));
        }
    }

    @Schema(description = "A date as the plan wrote it and as Assure read it")
    record Due(
            @Schema(description = "as written, e.g. \"Mar.19\" or \"Ongoing\"")
            String written,

            @Schema(description = "the day it is taken to mean; null when it names no date")
            LocalDate date,

            @Schema(description = "DAY, MONTH, QUARTER, YEAR, RANGE, ONGOING, IMMEDIATE or UNKNOWN")
            String precision) {

        static Due of(DueDate due) {
            return due == null
                    ? null
                    : new Due(due.raw(), due.date(), due.precision().name());
        }
    }

    @Schema(description = "A RAG rating computed from dates and updates, with the reason for it")
    record Rating(
            @Schema(
                    description = "RED, AMBER, NO_DUE_DATE, GREEN, AWAITING_SIGN_OFF (completed, not yet signed off),"
                            + " COMPLETED (completed and signed off) or CLOSED")
            String rag,

            @Schema(type = "string", description = "why, in words: \"Due 31 March 2019, 3 days ago; not completed\"")
            MessageSourceResolvable explanation) {

        static Rating of(RagAssessment rag) {
            return new Rating(rag.rag().name(), rag.explanation());
        }
    }

    record Plan(
            String id,
            String title,
            String kind,
            String source,
            String area,
            String version,
            String leadOfficer,
            LocalDate issuedOn,
            String successCriteria,
            String measures,
            List<String> statusVocabulary,
            List<GlossaryTerm> glossary,
            List<String> links,
            int actions,
            Map<String, Integer> rag,
            List<Section> sections) {

        static Plan of(PlanViews.PlanPage p) {
            return new Plan(
                    p.externalId(),
                    p.title(),
                    p.kind().name(),
                    p.source(),
                    p.area(),
                    p.versionLabel(),
                    p.leadOfficer(),
                    p.issuedOn(),
                    p.successCriteria(),
                    p.measures(),
                    p.statusVocabulary(),
                    p.glossary().stream()
                            .map(g -> new GlossaryTerm(g.term(), g.meaning()))
                            .toList(),
                    p.links(),
                    p.actionCount(),
                    counts(p.ragCounts()),
                    p.sections().stream().map(Section::of).toList());
        }
    }

    record GlossaryTerm(String term, String meaning) {}

    record Section(String ref, String title, String description, List<Finding> findings, List<ActionSummary> actions) {

        static Section of(PlanViews.SectionView s) {
            return new Section(
                    s.ref(),
                    s.title(),
                    s.description(),
                    s.findings().stream().map(Finding::of).toList(),
                    s.actions().stream().map(ActionSummary::of).toList());
        }
    }

    record Finding(String id, String ref, String kind, String text) {

        static Finding of(PlanViews.FindingView f) {
            return new Finding(f.externalId(), f.ref(), f.kind().name(), f.text());
        }
    }

    record ActionSummary(
            String id,
            String ref,
            String text,
            String lead,
            Due due,
            String status,
            String statusLabel,
            Rating rag,
            List<String> findings) {

        static ActionSummary of(PlanViews.ActionRow a) {
            return new ActionSummary(
                    a.externalId(),
                    a.ref(),
                    a.text(),
                    a.lead(),
                    Due.of(a.currentDue()),
                    a.status().name(),
                    a.statusLabel(),
                    Rating.of(a.rag()),
                    a.findingRefs());
        }
    }

    record Action(
            String id,
            String planId,
            String planTitle,
            String section,
            String ref,
            String text,
            String lead,
            List<String> leadNames,
            String oversight,
            String expectedImpact,
            String evidenceOfImpact,
            Due originalDue,
            Due currentDue,
            String status,
            String statusLabel,
            Rating rag,
            Instant createdAt,
            Instant lastUpdateAt,

            @Schema(
                    description =
                            "send it back with an update: an update made meanwhile by someone else is refused (409)")
            int version,

            List<Finding> findings,
            List<LinkedAction> linkedActions,
            List<Update> history,
            List<Comment> comments,
            SignOffModels.SignOff signOff) {

        static Action of(PlanViews.ActionPage a, List<Comments.Comment> comments) {
            return new Action(
                    a.externalId(),
                    a.planExternalId(),
                    a.planTitle(),
                    a.sectionTitle(),
                    a.ref(),
                    a.text(),
                    a.lead(),
                    a.leadNames(),
                    a.oversight(),
                    a.expectedImpact(),
                    a.evidenceOfImpact(),
                    Due.of(a.originalDue()),
                    Due.of(a.currentDue()),
                    a.status().name(),
                    a.statusLabel(),
                    Rating.of(a.rag()),
                    a.createdAt(),
                    a.lastUpdateAt(),
                    a.version(),
                    a.findings().stream().map(Finding::of).toList(),
                    a.linkedActions().stream()
                            .map(l -> new LinkedAction(
                                    l.externalId(), l.planExternalId(), l.planTitle(), l.ref(), l.text()))
                            .toList(),
                    a.history().stream().map(Update::of).toList(),
                    comments.stream()
                            .map(c -> new Comment(c.externalId(), c.authorName(), c.body(), c.writtenAt()))
                            .toList(),
                    SignOffModels.SignOff.of(a));
        }
    }

    record LinkedAction(String id, String planId, String planTitle, String ref, String text) {}

    record Update(
            String id,
            String author,
            Instant recordedAt,
            String narrative,
            String statusBefore,
            String statusAfter,
            String statusReason,
            Due revisedDue,
            String revisionReason,
            String evidenceUrl,
            List<EvidenceFile> files,

            @Schema(
                    description = "COMPLETION_CLAIMED, COMPLETION_CONFIRMED, COMPLETION_SENT_BACK, REVISION_REQUESTED,"
                            + " REVISION_ACCEPTED or REVISION_REFUSED; null for an ordinary update")
            String step,

            @Schema(description = "the lead said the action is behind (true) or on track (false)")
            Boolean offTrack,

            Boolean impactEvidenced,
            LocalDate impactReviewOn) {

        static Update of(PlanViews.UpdateView u) {
            return new Update(
                    u.externalId(),
                    u.authorName(),
                    u.recordedAt(),
                    u.narrative(),
                    name(u.statusBefore()),
                    name(u.statusAfter()),
                    u.statusReason(),
                    Due.of(u.revisedDue()),
                    u.revisionReason(),
                    u.evidenceUrl(),
                    u.files().stream()
                            .map(f -> new EvidenceFile(
                                    f.externalId(), f.fileName(), f.sizeBytes(), "/api/v1/evidence/" + f.externalId()))
                            .toList(),
                    u.step(),
                    u.offTrack(),
                    u.impactEvidenced(),
                    u.impactReviewOn());
        }
    }

    @Schema(description = "A file given as evidence, downloaded from its url with the same token")
    record EvidenceFile(String id, String name, long sizeBytes, String url) {}

    record Comment(String id, String author, String body, Instant writtenAt) {}

    @Schema(description = "A progress update, as an agency lead records it")
    record NewUpdate(
            @Schema(description = "the action's version as last read", requiredMode = Schema.RequiredMode.REQUIRED)
            Integer version,

            @Schema(
                    description = "what has happened since the last update",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Size(max = ProgressValidator.NARRATIVE_MAX, message = "{progress.narrative.tooLong}") String narrative,

            @Schema(
                    description =
                            "NOT_STARTED, IN_PROGRESS, COMPLETED, CLOSED or SUPERSEDED; the current one when absent")
            @Size(max = 20, message = "{api.status.invalid}") String status,

            @Schema(description = "why, when the change of status needs one (closing, superseding, reopening)")
            @Size(max = ProgressValidator.SHORT_MAX, message = "{progress.statusReason.tooLong}") String statusReason,

            @Schema(
                    description =
                            "a new due date: a request until an admin or the oversight body accepts it, unless the"
                                    + " partnership takes revisions as recorded")
            LocalDate revisedDue,

            @Schema(description = "why the date moved; needed with revisedDue")
            @Size(max = ProgressValidator.SHORT_MAX, message = "{progress.revisionReason.tooLong}") String revisionReason,

            @Schema(
                    description = "a link to evidence; marking the action COMPLETED needs a link (or, on the page, a"
                            + " file) when the partnership asks for evidence")
            @Size(max = ProgressValidator.SHORT_MAX, message = "{progress.evidenceUrl.tooLong}") String evidenceUrl,

            @Schema(
                    description = "false when the lead says the action is behind schedule (it is then at least Amber);"
                            + " absent leaves it to the plan's word")
            Boolean onTrack) {}

    record Recorded(String id, String actionId, int version) {}

    record NewComment(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            @Size(max = Comments.MAX_LENGTH, message = "{comment.tooLong}") String comment) {}

    record CommentAdded(String id) {}

    record MyActions(List<WorkItem> overdue, List<WorkItem> dueSoon, List<WorkItem> later, List<WorkItem> completed) {

        static MyActions of(Worklists.MyActions m) {
            return new MyActions(items(m.overdue()), items(m.dueSoon()), items(m.later()), items(m.completed()));
        }

        private static List<WorkItem> items(List<Worklists.Item> items) {
            return items.stream().map(WorkItem::of).toList();
        }
    }

    record WorkItem(
            String planId,
            String planTitle,
            String section,
            String id,
            String ref,
            String text,
            String lead,
            Due due,
            String status,
            String statusLabel,
            Rating rag,
            LocalDate lastActivity) {

        static WorkItem of(Worklists.Item i) {
            return new WorkItem(
                    i.planExternalId(),
                    i.planTitle(),
                    i.sectionTitle(),
                    i.externalId(),
                    i.ref(),
                    i.text(),
                    i.lead(),
                    Due.of(i.due()),
                    i.status().name(),
                    i.statusLabel(),
                    Rating.of(i.rag()),
                    i.lastActivity());
        }
    }

    @Schema(description = "One page of a list of actions, and the cursor of the next page")
    record ActionList(
            List<WorkItem> items,

            @Schema(
                    description = "send it back as cursor, with the same filters and sort, for the next page; null"
                            + " after the last")
            String next) {

        static ActionList of(Worklists.Slice slice) {
            return new ActionList(slice.items().stream().map(WorkItem::of).toList(), slice.next());
        }
    }

    private static Map<String, Integer> counts(Map<Rag, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Rag rag : Rag.values()) {
            out.put(rag.name(), counts.getOrDefault(rag, 0));
        }
        return out;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
