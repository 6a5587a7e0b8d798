package uk.assure.account;

/** What a signed-in person may do; the full matrix is in docs/security.md. */
public enum Role {
    ADMIN,
    LEAD,
    BOARD,
    VIEWER
}
