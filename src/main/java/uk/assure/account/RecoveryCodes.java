package uk.assure.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.assure.system.SecretTokens;

/**
 * Two-step recovery codes: ten at a time, each 16 letters and digits (80 bits) shown as four groups of four, kept
 * only as SHA-256, each taken once. Typed with or without the dashes and spaces, in either case.
 */
@Repository
class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"; // Base32: no 0/o or 1/l to confuse
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    RecoveryCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A code as a person types it, reduced to what is compared; empty when it cannot be a recovery code. */
    static String normalise(String typed) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        return code.length() == 16 && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? code : "";
    }

    /** Ten new codes for the user, replacing any they had; answered as shown, in groups of four. */
    List<String> replace(long partnershipId, long userId, Instant now) {
        forget(partnershipId, userId);
        List<String> codes = new ArrayList<>();
        while (codes.size() < COUNT) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String shown = String.join("-", code.toString().split("(?<=\\G.{4})"));
            if (!codes.contains(shown)) {
                codes.add(shown);
                jdbc.sql("""
                        INSERT INTO two_step_recovery_code (partnership_id, user_id, code_hash, created_at)
                        VALUES (?, ?, ?, ?)""")
                        .params(partnershipId, userId, SecretTokens.hash(code.toString()), Timestamp.from(now))
                        .update();
            }
        }
        return codes;
    }

    /** Takes the code if it is one of the user's, unused; true when taken. One UPDATE, so it is taken once only. */
    boolean take(long partnershipId, long userId, String normalised, Instant now) {
        return !normalised.isEmpty()
                && jdbc.sql("""
                UPDATE two_step_recovery_code SET used_at = ?
                WHERE partnership_id = ? AND user_id = ? AND code_hash = ? AND used_at IS NULL""")
                                .params(Timestamp.from(now), partnershipId, userId, SecretTokens.hash(normalised))
                                .update()
                        == 1;
    }

    int unused(long partnershipId, long userId) {
        return jdbc.sql(
                        "SELECT count(*) FROM two_step_recovery_code WHERE partnership_id = ? AND user_id = ? AND used_at IS NULL")
                .params(partnershipId, userId)
                .query(Integer.class)
                .single();
    }

    void forget(long partnershipId, long userId) {
        jdbc.sql("DELETE FROM two_step_recovery_code WHERE partnership_id = ? AND user_id = ?")
                .params(partnershipId, userId)
                .update();
    }
}
