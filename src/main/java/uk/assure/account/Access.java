package uk.assure.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import uk.assure.audit.AuditLog;
import uk.assure.system.Message;
import uk.assure.system.NotFoundException;

/**
 * The one place that decides who may do what; pages, forms and the API all ask here, and nothing is allowed that
 * is not named below (deny by default).
 *
 * <ul>
 *   <li>admin: everything in their partnership;</li>
 *   <li>agency lead: reads every plan; updates (and links) the actions their agency leads, on any plan;</li>
 *   <li>board member: reads every plan; comments on actions;</li>
 *   <li>viewer (an inspector, say): reads only the plans named in their grants, until each grant's expiry date.</li>
 * </ul>
 *
 * A record outside what the person may read answers "not found", exactly as one of another partnership does, so a
 * refusal never confirms that something exists. Every refusal of something they can see is an audit event.
 */
@Service
public class Access {

    /** What a role may do across the partnership, beyond reading the plans it can see. */
    public enum Capability {
        /** Dashboards, lists of every action, search: the whole partnership at once. */
        SEE_EVERY_PLAN(Message.of("access.refused.SEE_EVERY_PLAN")),
        COMMENT(Message.of("access.refused.COMMENT")),
        EDIT_WORDING(Message.of("access.refused.EDIT_WORDING")),
        IMPORT_PLANS(Message.of("access.refused.IMPORT_PLANS")),
        ADMINISTER(Message.of("access.refused.ADMINISTER"));

        private final Message refusal;

