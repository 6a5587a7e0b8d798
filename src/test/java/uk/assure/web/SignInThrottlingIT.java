package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;

/** After repeated failed sign-ins the next attempt waits, even with the right password, and the page says how long. */
@AppTest
@TestPropertySource(properties = "assure.test.context=throttling")
class SignInThrottlingIT {

    @LocalServerPort int port;

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
}
