package uk.assure.account;

import java.util.Collection;

/**
 * Who may do what with an action. Admins everything; a lead updates the actions their agency leads; board
 * members and viewers read. The pages ask here before they offer a form, and the controllers before they act.
 */
public final class Permissions {

    private Permissions() {}

    /** @param leadAgencyIds the agencies that lead the action, directly or through a lead person's agency */
    public static boolean mayUpdate(SignedInUser user, Collection<Long> leadAgencyIds) {
        return switch (user.role()) {
            case ADMIN -> true;
            case LEAD -> user.agencyId() != null && leadAgencyIds.contains(user.agencyId());
            case BOARD, VIEWER -> false;
        };
    }

    /** Why an update is refused, in words for the person refused. */
    public static String refusal(SignedInUser user) {
        return switch (user.role()) {
            case LEAD -> user.agencyId() == null
                    ? "Your account is not linked to an agency, so you cannot update actions. Ask an admin to link it."
                    : "You can update only the actions your agency leads.";
            case BOARD, VIEWER -> "Your account can read plans but not update them.";
            case ADMIN -> "";
        };
    }
}