        Capability(Message refusal) {
            this.refusal = refusal;
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    Access(JdbcClient jdbc, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean may(SignedInUser user, Capability capability) {
        if (!Role.IN_A_PARTNERSHIP.contains(user.role())) {
            return false; // an operator runs the installation and holds nothing of any partnership
        }
        return switch (capability) {
            case SEE_EVERY_PLAN -> user.role() != Role.VIEWER;
            case COMMENT -> user.role() == Role.ADMIN || user.role() == Role.BOARD;
            case EDIT_WORDING, IMPORT_PLANS, ADMINISTER -> user.role() == Role.ADMIN;
        };
    }

    /** The refusal of a capability, audited: for a rule checked before the handler ran. */
    public AccessRefused refusal(SignedInUser user, Capability capability) {
        return refuse(user, capability.refusal, "capability", capability.name());
    }

    /** Refuses (403, audited) unless the user may. */
    public void require(SignedInUser user, Capability capability) {
        if (!may(user, capability)) {
            throw refuse(user, capability.refusal, "capability", capability.name());
        }
    }

    /** @param leadAgencyIds the agencies that lead the action, directly or through a lead person's agency */
    public boolean mayUpdate(SignedInUser user, Collection<Long> leadAgencyIds) {
        return switch (user.role()) {
            case ADMIN -> true;
            case LEAD -> user.agencyId() != null && leadAgencyIds.contains(user.agencyId());
            case BOARD, VIEWER, OPERATOR -> false;
        };
    }

    /** Refuses (403, audited) unless the user may update the action. */
    public void requireUpdate(SignedInUser user, Collection<Long> leadAgencyIds, String actionExternalId) {
        if (!mayUpdate(user, leadAgencyIds)) {
            throw refuse(user, updateRefusal(user), "action", actionExternalId);
        }
    }

    /**
     * Signing off what a lead asks: confirming or sending back a completion, accepting or refusing a new due date.
     * For an admin, or a member of the action's oversight body; never for whoever made the claim or the request,
     * so nothing counts until someone other than its lead has seen it.
     *
     * @param oversightBodyId the action's oversight body, or null when it names none
     * @param claimedBy the user who made the claim or the request, or null
     */
    public boolean maySignOff(SignedInUser user, Long oversightBodyId, Long claimedBy) {
        if (claimedBy != null && claimedBy == user.userId()) {
            return false;
        }
        return switch (user.role()) {
            case ADMIN -> true;
            case LEAD, BOARD -> oversightBodyId != null && isMember(user, oversightBodyId);
            case VIEWER, OPERATOR -> false;
        };
    }

    /** Refuses (403, audited) unless the user may sign off the action's claim or request. */
    public void requireSignOff(SignedInUser user, Long oversightBodyId, Long claimedBy, String actionExternalId) {
        if (!maySignOff(user, oversightBodyId, claimedBy)) {
            throw refuse(
                    user,
                    Message.of(
                            claimedBy != null && claimedBy == user.userId()
                                    ? "access.signOff.own"
                                    : "access.signOff.refused"),
                    "action",
                    actionExternalId);
        }
    }

    private boolean isMember(SignedInUser user, long bodyId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM body_member WHERE partnership_id = ? AND body_id = ? AND user_id = ?)""")
                .params(user.partnershipId(), bodyId, user.userId())
                .query(Boolean.class)
                .single();
    }

    /** Why an update is refused, in words for the person refused (null for an admin, who is never refused). */
    public Message updateRefusal(SignedInUser user) {
        return switch (user.role()) {
            case LEAD ->
                user.agencyId() == null
                        ? Message.of("access.refused.update.noAgency")
                        : Message.of("access.refused.update.otherAgency");
            case BOARD -> Message.of("access.refused.update.board");
            case VIEWER -> Message.of("access.refused.update.viewer");
            case OPERATOR -> Message.of("access.refused.update.operator");
            case ADMIN -> null;
        };
    }

    /** The plans a viewer may read today (external ids); every role but viewer reads every plan of the partnership. */
    public Set<String> viewablePlans(SignedInUser user) {
        return grants(user).stream()
                .filter(g -> !g.expired())
                .map(Grant::planExternalId)
                .collect(Collectors.toSet());
    }

    public boolean mayRead(SignedInUser user, String planExternalId) {
        if (user.role() == Role.OPERATOR) {
            return false;
        }
        return user.role() != Role.VIEWER || viewablePlans(user).contains(planExternalId);
    }

    /** Not found (404) unless the user may read the plan: the same answer as for a plan that does not exist. */
    public void requirePlan(SignedInUser user, String planExternalId) {
        if (!mayRead(user, planExternalId)) {
            throw new NotFoundException("Plan");
        }
    }

    /** A viewer's access to one plan. */
    public record Grant(String planExternalId, String planTitle, LocalDate expiresOn, boolean expired) {}

    /** A viewer's grants, current and ended, newest expiry first; none for other roles. */
    public List<Grant> grants(SignedInUser user) {
        if (user.role() != Role.VIEWER) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT p.external_id, p.title, g.expires_on FROM viewer_grant g
                JOIN plan p ON p.partnership_id = g.partnership_id AND p.id = g.plan_id
                WHERE g.partnership_id = ? AND g.user_id = ? ORDER BY g.expires_on DESC, p.title""")
                .params(user.partnershipId(), user.userId())
                .query((rs, n) -> {
                    LocalDate expires = rs.getObject(3, LocalDate.class);
                    return new Grant(rs.getString(1), rs.getString(2), expires, expires.isBefore(today));
                })
                .list();
    }

    /**
     * Audits the refusal in a transaction of its own: the refusal ends the caller's transaction in a rollback (and
     * may be asked inside a read-only one), and the record of it must stay.
     */
    private AccessRefused refuse(SignedInUser user, Message message, String objectType, String objectId) {
        ownTransaction.executeWithoutResult(status -> audit.record(new AuditLog.Event(
                user.partnershipId(),
                user.userId(),
                user.getUsername(),
                "ACCESS_REFUSED",
                objectType,
                objectId,
                null,
                null,
                request())));
        return new AccessRefused(message);
    }

    private static String request() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            return a.getRequest().getMethod() + " " + a.getRequest().getRequestURI() + " from "
                    + a.getRequest().getRemoteAddr();
        }
        return null;
    }
}
