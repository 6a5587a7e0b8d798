package uk.assure.partnership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.system.ExternalIds;

/** The partnership and who is in it: agencies (with the aliases plans use), people, governance bodies. */
@Repository
@Transactional
public class PartnershipDirectory {

    private final JdbcClient jdbc;

    PartnershipDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Partnership(long id, String externalId, String name) {}

    public Partnership createPartnership(String name) {
        String externalId = ExternalIds.next();
        long id = jdbc.sql("INSERT INTO partnership (external_id, name) VALUES (?, ?) RETURNING id")
                .params(externalId, name)
                .query(Long.class)
                .single();
        return new Partnership(id, externalId, name);
    }

    @Transactional(readOnly = true)
    public Optional<Partnership> firstPartnership() {
        return jdbc.sql("SELECT id, external_id, name FROM partnership WHERE kind = 'partnership' ORDER BY id LIMIT 1")
                .query((rs, n) -> new Partnership(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Partnership> findPartnership(String name) {
        return jdbc.sql(
                        "SELECT id, external_id, name FROM partnership WHERE kind = 'partnership' AND lower(name) = lower(?)")
                .param(name)
                .query((rs, n) -> new Partnership(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    @Transactional(readOnly = true)
    public boolean anyPartnershipExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM partnership WHERE kind = 'partnership')")
                .query(Boolean.class)
                .single();
    }

    public long createAgency(long partnershipId, String name, String shortName, List<String> aliases) {
        long id = jdbc.sql(
                        "INSERT INTO agency (partnership_id, external_id, name, short_name) VALUES (?, ?, ?, ?) RETURNING id")
                .params(partnershipId, ExternalIds.next(), name, shortName)
                .query(Long.class)
                .single();
        for (String alias : aliases) {
            jdbc.sql("INSERT INTO agency_alias (partnership_id, agency_id, alias) VALUES (?, ?, ?)")
                    .params(partnershipId, id, alias)
                    .update();
        }
        return id;
    }

    public long createPerson(long partnershipId, String name, String jobTitle, Long agencyId) {
        return jdbc.sql("""
                INSERT INTO person (partnership_id, external_id, name, job_title, agency_id) VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(partnershipId, ExternalIds.next(), name, jobTitle, agencyId)
                .query(Long.class)
                .single();
    }

    public long createBody(long partnershipId, String name, List<String> aliases) {
        long id = jdbc.sql("INSERT INTO body (partnership_id, external_id, name) VALUES (?, ?, ?) RETURNING id")
                .params(partnershipId, ExternalIds.next(), name)
                .query(Long.class)
                .single();
        for (String alias : aliases) {
            jdbc.sql("INSERT INTO body_alias (partnership_id, body_id, alias) VALUES (?, ?, ?)")
                    .params(partnershipId, id, alias)
                    .update();
        }
        return id;
    }

    /** An agency by its name, short name or any alias, case-insensitive, within one partnership. */
    @Transactional(readOnly = true)
    public Optional<Long> findAgency(long partnershipId, String nameOrAlias) {
        return jdbc.sql("""
                SELECT id FROM agency WHERE partnership_id = :p AND (lower(name) = lower(:n) OR lower(short_name) = lower(:n))
                UNION
                SELECT agency_id FROM agency_alias WHERE partnership_id = :p AND lower(alias) = lower(:n)
                LIMIT 1""")
                .param("p", partnershipId)
                .param("n", nameOrAlias.strip())
                .query(Long.class)
                .optional();
    }

    /** Every agency name, short name and alias of one partnership, each mapped to its agency. */
    @Transactional(readOnly = true)
    public Map<String, Long> agencyNames(long partnershipId) {
        Map<String, Long> names = new HashMap<>();
        jdbc.sql("""
                SELECT name, id FROM agency WHERE partnership_id = :p
                UNION ALL SELECT short_name, id FROM agency WHERE partnership_id = :p AND short_name IS NOT NULL
                UNION ALL SELECT alias, agency_id FROM agency_alias WHERE partnership_id = :p""").param("p", partnershipId).query(rs -> {
            names.put(rs.getString(1), rs.getLong(2));
        });
        return names;
    }

    /** Every body name and alias of one partnership, each mapped to its body. */
    @Transactional(readOnly = true)
    public Map<String, Long> bodyNames(long partnershipId) {
        Map<String, Long> names = new HashMap<>();
        jdbc.sql("""
                SELECT name, id FROM body WHERE partnership_id = :p
                UNION ALL SELECT alias, body_id FROM body_alias WHERE partnership_id = :p""").param("p", partnershipId).query(rs -> {
            names.put(rs.getString(1), rs.getLong(2));
        });
        return names;
    }

    @Transactional(readOnly = true)
    public Map<Long, String> agencyLabels(long partnershipId) {
        Map<Long, String> labels = new HashMap<>();
        jdbc.sql("SELECT id, name FROM agency WHERE partnership_id = ?")
                .param(partnershipId)
                .query(rs -> {
                    labels.put(rs.getLong(1), rs.getString(2));
                });
        return labels;
    }

    /** A person as lead matching needs them: who, and the agency they work for (may be null). */
    public record PersonEntry(long id, String name, String jobTitle, Long agencyId) {}

    /** Every person of one partnership, with their agency. */
    @Transactional(readOnly = true)
    public List<PersonEntry> people(long partnershipId) {
        return jdbc.sql("SELECT id, name, job_title, agency_id FROM person WHERE partnership_id = ? ORDER BY id")
                .param(partnershipId)
                .query((rs, n) ->
                        new PersonEntry(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4)))
                .list();
    }
}
