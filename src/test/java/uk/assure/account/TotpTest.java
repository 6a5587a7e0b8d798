package uk.assure.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 appendix B: the SHA-1 seed is the ASCII of "12345678901234567890". */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Nested
    class Codes {

        /** The RFC's SHA-1 vectors, 8 digits there, cut to the last 6 as our codes have. */
        @ParameterizedTest
        @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"
        })
        void matchTheRfc6238Sha1Vectors(long seconds, String eightDigits) {
            long step = Totp.step(Instant.ofEpochSecond(seconds));

            assertThat(Totp.code(RFC_SECRET, step)).isEqualTo(eightDigits.substring(2));
        }

        @Test
        void stepsAreThirtySecondsFrom1970() {
            assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
            assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
            assertThat(Totp.step(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523EC);
        }
    }

    @Nested
    class Matching {

        private final String secret = Base32.encode(RFC_SECRET);
        private final Instant now = Instant.ofEpochSecond(1111111111);
        private final long current = Totp.step(now);

        @Test
        void takesTheStepBeforeNowAndTheStepAfter() {
            for (long s = current - 1; s <= current + 1; s++) {
                assertThat(Totp.matchingStep(secret, Totp.code(RFC_SECRET, s), now, null))
                        .hasValue(s);
            }
        }

        @Test
        void refusesCodesFurtherAway() {
            assertThat(Totp.matchingStep(secret, Totp.code(RFC_SECRET, current - 2), now, null))
                    .isEmpty();
            assertThat(Totp.matchingStep(secret, Totp.code(RFC_SECRET, current + 2), now, null))
                    .isEmpty();
        }

        @Test
        void refusesACodeWhoseStepIsNotAfterTheLastAcceptedOneEvenInsideTheWindow() {
            assertThat(Totp.matchingStep(secret, Totp.code(RFC_SECRET, current), now, current))
                    .isEmpty();
            assertThat(Totp.matchingStep(secret, Totp.code(RFC_SECRET, current - 1), now, current))
                    .isEmpty();
            assertThat(Totp.matchingStep(secret, Totp.code(RFC_SECRET, current + 1), now, current))
                    .hasValue(current + 1);
        }

        @Test
        void refusesWhatIsNotSixDigits() {
            assertThat(Totp.matchingStep(secret, null, now, null)).isEmpty();
            assertThat(Totp.matchingStep(secret, "05047", now, null)).isEmpty();
            assertThat(Totp.matchingStep(secret, "0504711", now, null)).isEmpty();
            assertThat(Totp.matchingStep(secret, "05047a", now, null)).isEmpty();
        }

        @Test
        void aNewSecretIsTwentyRandomBytes() {
            String a = Totp.newSecret();
            assertThat(Base32.decode(a)).hasSize(20);
            assertThat(a).hasSize(32).isNotEqualTo(Totp.newSecret());
        }
    }

    @Nested
    class Base32Text {

        /** RFC 4648 section 10, without the padding we leave off. */
        @ParameterizedTest
        @CsvSource({
            "'', ''",
            "f, MY",
            "fo, MZXQ",
            "foo, MZXW6",
            "foob, MZXW6YQ",
            "fooba, MZXW6YTB",
            "foobar, MZXW6YTBOI"
        })
        void encodesTheRfc4648Vectors(String plain, String encoded) {
            assertThat(Base32.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
            assertThat(Base32.decode(encoded)).isEqualTo(plain.getBytes(StandardCharsets.US_ASCII));
        }

        @Test
        void roundTripsAnyBytes() {
            Random random = new Random(6238);
            for (int length = 0; length <= 41; length++) {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                assertThat(Base32.decode(Base32.encode(bytes)))
                        .as("%d bytes", length)
                        .isEqualTo(bytes);
            }
        }

        @Test
        void readsWhatPeopleTypeInGroupsAnyCaseWithPadding() {
            assertThat(Base32.decode("mzxw 6ytb-oi======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        }

        @Test
        void refusesCharactersOutsideTheAlphabet() {
            assertThatThrownBy(() -> Base32.decode("MZXW1")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
