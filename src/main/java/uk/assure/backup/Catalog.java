package uk.assure.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What PostgreSQL's catalog says of the tables in schema {@code public}: their columns (those a COPY writes: not
 * generated, not dropped), primary keys, foreign keys and sequences. Read inside the backup's snapshot, and by the
 * restore from the schema the migrations made.
 *
 * @param tables in the order a restore loads them ({@link TableOrder})
 */
record Catalog(
        List<String> tables,
        Map<String, List<String>> columns,
        Map<String, List<String>> keys,
        List<String> sequences) {

    static Catalog read(Connection c, Set<String> leftOut) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, List<String>> keys = new HashMap<>();
        Map<String, Set<String>> references = new HashMap<>();
        List<String> sequences = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT c.relname, a.attname
                    FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                      AND a.attgenerated = ''
                    ORDER BY c.relname, a.attnum""")) {
                while (rs.next()) {
                    if (!leftOut.contains(rs.getString(1))) {
                        columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                                .add(rs.getString(2));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT c.relname, a.attname
                    FROM pg_index i
                    JOIN pg_class c ON c.oid = i.indrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                    WHERE n.nspname = 'public' AND i.indisprimary
                    ORDER BY c.relname, k.position""")) {
                while (rs.next()) {
                    keys.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT child.relname, parent.relname
                    FROM pg_constraint f
                    JOIN pg_class child ON child.oid = f.conrelid
                    JOIN pg_class parent ON parent.oid = f.confrelid
                    JOIN pg_namespace n ON n.oid = child.relnamespace
                    WHERE f.contype = 'f' AND n.nspname = 'public'""")) {
                while (rs.next()) {
                    references
                            .computeIfAbsent(rs.getString(1), t -> new TreeSet<>())
                            .add(rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename")) {
                while (rs.next()) {
                    sequences.add(rs.getString(1));
                }
            }
        }
        return new Catalog(TableOrder.of(columns.keySet(), references), columns, keys, sequences);
    }

    /** The query whose COPY writes a table's rows: its columns, in primary-key order so that a backup repeats. */
    String copyOut(String table) {
        StringBuilder sql = new StringBuilder("COPY (SELECT ");
        sql.append(quoted(columns.get(table)));
        sql.append(" FROM public.").append(DataSql.quote(table));
        List<String> key = keys.get(table);
        if (key != null && !key.isEmpty()) {
            sql.append(" ORDER BY ").append(quoted(key));
        }
        return sql.append(") TO STDOUT").toString();
    }

    static String copyIn(String table, List<String> columns) {
        return "COPY public." + DataSql.quote(table) + " (" + quoted(columns) + ") FROM STDIN";
    }

    private static String quoted(List<String> names) {
        List<String> quoted = new ArrayList<>();
        names.forEach(n -> quoted.add(DataSql.quote(n)));
        return String.join(", ", quoted);
    }
}
