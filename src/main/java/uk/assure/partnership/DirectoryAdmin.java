package uk.assure.partnership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.audit.AuditLog;
import uk.assure.system.ExternalIds;

/**
 * What an admin keeps up to date about who is in the partnership: agencies and governance bodies (each with the
 * other names plans use for them) and people. Every change is an audit event with the state before and after.
 */
@Service
@Transactional
public class DirectoryAdmin {

    /** Agencies and bodies are both named things with aliases; the tables differ only in their names. */
    public enum Kind {
        AGENCY("agency", "agency_alias", "agency_id", "An agency"),
        BODY("body", "body_alias", "body_id", "A body");

        private final String table;
        private final String aliasTable;
        private final String key;
        private final String described;

        Kind(String table, String aliasTable, String key, String described) {
            this.table = table;
            this.aliasTable = aliasTable;
            this.key = key;
            this.described = described;
        }
    }

    public record Named(String externalId, String name, String shortName, List<String> aliases, long uses) {}

    public record Person(
            String externalId,
            String name,
            String jobTitle,
            String email,
            String agencyExternalId,
            String agencyName) {}

    /** An actor for the audit log. */
    public record Actor(long userId, String name) {}

    /** A change refused, with the form field it belongs to. */
    public static final class Invalid extends RuntimeException {
        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    DirectoryAdmin(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Named> list(long partnershipId, Kind kind) {
        String uses = kind == Kind.AGENCY
                ? "(SELECT count(DISTINCT l.action_id) FROM action_lead l WHERE l.partnership_id = t.partnership_id AND l.agency_id = t.id)"
                : "(SELECT count(*) FROM action a WHERE a.partnership_id = t.partnership_id AND a.oversight_body_id = t.id)";
        String shortName = kind == Kind.AGENCY ? "t.short_name" : "NULL";
        return jdbc.sql("SELECT t.id, t.external_id, t.name, " + shortName + ", " + uses + " FROM " + kind.table
                        + " t WHERE t.partnership_id = ? ORDER BY lower(t.name)")
                .param(partnershipId)
                .query((rs, n) -> new Named(
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        aliases(partnershipId, kind, rs.getLong(1)),
                        rs.getLong(5)))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Named> find(long partnershipId, Kind kind, String externalId) {
        return list(partnershipId, kind).stream()
                .filter(n -> n.externalId().equals(externalId))
                .findFirst();
    }

    /** Adds (externalId null) or changes an agency or body. @return its external id */
    public String save(
            long partnershipId,
            Kind kind,
            String externalId,
            String name,
            String shortName,
            List<String> aliases,
            Actor actor) {
        String cleanName = clean(name);
        if (cleanName == null) {
            throw new Invalid("name", "Enter a name");
        }
        String cleanShort = kind == Kind.AGENCY ? clean(shortName) : null;
        List<String> cleanAliases = new ArrayList<>(new LinkedHashSet<>(aliases.stream()
                .map(DirectoryAdmin::clean)
                .filter(a -> a != null && !a.equalsIgnoreCase(cleanName))
                .toList()));
        Named before = externalId == null
                ? null
                : find(partnershipId, kind, externalId)
                        .orElseThrow(() -> new uk.assure.plan.NotFoundException(kind.table));
        Long id = externalId == null
                ? null
                : jdbc.sql("SELECT id FROM " + kind.table + " WHERE partnership_id = ? AND external_id = ?")
                        .params(partnershipId, externalId)
                        .query(Long.class)
                        .single();
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + kind.table
                        + " WHERE partnership_id = ? AND lower(name) = lower(?) AND id IS DISTINCT FROM ?)")
                .params(partnershipId, cleanName, id)
                .query(Boolean.class)
                .single()) {
            throw new Invalid("name", kind.described + " called " + cleanName + " already exists");
        }
        for (String alias : cleanAliases) {
            String owner = jdbc.sql("SELECT t.name FROM " + kind.aliasTable + " a JOIN " + kind.table
                            + " t ON t.id = a." + kind.key
                            + " WHERE a.partnership_id = ? AND lower(a.alias) = lower(?) AND t.id IS DISTINCT FROM ?")
                    .params(partnershipId, alias, id)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (owner != null) {
                throw new Invalid("aliases", "'" + alias + "' is already another name for " + owner);
            }
        }
        String ext = externalId;
        if (id == null) {
            ext = ExternalIds.next();
            id = kind == Kind.AGENCY
                    ? jdbc.sql(
                                    "INSERT INTO agency (partnership_id, external_id, name, short_name) VALUES (?, ?, ?, ?) RETURNING id")
                            .params(partnershipId, ext, cleanName, cleanShort)
                            .query(Long.class)
                            .single()
                    : jdbc.sql("INSERT INTO body (partnership_id, external_id, name) VALUES (?, ?, ?) RETURNING id")
                            .params(partnershipId, ext, cleanName)
                            .query(Long.class)
                            .single();
        } else if (kind == Kind.AGENCY) {
            jdbc.sql("UPDATE agency SET name = ?, short_name = ? WHERE partnership_id = ? AND id = ?")
                    .params(cleanName, cleanShort, partnershipId, id)
                    .update();
        } else {
            jdbc.sql("UPDATE body SET name = ? WHERE partnership_id = ? AND id = ?")
                    .params(cleanName, partnershipId, id)
                    .update();
        }
        jdbc.sql("DELETE FROM " + kind.aliasTable + " WHERE partnership_id = ? AND " + kind.key + " = ?")
                .params(partnershipId, id)
                .update();
        for (String alias : cleanAliases) {
            jdbc.sql("INSERT INTO " + kind.aliasTable + " (partnership_id, " + kind.key + ", alias) VALUES (?, ?, ?)")
                    .params(partnershipId, id, alias)
                    .update();
        }
        Map<String, Object> after = state(cleanName, cleanShort, cleanAliases);
        audit.record(new AuditLog.Event(
                partnershipId,
                actor.userId(),
                actor.name(),
                (before == null ? "ADDED_" : "CHANGED_") + kind.name(),
                kind.table,
                ext,
                before == null ? null : state(before.name(), before.shortName(), before.aliases()),
                after,
                null));
        return ext;
    }

