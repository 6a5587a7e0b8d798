package uk.assure.partnership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.account.Access;
import uk.assure.account.SignedInUser;
import uk.assure.audit.AuditLog;

/**
 * Each partnership's rules for what a lead's word needs before it counts (Manage → Sign-off): whether a revised due
 * date needs accepting (the default) or is accepted as recorded, and whether marking an action completed needs
 * evidence (the default); and who sits on each oversight body, so may sign off the actions it oversees. Admins
 * only; every change is an audit event.
 */
@Service
@Transactional
public class SignOffRules {

    public record Rules(boolean revisionsNeedAcceptance, boolean completionNeedsEvidence) {}

    /** A body and who sits on it, with every user who could. */
    public record Body(String externalId, String name, List<Member> people) {}

    public record Member(String userExternalId, String name, String role, boolean member) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Access access;

    SignOffRules(JdbcClient jdbc, AuditLog audit, Access access) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public Rules rules(SignedInUser admin) {
        access.require(admin, Access.Capability.ADMINISTER);
        return read(admin.partnershipId());
    }

    private Rules read(long partnershipId) {
        return jdbc.sql("SELECT revisions_need_acceptance, completion_needs_evidence FROM partnership WHERE id = ?")
                .param(partnershipId)
                .query((rs, n) -> new Rules(rs.getBoolean(1), rs.getBoolean(2)))
                .single();
    }

    public void change(SignedInUser admin, Rules rules) {
        access.require(admin, Access.Capability.ADMINISTER);
        Rules before = read(admin.partnershipId());
        jdbc.sql("UPDATE partnership SET revisions_need_acceptance = ?, completion_needs_evidence = ? WHERE id = ?")
                .params(rules.revisionsNeedAcceptance(), rules.completionNeedsEvidence(), admin.partnershipId())
                .update();
        audit.record(new AuditLog.Event(
                admin.partnershipId(),
                admin.userId(),
                admin.getUsername(),
                "SIGN_OFF_RULES_CHANGED",
                "partnership",
                null,
                before,
                rules,
                null));
    }

    /** Every body with the partnership's admins, leads and board members, ticked where they sit on it. */
    @Transactional(readOnly = true)
    public List<Body> bodies(SignedInUser admin) {
        access.require(admin, Access.Capability.ADMINISTER);
        Map<String, Body> bodies = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT b.external_id, b.name, u.external_id, u.display_name, u.role,
                       EXISTS (SELECT 1 FROM body_member m WHERE m.body_id = b.id AND m.user_id = u.id)
                FROM body b CROSS JOIN app_user u
                WHERE b.partnership_id = ? AND u.partnership_id = b.partnership_id AND u.enabled
                  AND u.role IN ('LEAD', 'BOARD')
                ORDER BY b.name, u.display_name""").param(admin.partnershipId()).query(rs -> {
            String bodyName = rs.getString(2);
            bodies.computeIfAbsent(rs.getString(1), k -> new Body(k, bodyName, new ArrayList<>()))
                    .people()
                    .add(new Member(rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)));
        });
        return List.copyOf(bodies.values());
    }

    /** Who sits on each body, as ticked: pairs "bodyId:userId" of external ids; every other membership ends. */
    public void members(SignedInUser admin, Set<String> ticked) {
        access.require(admin, Access.Capability.ADMINISTER);
        List<String> before = memberships(admin.partnershipId());
        jdbc.sql("DELETE FROM body_member WHERE partnership_id = ?")
                .param(admin.partnershipId())
                .update();
        for (String pair : ticked) {
            String[] ids = pair.split(":", 2);
            if (ids.length == 2) {
                // only the partnership's own bodies and people: an id from elsewhere matches nothing
                jdbc.sql("""
                        INSERT INTO body_member (partnership_id, body_id, user_id)
                        SELECT b.partnership_id, b.id, u.id FROM body b JOIN app_user u ON u.partnership_id = b.partnership_id
                        WHERE b.partnership_id = ? AND b.external_id = ? AND u.external_id = ? AND u.role IN ('LEAD', 'BOARD')
                        ON CONFLICT DO NOTHING""").params(admin.partnershipId(), ids[0], ids[1]).update();
            }
        }
        audit.record(new AuditLog.Event(
                admin.partnershipId(),
                admin.userId(),
                admin.getUsername(),
                "BODY_MEMBERS_CHANGED",
                "partnership",
                null,
                Map.of("members", before),
                Map.of("members", memberships(admin.partnershipId())),
                null));
    }

    private List<String> memberships(long partnershipId) {
        return jdbc.sql("""
                SELECT b.external_id || ':' || u.external_id FROM body_member m JOIN body b ON b.id = m.body_id
                JOIN app_user u ON u.id = m.user_id WHERE m.partnership_id = ? ORDER BY 1""").param(partnershipId).query(String.class).list();
    }
}
