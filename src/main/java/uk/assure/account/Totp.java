package uk.assure.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes as RFC 6238 defines them and every authenticator app makes them: HMAC-SHA1 of the
 * number of 30-second steps since 1970, cut to 6 digits as RFC 4226 says. Written here, not taken from a library,
 * because it is a page of code whose proof is the RFC's own test vectors ({@code TotpTest}).
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final Duration STEP = Duration.ofSeconds(30);
    /** A code is taken from one step before or after now as well: a phone's clock a little out, a code typed slowly. */
    public static final int DRIFT = 1;

    static final int SECRET_BYTES = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** 160 random bits, the length RFC 4226 recommends for HMAC-SHA1, as Base32 for the app. */
    public static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base32.encode(secret);
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** The code for one time step, with its leading zeros. */
    public static String code(byte[] secret, long step) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%0" + DIGITS + "d", binary % 1_000_000);
    }

    /**
     * The step this code belongs to, if it is the code of a step within {@link #DRIFT} of now and later than
     * {@code lastAcceptedStep} (so a code once taken, or any older one, is refused); empty otherwise. Each
     * candidate is compared in constant time.
     */
    public static OptionalLong matchingStep(String base32Secret, String code, Instant now, Long lastAcceptedStep) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] secret = Base32.decode(base32Secret);
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long found = Long.MIN_VALUE;
        for (long s = current - DRIFT; s <= current + DRIFT; s++) {
            boolean usable = lastAcceptedStep == null || s > lastAcceptedStep;
            if (MessageDigest.isEqual(given, code(secret, s).getBytes(StandardCharsets.US_ASCII))
                    && usable
                    && found == Long.MIN_VALUE) {
                found = s;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