    @Transactional(readOnly = true)
    public List<Person> people(long partnershipId) {
        return jdbc.sql("""
                SELECT p.external_id, p.name, p.job_title, p.email, a.external_id, a.name FROM person p
                LEFT JOIN agency a ON a.partnership_id = p.partnership_id AND a.id = p.agency_id
                WHERE p.partnership_id = ? ORDER BY lower(p.name)""")
                .param(partnershipId)
                .query((rs, n) -> new Person(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Person> person(long partnershipId, String externalId) {
        return people(partnershipId).stream()
                .filter(p -> p.externalId().equals(externalId))
                .findFirst();
    }

    /** Adds (externalId null) or changes a person. @return their external id */
    public String savePerson(
            long partnershipId,
            String externalId,
            String name,
            String jobTitle,
            String email,
            String agencyExternalId,
            Actor actor) {
        String cleanName = clean(name);
        if (cleanName == null) {
            throw new Invalid("name", "Enter the person's name");
        }
        String cleanEmail = clean(email);
        if (cleanEmail != null && !cleanEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new Invalid("email", "Enter an email address in the correct format, like name@example.org");
        }
        Long agencyId = agencyId(partnershipId, clean(agencyExternalId));
        Person before = externalId == null
                ? null
                : person(partnershipId, externalId).orElseThrow(() -> new uk.assure.plan.NotFoundException("Person"));
        String ext = externalId;
        if (before == null) {
            ext = ExternalIds.next();
            jdbc.sql(
                            "INSERT INTO person (partnership_id, external_id, name, job_title, email, agency_id) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(partnershipId, ext, cleanName, clean(jobTitle), cleanEmail, agencyId)
                    .update();
        } else {
            jdbc.sql(
                            "UPDATE person SET name = ?, job_title = ?, email = ?, agency_id = ? WHERE partnership_id = ? AND external_id = ?")
                    .params(cleanName, clean(jobTitle), cleanEmail, agencyId, partnershipId, ext)
                    .update();
        }
        Person after = person(partnershipId, ext).orElseThrow();
        audit.record(new AuditLog.Event(
                partnershipId,
                actor.userId(),
                actor.name(),
                before == null ? "ADDED_PERSON" : "CHANGED_PERSON",
                "person",
                ext,
                before,
                after,
                null));
        return ext;
    }

    /** An agency of this partnership by its external id (null for none); another partnership's is not found. */
    public Long agencyId(long partnershipId, String agencyExternalId) {
        if (agencyExternalId == null) {
            return null;
        }
        return jdbc.sql("SELECT id FROM agency WHERE partnership_id = ? AND external_id = ?")
                .params(partnershipId, agencyExternalId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new Invalid("agency", "Select an agency from the list"));
    }

    private List<String> aliases(long partnershipId, Kind kind, long id) {
        return jdbc.sql("SELECT alias FROM " + kind.aliasTable + " WHERE partnership_id = ? AND " + kind.key
                        + " = ? ORDER BY lower(alias)")
                .params(partnershipId, id)
                .query(String.class)
                .list();
    }

    private static Map<String, Object> state(String name, String shortName, List<String> aliases) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        if (shortName != null) {
            state.put("shortName", shortName);
        }
        state.put("aliases", aliases);
        return state;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String stripped = s.strip().replaceAll("\\s+", " ");
        return stripped.isEmpty() ? null : stripped;
    }

    /** Aliases as typed in a text area: one per line (commas also separate). */
    public static List<String> lines(String typed) {
        if (typed == null) {
            return List.of();
        }
        return java.util.Arrays.stream(typed.split("[\\r\\n,]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.length() > 200 ? s.substring(0, 200) : s)
                .toList();
    }
}
