package uk.assure.system;

import java.security.SecureRandom;
import java.util.Base64;

/** Random, URL-safe ids for everything a URL names; database ids never leave the server. */
public final class ExternalIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ExternalIds() {}

    /** 15 random bytes: 20 characters, 120 bits. */
    public static String next() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
