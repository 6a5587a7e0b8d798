package uk.assure.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code data.sql}, the data part of a backup, in the layout of {@code pg_dump --data-only} (plain format): a few
 * settings, then for each table a {@code COPY ... FROM stdin;} line, its rows in COPY's text format (one line each:
 * a tab between columns, {@code \N} for null, newlines and backslashes escaped) and a {@code \.} line, then the
 * sequences' {@code setval}. psql loads it as it is into a database at the same schema version; {@code assure
 * restore} reads only the COPY blocks, so nothing in the file runs as SQL.
 */
final class DataSql {

    static final String NAME = "data.sql";
    static final byte[] END_OF_DATA = "\\.\n".getBytes(StandardCharsets.UTF_8);

    private static final Pattern COPY_LINE = Pattern.compile("COPY public\\.(\"[^\"]+\") \\((.*)\\) FROM stdin;");
    private static final Pattern IDENTIFIER = Pattern.compile("\"([^\"]+)\"(, |$)");

    private DataSql() {}

    static String preamble(String schemaVersion) {
        return """
                --
                -- Assure backup: the data of every table, in the layout of pg_dump --data-only (plain format).
                -- It fits a database at Flyway schema version %s; `assure restore` makes one and loads this.
                --

                SET statement_timeout = 0;
                SET lock_timeout = 0;
                SET client_encoding = 'UTF8';
                SET standard_conforming_strings = on;
                SELECT pg_catalog.set_config('search_path', '', false);
                SET check_function_bodies = false;
                SET client_min_messages = warning;
                SET row_security = off;

                """.formatted(schemaVersion);
    }

    static String copyLine(String table, List<String> columns) {
        List<String> quoted = new ArrayList<>();
        columns.forEach(c -> quoted.add(quote(c)));
        return "--\n-- Data for Name: " + table + "; Type: TABLE DATA; Schema: public\n--\n\n" + "COPY public."
                + quote(table) + " (" + String.join(", ", quoted) + ") FROM stdin;\n";
    }

    static String setval(String sequence, long lastValue, boolean isCalled) {
        return "SELECT pg_catalog.setval('public." + quote(sequence).replace("'", "''") + "', " + lastValue + ", "
                + isCalled + ");\n";
    }

    /** Names in the backup are PostgreSQL's own table and column names, always quoted. */
    static String quote(String identifier) {
        if (identifier.indexOf('"') >= 0 || identifier.isEmpty()) {
            throw new IllegalArgumentException("not a plain identifier: " + identifier);
        }
        return '"' + identifier + '"';
    }

    /** What reading {@code data.sql} finds, in order. */
    interface Reader {
        void table(String name, List<String> columns) throws IOException;

        /** One row: {@code line[0..length)} with its newline at {@code line[length - 1]}. */
        void row(byte[] line, int length) throws IOException;

        void end(String table) throws IOException;
    }

    /** Reads the COPY blocks; any other line (settings, comments, setval) is passed over. */
    static void read(InputStream in, Reader reader) throws IOException {
        Lines lines = new Lines(in);
        String table = null;
        while (lines.next()) {
            if (table == null) {
                String line = lines.text();
                Matcher copy = COPY_LINE.matcher(line);
                if (copy.matches()) {
                    table = unquote(copy.group(1));
                    reader.table(table, columns(copy.group(2), line));
                } else if (line.startsWith("COPY")) {
                    throw new DataSqlDamaged("a COPY line of data.sql cannot be read: " + abbreviate(line));
                }
            } else if (lines.isEndOfData()) {
                reader.end(table);
                table = null;
            } else {
                if (!lines.endsWithNewline()) {
                    break;
                }
                reader.row(lines.bytes(), lines.length());
            }
        }
        if (table != null) {
            throw new DataSqlDamaged("data.sql ends inside the rows of table " + table + ": the backup is cut short");
        }
    }

    private static List<String> columns(String list, String line) throws DataSqlDamaged {
        List<String> columns = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(list);
        int at = 0;
        while (at < list.length() && m.find(at) && m.start() == at) {
            columns.add(m.group(1));
            at = m.end();
        }
        if (at != list.length() || columns.isEmpty()) {
            throw new DataSqlDamaged("the column list of a COPY line of data.sql cannot be read: " + abbreviate(line));
        }
        return columns;
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    /** The file's content does not have the layout above. */
    static final class DataSqlDamaged extends IOException {
        private static final long serialVersionUID = 1L;

        DataSqlDamaged(String message) {
            super(message);
        }
    }

    /** The file's lines as bytes, each with its newline, as COPY wrote them (a row may be megabytes of bytea). */
    private static final class Lines {
        private final InputStream in;
        private final byte[] chunk = new byte[64 * 1024];
        private int chunkLength;
        private int chunkAt;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        private byte[] bytes = new byte[0];
        private int length;

        Lines(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            line.reset();
            while (true) {
                if (chunkAt == chunkLength) {
                    chunkLength = in.read(chunk);
                    chunkAt = 0;
                    if (chunkLength <= 0) {
                        chunkLength = 0;
                        return finish();
                    }
                }
                int start = chunkAt;
                while (chunkAt < chunkLength && chunk[chunkAt] != '\n') {
                    chunkAt++;
                }
                if (chunkAt < chunkLength) {
                    chunkAt++; // the newline belongs to the line
                    line.write(chunk, start, chunkAt - start);
                    return finish();
                }
                line.write(chunk, start, chunkAt - start);
            }
        }

        private boolean finish() {
            length = line.size();
            bytes = line.toByteArray();
            return length > 0;
        }

        boolean endsWithNewline() {
            return length > 0 && bytes[length - 1] == '\n';
        }

        boolean isEndOfData() {
            return length == END_OF_DATA.length
                    && bytes[0] == END_OF_DATA[0]
                    && bytes[1] == END_OF_DATA[1]
                    && bytes[2] == '\n';
        }

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }

        String text() {
            int end = endsWithNewline() ? length - 1 : length;
            return new String(bytes, 0, end, StandardCharsets.UTF_8);
        }
    }
}
