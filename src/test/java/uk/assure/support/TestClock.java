package uk.assure.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of an app started by a test: the real time plus an offset that tests move forward, never back. Each app
 * has its own, found by its port, so that a test helper can ask the time the app sees (to make a two-step code) and
 * move it on rather than wait (when a helper has used up the codes of the moment, or a session must age).
 */
public final class TestClock extends Clock implements ApplicationListener<WebServerInitializedEvent> {

    private static final Map<Integer, TestClock> BY_PORT = new ConcurrentHashMap<>();
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** The clock of the app listening on this port. */
    public static TestClock of(int port) {
        TestClock clock = BY_PORT.get(port);
        if (clock == null) {
            throw new IllegalStateException("No test app on port " + port + " (is the test an @AppTest?)");
        }
        return clock;
    }

    public void move(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward");
        }
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Moves the clock on to the moment given, unless it is past it already. */
    public void moveTo(Instant at) {
        Duration ahead = Duration.between(instant(), at);
        if (!ahead.isNegative()) {
            move(ahead);
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return UK;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        BY_PORT.put(event.getWebServer().getPort(), this);
    }

    /** Imported by {@link AppTest}: the app's one clock is this one. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
