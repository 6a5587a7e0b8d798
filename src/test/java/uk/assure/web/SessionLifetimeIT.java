package uk.assure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import uk.assure.support.AppTest;
import uk.assure.support.Browserless;
import uk.assure.support.FreshDatabase;
import uk.assure.support.TestClock;

/** However busy, a session signed in longer ago than the absolute limit ends (the clock is moved, not waited for). */
@AppTest
@TestPropertySource(properties = {"assure.test.context=session-lifetime", "assure.session-absolute-timeout=1h"})
class SessionLifetimeIT {

    @LocalServerPort
    int port;

    @Autowired
    TestClock hands;

    @Test
    void aSessionOlderThanTheAbsoluteLimitEndsAndSaysSo() {
        Browserless browser = new Browserless(port);
        browser.signIn(FreshDatabase.ADMIN_EMAIL, FreshDatabase.ADMIN_PASSWORD);
        assertThat(browser.get("/plans").uri().getPath()).isEqualTo("/plans");

        hands.move(Duration.ofMinutes(59));
        assertThat(browser.get("/plans").uri().getPath()).as("within the hour").isEqualTo("/plans");
        hands.move(Duration.ofMinutes(2));
        HttpResponse<String> expired = browser.get("/plans");

        assertThat(expired.uri().getPath()).isEqualTo("/sign-in");
        assertThat(Jsoup.parse(expired.body()).select(".govuk-inset-text").text())
                .contains("signed in too long ago");
        assertThat(browser.get("/plans").uri().getPath())
                .as("the session is gone")
                .isEqualTo("/sign-in");
    }
}
