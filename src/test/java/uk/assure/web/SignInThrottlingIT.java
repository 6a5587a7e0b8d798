package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;
import uk.assure.support.TestClock;

/**
 * After repeated failed sign-ins the next attempt waits, even with the right password, and the page says how long;
 * an unknown email and a wrong password get the same answer, in the same time.
 */
@AppTest
@TestPropertySource(properties = "assure.test.context=throttling")
class SignInThrottlingIT {

    @LocalServerPort
    int port;

    @Test
    void repeatedFailuresMakeTheNextAttemptWaitEvenWithTheRightPassword() {
        Browserless browser = new Browserless(port);
        for (int i = 0; i < 6; i++) { // the 6th failure asks for a 4-second wait: room for a slow machine
            browser.signIn(FreshDatabase.ADMIN_EMAIL, "not the password " + i);
        }

        HttpResponse<String> refused = browser.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);

        assertThat(refused.uri().getPath()).isEqualTo("/sign-in");
        assertThat(refused.uri().getQuery()).startsWith("wait=");
        assertThat(Jsoup.parse(refused.body()).select(".govuk-error-summary").text())
                .contains("too many failed attempts", "Wait", "seconds");
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswerInTheSameTime() {
        TestClock clock = TestClock.of(port);
        long[] unknown = new long[7];
        long[] wrong = new long[7];
        for (int i = 0; i < unknown.length; i++) {
            clock.move(Duration.ofMinutes(16)); // the throttle's window forgets earlier failures
            Browserless browser = new Browserless(port);
            String csrf = Browserless.csrf(browser.page("/sign-in"));
            long start = System.nanoTime();
            HttpResponse<String> nobody = browser.firstAnswer(
                    "POST",
                    "/sign-in",
                    Map.of("email", "nobody-" + i + "@nowhere.test", "password", "not the password", "_csrf", csrf));
            unknown[i] = System.nanoTime() - start;
            start = System.nanoTime();
            HttpResponse<String> someone = browser.firstAnswer(
                    "POST",
                    "/sign-in",
                    Map.of("email", FreshDatabase.ADMIN_EMAIL, "password", "not the password", "_csrf", csrf));
            wrong[i] = System.nanoTime() - start;
            assertThat(nobody.statusCode()).isEqualTo(someone.statusCode()).isEqualTo(302);
            assertThat(nobody.headers().firstValue("Location"))
                    .isEqualTo(someone.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?error"));
        }
        clock.move(Duration.ofMinutes(16));
        // both check a password against an Argon2 hash (a stand-in one for an unknown email): without that, an unknown
        // email would be answered ten or more times faster. The fastest of each is compared, the time least disturbed
        // by a busy machine (a shared CI host pushed a median ratio past 2 once), within a factor of three.
        Arrays.sort(unknown);
        Arrays.sort(wrong);
        double ratio = (double) unknown[0] / wrong[0];
        assertThat(ratio)
                .as("fastest time for an unknown email over that for a wrong password")
                .isBetween(1 / 3.0, 3.0);
    }
}
