package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellAlignmentTest {

    private static List<String> texts(List<Block.Cell> cells) {
        return cells.stream().map(Block.Cell::text).toList();
    }

    @Test
    void aNumberSplitIntoACellOfItsOwnJoinsTheTextAfterIt() {
        Block.TableRow header = Blocks.row(1, "Action", "Lead", "Timescale");
        List<Block> blocks = List.of(
                header,
                Blocks.row(2, "1.", "Audit cases", "Quality Team", "June 2026"),
                Blocks.row(3, "2.", "Share the audit", "Quality Team", "July 2026"));
        CellAlignment alignment = new CellAlignment(blocks, Columns.header(header), 0);

        assertThat(texts(alignment.align((Block.TableRow) blocks.get(1), 1)))
                .containsExactly("1. Audit cases", "Quality Team", "June 2026");
    }

    @Test
    void anEmptyCellThatPushedOneRowRightIsTakenOut() {
        Block.TableRow header = Blocks.row(1, "Action", "Lead", "Timescale");
        Block.TableRow shifted = Blocks.row(2, "Audit cases", "", "Quality Team", "June 2026");
        CellAlignment alignment = new CellAlignment(List.of(header, shifted), Columns.header(header), 0);

        assertThat(texts(alignment.align(shifted, 1))).containsExactly("Audit cases", "Quality Team", "June 2026");
    }

    @Test
    void aRowThatSlidLeftIsPutBackByItsTimescale() {
        Block.TableRow header = Blocks.row(1, "Ref", "Action", "Lead", "Timescale");
        Block.TableRow slid = Blocks.row(2, "Audit ten cases a month", "Quality Team", "June 2026");
        CellAlignment alignment = new CellAlignment(List.of(header, slid), Columns.header(header), 0);

        assertThat(texts(alignment.align(slid, 1)))
                .containsExactly("", "Audit ten cases a month", "Quality Team", "June 2026");
    }

    @Test
    void aRowThatFitsIsLeftAlone() {
        Block.TableRow header = Blocks.row(1, "Ref", "Action", "Lead", "Timescale");
        Block.TableRow row = Blocks.row(2, "1.1", "Audit cases", "Quality Team", "June 2026", "");
        CellAlignment alignment = new CellAlignment(List.of(header, row), Columns.header(header), 0);

        assertThat(texts(alignment.align(row, 1))).containsExactly("1.1", "Audit cases", "Quality Team", "June 2026");
    }
}
