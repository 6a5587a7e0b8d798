package uk.assure.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret in an invitation link: 32 random bytes, URL-safe base64 in the link. Only its SHA-256 is stored, so
 * the database alone never yields a working link; a plain hash suffices because the token is random, not chosen.
 */
final class InvitationToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private InvitationToken() {}

    /** A new token, 43 characters, 256 bits. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** The hash kept and looked up; any string hashes, so a mangled link simply matches nothing. */
    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
