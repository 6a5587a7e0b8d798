package uk.assure.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.assure.support.English;

/** Length, not composition; the most common passwords and the account's own email refused. */
class PasswordRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"correct horse battery staple", "8chars!!", "ünïcödé pässwörd", "a sentence I will remember"})
    void longEnoughUncommonPasswordsAreAcceptedWhateverTheirCharacters(String password) {
        assertThat(problem(password, "jo@example.local")).isEmpty();
    }

    @Test
    void sixtyFourAndMoreCharactersAreAccepted() {
        assertThat(problem("x1".repeat(32) + " plus a little more", "jo@example.local"))
                .isEmpty();
        assertThat(problem("y".repeat(129), "jo@example.local"))
                .hasValue("Your password must be 128 characters or fewer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password123", "12345678", "qwertyuiop", "Safeguarding1", "aaaaaaaaaaaa", "abababab"})
    void commonOrTrivialPasswordsAreRefused(String password) {
        assertThat(problem(password, "jo@example.local"))
                .hasValueSatisfying(m -> assertThat(m).contains("harder to guess"));
    }

    @Test
    void shortPasswordsAndTheEmailItselfAreRefused() {
        assertThat(problem("short", "jo@example.local")).hasValue("Your password must be at least 8 characters");
        assertThat(problem("JO@example.local", "jo@example.local"))
                .hasValue("Your password must not be your email address");
    }

    /** The reason in words, as the page shows it. */
    private static Optional<String> problem(String password, String email) {
        return PasswordRules.problem(password, email).map(English::of);
    }
}
