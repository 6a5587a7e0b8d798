package uk.assure.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets handed to a person once (an invitation link, an API token): 32 random bytes in URL-safe base64. Only
 * their SHA-256 is stored, so the database alone never yields a working secret; a plain hash suffices because the
 * secret is random, not chosen.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SecretTokens() {}

    /** A new secret, 43 characters, 256 bits. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** The hash kept and looked up; any string hashes, so a mangled secret simply matches nothing. */
    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(secret).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
