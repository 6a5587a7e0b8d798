package uk.assure.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import uk.assure.plan.Rag;

/**
 * A plan as a PDF for the meeting papers: the Word export's landscape table, section by section, in the plan's own
 * columns and status words, each action's RAG in words on its colour, the header repeated on every page; tagged
 * (PDF/UA) through {@link PackDocuments#pdf(String)}.
 */
@Component
class PlanExportPdf {

    /** One cell: its text, and for the RAG column the rating it shades. */
    record Cell(String text, Rag rag) {}

    /** A section's rows, each its cells in the columns' order. */
    record Section(String title, List<List<Cell>> rows) {}

    private final PackDocuments documents;
    private final PackWords words;
    private final Clock clock;

    PlanExportPdf(PackDocuments documents, PackWords words, Clock clock) {
        this.documents = documents;
        this.words = words;
        this.clock = clock;
    }

    byte[] write(PlanExport export) {
        return PackDocuments.pdf(html(export));
    }

    String html(PlanExport export) {
        List<String> headings = new ArrayList<>();
        for (PlanExportColumn column : PlanExportColumn.values()) {
            headings.add(words.of(column.heading()));
        }
        List<Section> sections = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        String section = null;
        for (PlanExport.Row row : export.rows()) {
            if (!rows.isEmpty() && !Objects.equals(section, row.section())) {
                sections.add(new Section(section, rows));
                rows = new ArrayList<>();
            }
            section = row.section();
            List<Cell> cells = new ArrayList<>();
            for (PlanExportColumn column : PlanExportColumn.values()) {
                if (column == PlanExportColumn.RAG) {
                    Rag rag = row.action().rag().rag();
                    cells.add(new Cell(words.rag(rag), rag));
                } else {
                    cells.add(new Cell(column.text(row), null));
                }
            }
            rows.add(cells);
        }
        if (!rows.isEmpty()) {
            sections.add(new Section(section, rows));
        }
        return documents.document(
                "reports/plan-export-document",
                Map.of(
                        "plan",
                        export.plan(),
                        "headings",
                        headings,
                        "sections",
                        sections,
                        "today",
                        LocalDate.now(clock),
                        "widths",
                        Arrays.stream(PlanExportDocx.WIDTHS).boxed().toList()));
    }
}
