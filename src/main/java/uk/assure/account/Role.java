package uk.assure.account;

import java.util.EnumSet;
import java.util.Set;

/** What a signed-in person may do; the full matrix is in docs/security.md. */
public enum Role {
    ADMIN,
    LEAD,
    BOARD,
    VIEWER,
    /**
     * Runs the installation: makes partnerships and their first admins, sees each one's name and size and nothing
     * they hold. Kept apart from every partnership: an operator's account is in the platform's own partnership, and
     * no partnership admin can give this role.
     */
    OPERATOR;

    /** The roles a partnership's own people hold: every role but the operator's. */
    public static final Set<Role> IN_A_PARTNERSHIP = EnumSet.of(ADMIN, LEAD, BOARD, VIEWER);
}
