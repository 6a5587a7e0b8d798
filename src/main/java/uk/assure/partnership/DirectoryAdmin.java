package uk.assure.partnership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.account.Access;
import uk.assure.account.SignedInUser;
import uk.assure.audit.AuditLog;
import uk.assure.system.ExternalIds;
import uk.assure.system.InvalidInput;
import uk.assure.system.Message;
import uk.assure.system.NotFoundException;

/**
 * What an admin keeps up to date about who is in the partnership: agencies and governance bodies (each with the
 * other names plans use for them) and people. Every change is an audit event with the state before and after.
 */
@Service
@Transactional
public class DirectoryAdmin {

    /** Agencies and bodies are both named things with aliases; the tables differ only in their names. */
    public enum Kind {
        AGENCY("agency", "agency_alias", "agency_id"),
        BODY("body", "body_alias", "body_id");

        private final String table;
        private final String aliasTable;
        private final String key;

        Kind(String table, String aliasTable, String key) {
            this.table = table;
            this.aliasTable = aliasTable;
            this.key = key;
        }

        /** "An agency called ... already exists". */
        private Message taken(String name) {
            return this == AGENCY
                    ? Message.of("admin.agency.error.taken", name)
                    : Message.of("admin.body.error.taken", name);
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

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Access access;

    DirectoryAdmin(JdbcClient jdbc, AuditLog audit, Access access) {
        this.access = access;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Named> list(SignedInUser admin, Kind kind) {
        administer(admin);
        long partnershipId = admin.partnershipId();
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
    public Optional<Named> find(SignedInUser admin, Kind kind, String externalId) {
        administer(admin);
        long partnershipId = admin.partnershipId();
        return list(admin, kind).stream()
                .filter(n -> n.externalId().equals(externalId))
                .findFirst();
    }

    /** Adds (externalId null) or changes an agency or body. @return its external id */
    public String save(
            SignedInUser admin, Kind kind, String externalId, String name, String shortName, List<String> aliases) {
        administer(admin);
        long partnershipId = admin.partnershipId();
        String cleanName = clean(name);
        if (cleanName == null) {
            throw new InvalidInput("name", Message.of("admin.error.name.missing"));
        }
        String cleanShort = kind == Kind.AGENCY ? clean(shortName) : null;
        List<String> cleanAliases = new ArrayList<>(new LinkedHashSet<>(aliases.stream()
                .map(DirectoryAdmin::clean)
                .filter(a -> a != null && !a.equalsIgnoreCase(cleanName))
                .toList()));
        Named before = externalId == null
                ? null
                : find(admin, kind, externalId).orElseThrow(() -> new NotFoundException(kind.table));
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
            throw new InvalidInput("name", kind.taken(cleanName));
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
                throw new InvalidInput("aliases", Message.of("admin.error.alias.taken", alias, owner));
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
                admin.userId(),
                admin.getUsername(),
                (before == null ? "ADDED_" : "CHANGED_") + kind.name(),
                kind.table,
                ext,
                before == null ? null : state(before.name(), before.shortName(), before.aliases()),
                after,
                null));
        return ext;
    }

    @Transactional(readOnly = true)
    public List<Person> people(SignedInUser admin) {
        administer(admin);
        long partnershipId = admin.partnershipId();
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
    public Optional<Person> person(SignedInUser admin, String externalId) {
        administer(admin);
        long partnershipId = admin.partnershipId();
        return people(admin).stream()
                .filter(p -> p.externalId().equals(externalId))
                .findFirst();
    }

    /** Adds (externalId null) or changes a person. @return their external id */
    public String savePerson(
            SignedInUser admin,
            String externalId,
            String name,
            String jobTitle,
            String email,
            String agencyExternalId) {
        administer(admin);
        long partnershipId = admin.partnershipId();
        String cleanName = clean(name);
        if (cleanName == null) {
            throw new InvalidInput("name", Message.of("admin.person.error.name.missing"));
        }
        String cleanEmail = clean(email);
        if (cleanEmail != null && !cleanEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInput("email", Message.of("admin.person.error.email.format"));
        }
        Long agencyId = agencyId(partnershipId, clean(agencyExternalId));
        Person before = externalId == null
                ? null
                : person(admin, externalId).orElseThrow(() -> new NotFoundException("Person"));
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
        Person after = person(admin, ext).orElseThrow();
        audit.record(new AuditLog.Event(
                partnershipId,
                admin.userId(),
                admin.getUsername(),
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
                .orElseThrow(() -> new InvalidInput("agency", Message.of("error.agency.unknown")));
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
        return Arrays.stream(typed.split("[\\r\\n,]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.length() > 200 ? s.substring(0, 200) : s)
                .toList();
    }

    /** Manage is an admin's: refused (403, audited) for anyone else. */
    public void administer(SignedInUser user) {
        access.require(user, Access.Capability.ADMINISTER);
    }
}
