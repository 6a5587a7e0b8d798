package uk.assure.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSqlTest {

    private static final String ROW = "1\tTab\\there, line\\nbreak, \\\\ and \\N\t\\\\x00ff\n";

    @Test
    void readsBackTheCopyBlocksItWritesAndPassesOverEverythingElse() throws IOException {
        String file = DataSql.preamble("16")
                + DataSql.copyLine("agency", List.of("id", "name", "logo"))
                + ROW
                + "2\t😀\t\\N\n"
                + "\\.\n\n\n"
                + DataSql.copyLine("plan", List.of("id"))
                + "\\.\n\n\n"
                + DataSql.setval("agency_id_seq", 2, true);

        List<String> seen = read(file);

        assertThat(seen)
                .containsExactly(
                        "table agency [id, name, logo]",
                        "row " + ROW,
                        "row 2\t😀\t\\N\n",
                        "end agency",
                        "table plan [id]",
                        "end plan");
        assertThat(DataSql.setval("agency_id_seq", 2, true))
                .isEqualTo("SELECT pg_catalog.setval('public.\"agency_id_seq\"', 2, true);\n");
    }

    @Test
    void aFileThatEndsInsideATableIsCutShort() {
        String file = DataSql.copyLine("agency", List.of("id")) + "1\n2";

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(DataSql.DataSqlDamaged.class)
                .hasMessage("data.sql ends inside the rows of table agency: the backup is cut short");
    }

    @Test
    void aCopyLineItDidNotWriteIsRefused() {
        assertThatThrownBy(() -> read("COPY public.agency (id) FROM '/etc/passwd';\n"))
                .isInstanceOf(DataSql.DataSqlDamaged.class)
                .hasMessageStartingWith("a COPY line of data.sql cannot be read");
        assertThatThrownBy(() -> read("COPY public.\"agency\" (\"id\"; DROP TABLE plan) FROM stdin;\n"))
                .isInstanceOf(DataSql.DataSqlDamaged.class)
                .hasMessageStartingWith("the column list of a COPY line of data.sql cannot be read");
    }

    @Test
    void namesAreAlwaysQuotedAndAQuoteInOneIsRefused() {
        assertThat(DataSql.quote("action")).isEqualTo("\"action\"");
        assertThatThrownBy(() -> DataSql.quote("a\"b")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> read(String file) throws IOException {
        List<String> seen = new ArrayList<>();
        DataSql.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), new DataSql.Reader() {
            @Override
            public void table(String name, List<String> columns) {
                seen.add("table " + name + " " + columns);
            }

            @Override
            public void row(byte[] line, int length) {
                seen.add("row " + new String(line, 0, length, StandardCharsets.UTF_8));
            }

            @Override
            public void end(String table) {
                seen.add("end " + table);
            }
        });
        return seen;
    }
}
