package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.assure.importer.CellClassifier.Item;
import uk.assure.importer.CellClassifier.Kind;

class CellClassifierTest {

    @Test
    void eachBlockIsClassifiedByWhatItLooksLike() {
        List<Item> items = CellClassifier.classify(List.of(
                Blocks.lines("July 2026"),
                Blocks.lines("Ongoing"),
                Blocks.lines("Head of", "Service"),
                Blocks.lines("Carers will be found", "1. early", "2. often"),
                Blocks.lines("and helped")));

        assertThat(items)
                .extracting(Item::kind, Item::text)
                .containsExactly(
                        tuple(Kind.DATE, "July 2026"),
                        tuple(Kind.OPEN_DATE, "Ongoing"),
                        tuple(Kind.LEAD, "Head of Service"),
                        tuple(Kind.TEXT, "Carers will be found\n1. early\n2. often"),
                        tuple(Kind.CONTINUATION, "and helped"));
        assertThat(items.get(2).at()).isEqualTo(Blocks.line(1));
    }

    @Test
    void aTimescaleAndLeadPrintedIntoEachOtherAreTakenApart() {
        List<Item> items = CellClassifier.classify(
                List.of(Blocks.lines("August 2026 Quality", "- September", "Assurance", "2026", "Group")));

        assertThat(items)
                .extracting(Item::kind, Item::text)
                .containsExactly(
                        tuple(Kind.DATE, "August 2026 - September 2026"), tuple(Kind.LEAD, "Quality Assurance Group"));
    }
}
