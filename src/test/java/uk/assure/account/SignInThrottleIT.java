package uk.assure.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.assure.support.DatabaseTest;

/** Growing delays after failed sign-ins, by account and by address, with the moments given (an injected clock). */
@DatabaseTest
class SignInThrottleIT {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    SignInThrottle throttle;

    @Test
    void threeFailuresAreFreeThenEachWaitDoublesAndTheWindowForgets() {
        String email = "Lead@Example.local";
        for (int i = 0; i < 3; i++) {
            throttle.failed(email, "10.0.0.1", T0.plusSeconds(i));
        }
        assertThat(throttle.waitFor("lead@example.local", "10.0.0.9", T0.plusSeconds(3)))
                .as("case ignored")
                .isZero();

        throttle.failed(email, "10.0.0.1", T0.plusSeconds(10));
        assertThat(throttle.waitFor(email, "10.0.0.9", T0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(1));
        throttle.failed(email, "10.0.0.1", T0.plusSeconds(11));
        assertThat(throttle.waitFor(email, "10.0.0.9", T0.plusSeconds(11))).isEqualTo(Duration.ofSeconds(2));
        throttle.failed(email, "10.0.0.1", T0.plusSeconds(13));
        assertThat(throttle.waitFor(email, "10.0.0.9", T0.plusSeconds(14))).isEqualTo(Duration.ofSeconds(3));

        assertThat(throttle.waitFor(email, "10.0.0.9", T0.plus(Duration.ofMinutes(16))))
                .as("not a lock-out")
                .isZero();
    }

    @Test
    void anAddressTryingManyAccountsWaitsToo() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("person" + i + "@example.local", "192.0.2.7", T0.plusSeconds(i));
        }

        assertThat(throttle.waitFor("someone-new@example.local", "192.0.2.7", T0.plusSeconds(5)))
                .isPositive();
        assertThat(throttle.waitFor("someone-new@example.local", "192.0.2.8", T0.plusSeconds(5)))
                .isZero();
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("cleared@example.local", "198.51.100." + i, T0.plusSeconds(i));
        }
        throttle.succeeded("cleared@example.local");

        assertThat(throttle.waitFor("cleared@example.local", "203.0.113.1", T0.plusSeconds(5)))
                .isZero();
    }
}
