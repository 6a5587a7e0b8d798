package uk.assure.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.assure.plan.DueDate;
import uk.assure.plan.NewPlan;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.plan.PlanViews.FindingView;
import uk.assure.plan.PlanViews.SectionView;
import uk.assure.plan.PlanViews.UpdateView;
import uk.assure.plan.Rag;
import uk.assure.system.Message;

/**
 * A plan as text: CSV (RFC 4180, UTF-8 with a byte order mark so Excel reads it as UTF-8, lines ended CRLF, every
 * cell made safe) in the same columns as the Word and Excel exports, and JSON, complete: the plan, its sections and
 * findings, and every action with every update of its history.
 */
@Component
class PlanExportText {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final PackWords words;
    private final ObjectMapper json;

    PlanExportText(PackWords words, ObjectMapper json) {
        this.words = words;
        this.json = json;
    }

    byte[] csv(PlanExport export) {
        StringBuilder out = new StringBuilder();
        List<String> head = new ArrayList<>();
        head.add(words.of(Message.of("export.column.section")));
        for (PlanExportColumn column : PlanExportColumn.values()) {
            head.add(words.of(column.heading()));
        }
        line(out, head);
        for (PlanExport.Row row : export.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.section());
            for (PlanExportColumn column : PlanExportColumn.values()) {
                cells.add(
                        column == PlanExportColumn.RAG
                                ? words.rag(row.action().rag().rag())
                                : column.text(row));
            }
            line(out, cells);
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(PlanExportCells.csv(cells.get(i)));
        }
        out.append("\r\n");
    }

    byte[] json(PlanExport export) {
        var plan = export.plan();
        List<Section> sections = new ArrayList<>();
        int next = 0;
        for (SectionView section : plan.sections()) {
            List<Action> actions = new ArrayList<>();
            for (int i = 0; i < section.actions().size(); i++) {
                actions.add(action(export.rows().get(next++).action()));
            }
            sections.add(
                    new Section(section.ref(), section.title(), section.description(), section.findings(), actions));
        }
        Plan whole = new Plan(
                plan.externalId(),
                plan.title(),
                plan.kind().name(),
                plan.source(),
                plan.area(),
                plan.versionLabel(),
                plan.leadOfficer(),
                plan.issuedOn(),
                plan.preamble(),
                plan.successCriteria(),
                plan.measures(),
                plan.statusVocabulary(),
                plan.glossary(),
                plan.links(),
                sections);
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(whole);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Action action(ActionPage a) {
        List<Update> updates = new ArrayList<>();
        for (UpdateView u : a.history()) {
            updates.add(new Update(
                    u.externalId(),
                    u.authorName(),
                    u.recordedAt(),
                    u.narrative(),
                    u.statusBefore() == null ? null : u.statusBefore().name(),
                    u.statusAfter() == null ? null : u.statusAfter().name(),
                    u.statusWord(),
                    u.statusReason(),
                    Due.of(u.revisedDue()),
                    u.revisionReason(),
                    u.declaredRag(),
                    u.declaredRagReason(),
                    u.evidenceUrl(),
                    u.files().stream().map(f -> f.fileName()).toList(),
                    u.step(),
                    u.offTrack(),
                    u.impactEvidenced(),
                    u.impactReviewOn()));
        }
        return new Action(
                a.externalId(),
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
                a.rag().rag(),
                words.rag(a.rag().rag()),
                words.of(a.rag().explanation()),
                a.findings().stream().map(FindingView::ref).toList(),
                a.createdAt(),
                a.lastUpdateAt(),
                updates);
    }

    record Plan(
            String id,
            String title,
            String kind,
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
            List<Section> sections) {}

    record Section(String ref, String title, String description, List<FindingView> findings, List<Action> actions) {}

    record Action(
            String id,
            String ref,
            String text,
            String lead,
            List<String> leadAgencies,
            String oversight,
            String expectedImpact,
            String evidenceOfImpact,
            Due originalDue,
            Due currentDue,
            String status,
            String statusWord,
            Rag rag,
            String ragWords,
            String ragReason,
            List<String> findingRefs,
            Instant createdAt,
            Instant lastUpdateAt,
            List<Update> updates) {}

    record Update(
            String id,
            String author,
            Instant recordedAt,
            String narrative,
            String statusBefore,
            String statusAfter,
            String statusWord,
            String statusReason,
            Due revisedDue,
            String revisionReason,
            Rag declaredRag,
            String declaredRagReason,
            String evidenceUrl,
            List<String> files,
            String step,
            Boolean offTrack,
            Boolean impactEvidenced,
            LocalDate impactReviewOn) {}

    record Due(String written, LocalDate date, String precision) {
        static Due of(DueDate due) {
            return due == null
                    ? null
                    : new Due(due.raw(), due.date(), due.precision().name());
        }
    }
}
