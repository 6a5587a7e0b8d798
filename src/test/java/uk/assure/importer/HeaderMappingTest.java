package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.assure.importer.Columns.Field;

class HeaderMappingTest {

    private final Warnings warnings = new Warnings(Blocks.FILE);

    @Test
    void mapsEachCellToItsColumnsFieldAndReportsColumnsThatMatchNone() {
        List<Block> blocks = List.of(
                Blocks.row(1, "Ref", "Action", "Lead", "Colour"),
                Blocks.row(2, "1.1", "Audit cases", "Quality Team", "blue"));
        HeaderMapping mapping = new HeaderMapping(blocks, warnings);
        assertThat(mapping.start(Columns.header((Block.TableRow) blocks.get(0)), 0))
                .isFalse();

        Map<Field, String> values = mapping.values((Block.TableRow) blocks.get(1), 1);

        assertThat(values)
                .containsOnly(
                        Map.entry(Field.REF, "1.1"),
                        Map.entry(Field.ACTION, "Audit cases"),
                        Map.entry(Field.LEAD, "Quality Team"));
        assertThat(Blocks.messages(warnings))
                .containsExactly("not imported (column 'Colour' matches no field): 'blue'");
        assertThat(mapping.columns())
                .extracting(ParsedPlan.ColumnMapping::field)
                .containsExactly("ref", "action", "lead", "not imported");
    }

    @Test
    void keepsTheFirstTablesMappingAndKnowsARepeatedHeader() {
        Block.TableRow header = Blocks.row(1, "Action", "Lead");
        Block.TableRow again = Blocks.row(5, "ACTION", "Lead:");
        HeaderMapping mapping = new HeaderMapping(List.of(header, again), warnings);
        mapping.start(Columns.header(header), 0);
        assertThat(mapping.start(Columns.header(again), 1)).isTrue();
        assertThat(mapping.columns()).hasSize(2);
        assertThat(mapping.anyStatusColumn()).isFalse();
    }

    @Test
    void aRefColumnBesideAFindingColumnNumbersTheFindingsUnlessARowHasARefAndNoFinding() {
        Block.TableRow header = Blocks.row(1, "Ref", "Finding", "Action", "Status");
        HeaderMapping areas = new HeaderMapping(
                List.of(header, Blocks.row(2, "1", "Plans are late", "Review plans", "Red")), warnings);
        areas.start(Columns.header(header), 0);
        assertThat(areas.refsNumberFindings()).isTrue();
        assertThat(areas.anyStatusColumn()).isTrue();

        HeaderMapping actions = new HeaderMapping(
                List.of(
                        header,
                        Blocks.row(2, "1a", "Plans are late", "Review plans", "Red"),
                        Blocks.row(3, "1b", "", "Audit plans", "Red")),
                warnings);
        actions.start(Columns.header(header), 0);
        assertThat(actions.refsNumberActions()).isTrue();
        assertThat(actions.refsNumberFindings()).isFalse();
    }

    @Test
    void aFindingColumnHeadedWithAThemeNamesIt() {
        Block.TableRow generic = Blocks.row(1, "Findings", "Action", "Lead");
        Block.TableRow theme = Blocks.row(1, "Early Help Findings", "Action", "Lead");
        HeaderMapping mapping = new HeaderMapping(List.of(generic), warnings);
        mapping.start(Columns.header(generic), 0);
        assertThat(mapping.findingColumnTitle()).isNull();
        mapping.start(Columns.header(theme), 0);
        assertThat(mapping.findingColumnTitle()).isEqualTo("Early Help Findings");
    }
}
