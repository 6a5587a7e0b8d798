package uk.assure.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status an invitation's times give, and what each status still allows, as one table. */
class InvitationStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @ParameterizedTest(name = "accepted {0}, revoked {1}, expires {2}: {3}")
    @CsvSource(nullValues = "-", textBlock = """
            # accepted             revoked                expires                status    accept resend revoke
            -,                     -,                     2026-11-30T12:00:00Z,  PENDING,  true,  true,  true
            -,                     -,                     2026-11-23T12:00:00Z,  EXPIRED,  false, true,  true
            -,                     -,                     2026-11-20T12:00:00Z,  EXPIRED,  false, true,  true
            2026-11-22T12:00:00Z,  -,                     2026-11-30T12:00:00Z,  ACCEPTED, false, false, false
            2026-11-22T12:00:00Z,  -,                     2026-11-20T12:00:00Z,  ACCEPTED, false, false, false
            -,                     2026-11-22T12:00:00Z,  2026-11-30T12:00:00Z,  REVOKED,  false, false, false
            -,                     2026-11-22T12:00:00Z,  2026-11-20T12:00:00Z,  REVOKED,  false, false, false
            """)
    void statusAndWhatItAllows(
            Instant accepted,
            Instant revoked,
            Instant expires,
            InvitationStatus status,
            boolean accept,
            boolean resend,
            boolean revoke) {
        InvitationStatus derived = InvitationStatus.of(accepted, revoked, expires, NOW);
        assertThat(derived).isEqualTo(status);
        assertThat(derived.mayAccept()).as("accept").isEqualTo(accept);
        assertThat(derived.mayResend()).as("re-send").isEqualTo(resend);
        assertThat(derived.mayRevoke()).as("revoke").isEqualTo(revoke);
    }
}
