package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Column headings as plans write them, and the field each feeds; the overlaps settled by the order of the checks. */
class ColumnsTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Key tasks                                        | ACTION
            Actions to address                               | ACTION
            Action (intent)                                  | ACTION
            Action to be taken                               | ACTION
            What we will do                                  | ACTION
            What needs to happen                             | ACTION
            SMART actions                                    | ACTION
            Action to date                                   | PROGRESS
            Actions completed                                | PROGRESS
            Progress update                                  | PROGRESS
            Lead officer update                              | PROGRESS
            Comments                                         | PROGRESS
            Future actions                                   | NEXT
            Areas for priority action                        | FINDING
            Area for improvement                             | FINDING
            Recommendation                                   | FINDING
            Inspection finding                               | FINDING
            Related issues                                   | FINDING
            Lead(s)                                          | LEAD
            Who is responsible                               | LEAD
            Person responsible                               | LEAD
            Lead agency / officer                            | LEAD
            Owner                                            | LEAD
            Timescale                                        | DUE
            By when                                          | DUE
            Target date for completion                       | DUE
            Due date                                         | DUE
            Oversight & Monitoring                           | OVERSIGHT
            Monitoring                                       | OVERSIGHT
            Reporting to                                     | OVERSIGHT
            How will we know?                                | SUCCESS
            Expected Impact                                  | SUCCESS
            Outcomes Required                                | SUCCESS
            Measures of success                              | SUCCESS
            Scrutiny & Audit Programme (Evidence of Impact)  | EVIDENCE
            Evidence of impact                               | EVIDENCE
            RAG                                              | STATUS
            RAG rating                                       | STATUS
            Status                                           | STATUS
            R/A/G                                            | STATUS
            Ref.                                             | REF
            No.                                              | REF
            """)
    void aHeadingFeedsItsField(String heading, Columns.Field field) {
        assertThat(Columns.classify(heading)).isEqualTo(field);
    }

    @Test
    void aRowOfHeadingsIsAHeaderButARowOfContentIsNot() {
        assertThat(Columns.header(row("Ref", "Area for improvement", "Action", "Lead", "Timescale")))
                .isNotNull();
        assertThat(Columns.header(row("Recommendation", "Lead", "By when", "Progress"))
                        .fields())
                .as("with no action column, the recommendation is what is to be done")
                .startsWith(Columns.Field.ACTION);
        assertThat(Columns.header(row("Review the referral form and publish a new version", "Police", "Mar.19")))
                .isNull();
        assertThat(Columns.header(row("Success Criteria", "How This Will Be Measured")))
                .as("plan-level, not a table")
                .isNull();
        assertThat(Columns.header(row("CRC", "Community Rehabilitation Company")))
                .isNull();
    }

    private static Block.TableRow row(String... cells) {
        List<Block.Cell> out = new ArrayList<>();
        for (String cell : cells) {
            out.add(new Block.Cell(cell, null));
        }
        return new Block.TableRow(out, null);
    }
}
