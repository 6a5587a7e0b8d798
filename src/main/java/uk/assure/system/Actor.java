package uk.assure.system;

/**
 * Who is acting, as the features below {@code account} need to know them: for the audit log's "who" and the
 * partnership a page is about. The signed-in person ({@code account.SignedInUser}) is one.
 */
public interface Actor {

    long userId();

    long partnershipId();

    /** The person's email: how the audit log names them. */
    String email();
}
