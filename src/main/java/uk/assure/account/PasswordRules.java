package uk.assure.account;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import uk.assure.system.Message;

/**
 * What a new password must be, as NCSC and NIST advise: at least 8 characters, up to 128, any characters, no
 * composition rules; not one of the passwords people choose most often, and not the account's own email.
 */
public final class PasswordRules {

    public static final int MIN = 8;
    public static final int MAX = 128;

    /** The most common choices, and words an attacker tries first for this service. Compared in lower case. */
    private static final Set<String> COMMON = Set.of(
            "password",
            "password1",
            "password12",
            "password123",
            "password1234",
            "passw0rd",
            "p@ssw0rd",
            "p@ssword",
            "12345678",
            "123456789",
            "1234567890",
            "87654321",
            "11111111",
            "00000000",
            "12341234",
            "qwertyui",
            "qwertyuiop",
            "qwerty123",
            "qwerty12",
            "1qaz2wsx",
            "1q2w3e4r",
            "1q2w3e4r5t",
            "zaq12wsx",
            "asdfghjk",
            "asdfghjkl",
            "iloveyou",
            "iloveyou1",
            "sunshine",
            "sunshine1",
            "princess",
            "football",
            "football1",
            "baseball",
            "superman",
            "starwars",
            "trustno1",
            "welcome1",
            "welcome123",
            "letmein1",
            "letmein123",
            "changeme",
            "changeme1",
            "admin123",
            "administrator",
            "abc12345",
            "abcd1234",
            "aa123456",
            "monkey123",
            "dragon123",
            "master123",
            "shadow123",
            "liverpool",
            "liverpool1",
            "chelsea1",
            "arsenal1",
            "manchester",
            "newcastle",
            "sunderland",
            "middlesbrough",
            "summer2024",
            "summer2025",
            "summer2026",
            "winter2025",
            "winter2026",
            "spring2026",
            "autumn2026",
            "january2026",
            "november2026",
            "december2026",
            "safeguarding",
            "safeguarding1",
            "children1",
            "council1",
            "council123",
            "police123",
            "assure123",
            "assurance",
            "partnership",
            "partnership1");

    private PasswordRules() {}

    /** The reason a password cannot be used, in GOV.UK wording; empty when it can. */
    public static Optional<Message> problem(String password, String email) {
        if (password == null || password.length() < MIN) {
            return Optional.of(Message.of("password.error.short", MIN));
        }
        if (password.length() > MAX) {
            return Optional.of(Message.of("password.error.long", MAX, password.length()));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() <= 2) {
            return Optional.of(Message.of("password.error.common"));
        }
        if (email != null
                && (lower.equals(email.toLowerCase(Locale.ROOT))
                        || lower.equals(email.toLowerCase(Locale.ROOT).replaceAll("@.*", "")))) {
            return Optional.of(Message.of("password.error.email"));
        }
        return Optional.empty();
    }

    /** 20 letters and digits, with none that are easily confused (l, 1, O, 0): about 117 bits. */
    public static String generatePassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
