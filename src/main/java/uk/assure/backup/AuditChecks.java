package uk.assure.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two constraints V17 put on {@code audit_event} — no event without its hash once the chain began
 * ({@code ck_audit_event_hashed}), none without the hash it follows once the chain was keyed
 * ({@code ck_audit_event_linked}) — whose bounds V17 took from the events there when it ran: events from before the
 * chain are exempt. A restore's migrations run on an empty database and so exempt nothing; a database whose log
 * began before V17 would not load. So a backup records the source's two definitions in its manifest, and a restore
 * puts them back after migrating and before loading the rows, which the constraints then check as they go in.
 *
 * <p>Only the bound is taken from the file, as a number: the constraint is written here, never run as the file's
 * text. A backup made before the manifest held them gets the bounds V17 would have given its events, from the rows
 * loaded.
 */
final class AuditChecks {

    static final String HASHED = "ck_audit_event_hashed";
    static final String LINKED = "ck_audit_event_linked";

    /** Each constraint and the column it holds to be set from its bound on. */
    private static final Map<String, String> COLUMN = Map.of(HASHED, "hash", LINKED, "previous_hash");

    /** {@code pg_get_constraintdef} of V17's constraints: {@code CHECK (((id < 3) OR (hash IS NOT NULL)))}. */
    private static final Pattern DEFINITION = Pattern.compile(
            "CHECK \\(\\(\\(id < (?:'(\\d+)'::bigint|(\\d+))\\) OR \\((hash|previous_hash) IS NOT NULL\\)\\)\\)");

    private AuditChecks() {}

    /** The source's definitions of the two constraints it has (none before V17), in a fixed order. */
    static List<Manifest.Check> read(Connection c) throws SQLException {
        List<Manifest.Check> checks = new ArrayList<>();
        for (Map.Entry<String, String> definition : definitions(c).entrySet()) {
            checks.add(new Manifest.Check("audit_event", definition.getKey(), definition.getValue()));
        }
        return checks;
    }

    /**
     * Puts the backup's bounds on the constraints the migrations made, before any row is loaded; answers the
     * constraints the backup does not describe, whose bounds {@link #afterLoad} takes from the rows.
     */
    static Set<String> beforeLoad(Connection c, List<Manifest.Check> fromBackup) throws SQLException {
        Set<String> toDerive = new TreeSet<>(definitions(c).keySet());
        if (toDerive.isEmpty()) {
            return toDerive; // a schema before V17
        }
        Map<String, Long> bounds = new LinkedHashMap<>();
        for (Manifest.Check check : fromBackup == null ? List.<Manifest.Check>of() : fromBackup) {
            if (!"audit_event".equals(check.table()) || !toDerive.contains(check.name())) {
                throw new BackupRefused("the backup names a constraint " + check.name() + " on " + check.table()
                        + " that this schema does not have: it was not made by Assure");
            }
            bounds.put(check.name(), bound(check));
        }
        for (Map.Entry<String, Long> bound : bounds.entrySet()) {
            replace(c, bound.getKey(), bound.getValue());
            toDerive.remove(bound.getKey());
        }
        for (String name : toDerive) {
            drop(c, name);
        }
        return toDerive;
    }

    /**
     * Gives the constraints the backup did not describe the bounds V17 would have given the loaded events, and
     * checks that the keyed chain's start agrees with the constraint that names it.
     */
    static void afterLoad(Connection c, Set<String> toDerive) throws SQLException {
        if (definitions(c).isEmpty() && toDerive.isEmpty()) {
            return; // a schema before V17
        }
        Long keyedFrom = keyedFrom(c);
        if (keyedFrom == null) {
            throw new BackupRefused("the backup has no row in audit_chain, which every Assure database from schema "
                    + "version 17 on has: it is not a whole backup of an Assure database");
        }
        for (String name : toDerive) {
            long bound = keyedFrom;
            if (name.equals(HASHED)) {
                try (Statement s = c.createStatement();
                        ResultSet rs =
                                s.executeQuery("SELECT min(id) FROM public.audit_event WHERE hash IS NOT NULL AND id < "
                                        + keyedFrom)) {
                    rs.next();
                    long first = rs.getLong(1);
                    bound = rs.wasNull() ? keyedFrom : first;
                }
            }
            add(c, name, bound);
        }
        String linked = definitions(c).get(LINKED);
        if (linked != null && bound(new Manifest.Check("audit_event", LINKED, linked)) != keyedFrom) {
            throw new BackupRefused("the backup's " + LINKED + " (" + linked + ") does not fit its audit_chain, "
                    + "whose keyed chain starts at event " + keyedFrom + ": the backup was changed");
        }
    }

    private static long bound(Manifest.Check check) {
        Matcher m = DEFINITION.matcher(check.definition() == null ? "" : check.definition());
        if (!m.matches() || !m.group(3).equals(COLUMN.get(check.name()))) {
            throw new BackupRefused("the backup's " + check.name() + " (" + check.definition() + ") is not the "
                    + "constraint Assure makes: it was not made by Assure");
        }
        return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
    }

    private static void replace(Connection c, String name, long bound) throws SQLException {
        drop(c, name);
        add(c, name, bound);
    }

    private static void drop(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE public.audit_event DROP CONSTRAINT " + DataSql.quote(name));
        }
    }

    private static void add(Connection c, String name, long bound) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE public.audit_event ADD CONSTRAINT " + DataSql.quote(name) + " CHECK (id < " + bound
                    + " OR " + COLUMN.get(name) + " IS NOT NULL)");
        }
    }

    private static Map<String, String> definitions(Connection c) throws SQLException {
        Map<String, String> definitions = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT conname, pg_get_constraintdef(oid) FROM pg_catalog.pg_constraint
                WHERE conrelid = to_regclass('public.audit_event') AND contype = 'c' AND conname = ANY (?)
                ORDER BY conname""")) {
            s.setArray(1, c.createArrayOf("text", new Object[] {HASHED, LINKED}));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    definitions.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return definitions;
    }

    private static Long keyedFrom(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('public.audit_chain') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT keyed_from FROM public.audit_chain")) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }
}
