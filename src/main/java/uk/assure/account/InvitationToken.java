package uk.assure.account;

import uk.assure.system.SecretTokens;

/** The secret in an invitation link (see {@link SecretTokens}): only its SHA-256 is stored. */
final class InvitationToken {

    private InvitationToken() {}

    /** A new token, 43 characters, 256 bits. */
    static String generate() {
        return SecretTokens.generate();
    }

    /** The hash kept and looked up; any string hashes, so a mangled link simply matches nothing. */
    static byte[] hash(String token) {
        return SecretTokens.hash(token);
    }
}
