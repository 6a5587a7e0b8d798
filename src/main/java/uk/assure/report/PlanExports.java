package uk.assure.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.account.SignedInUser;
import uk.assure.plan.PlanViews.ActionPage;
import uk.assure.plan.PlanViews.ActionRow;
import uk.assure.plan.PlanViews.PlanPage;
import uk.assure.plan.PlanViews.SectionView;
import uk.assure.plan.PlanWork;

/**
 * A plan exported for whoever may read it (a viewer: their granted plans; another partnership's plan is "not
 * found"), as Word, Excel, CSV or JSON. Access is decided first, by {@link PlanWork#plan}, before anything is read.
 * The plan page, the Reports page, the API and {@code assure export} all call {@link #export}.
 */
@Service
public class PlanExports {

    /** The formats a plan exports to, by the name the API and the command line take. */
    public enum Format {
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        CSV("csv", "text/csv;charset=UTF-8"),
        JSON("json", "application/json"),
        PDF("pdf", "application/pdf");

        private final String extension;
        private final MediaType type;

        Format(String extension, String type) {
            this.extension = extension;
            this.type = MediaType.parseMediaType(type);
        }

        public String extension() {
            return extension;
        }

        /** The format named ("xlsx", "XLSX"), or empty when there is none of that name. */
        public static Optional<Format> named(String name) {
            if (name == null) {
                return Optional.empty();
            }
            for (Format format : values()) {
                if (format.extension.equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    /** An export made: its bytes, its type and the file name it is offered under. */
    public record Download(byte[] content, MediaType type, String fileName) {

        /** Always a download, its name encoded as RFC 6266 says ({@code filename*=UTF-8''...}), never cached. */
        public ResponseEntity<byte[]> response() {
            return ResponseEntity.ok()
                    .contentType(type)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(fileName, StandardCharsets.UTF_8)
                                    .build()
                                    .toString())
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .body(content);
        }
    }

    private final PlanWork work;
    private final PlanExportDocx docx;
    private final PlanExportXlsx xlsx;
    private final PlanExportText text;
    private final PlanExportPdf pdf;

    PlanExports(PlanWork work, PlanExportDocx docx, PlanExportXlsx xlsx, PlanExportText text, PlanExportPdf pdf) {
        this.pdf = pdf;
        this.work = work;
        this.docx = docx;
        this.xlsx = xlsx;
        this.text = text;
    }

    @Transactional(readOnly = true)
    public Download export(SignedInUser user, String planId, Format format) {
        PlanPage plan = work.plan(user, planId);
        List<ActionPage> actions = new ArrayList<>();
        for (SectionView section : plan.sections()) {
            for (ActionRow row : section.actions()) {
                actions.add(work.action(user, planId, row.externalId()));
            }
        }
        PlanExport export = PlanExport.of(plan, actions);
        byte[] content = switch (format) {
            case DOCX -> docx.write(export);
            case XLSX -> xlsx.write(export);
            case CSV -> text.csv(export);
            case JSON -> text.json(export);
            case PDF -> pdf.write(export);
        };
        return new Download(content, format.type, fileName(plan.title(), format));
    }

    /** The plan's title as a file name: characters no file system takes replaced, kept short. */
    static String fileName(String title, Format format) {
        String name = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ")
                .replaceAll("\\s+", " ")
                .strip();
        if (name.length() > 100) {
            name = name.substring(0, 100).strip();
        }
        return (name.isEmpty() ? "plan" : name) + "." + format.extension;
    }
}
