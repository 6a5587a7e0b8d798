package uk.assure.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Growing delays after failed sign-ins, per account and per address: the first {@value #FREE} failures in
 * {@link #WINDOW} cost nothing; after that each attempt must wait 1, 2, 4, 8 … seconds (at most
 * {@link #LONGEST}) after the latest failure. Never a permanent lock-out: the window forgets. Kept in the
 * database, so every app node applies the same delays. The wait is asked before the password is checked, and
 * before a two-step code is. Wrong two-step codes count as failures too; failures are forgiven only when the whole
 * sign-in succeeds ({@link TwoStepSignIn}, {@link TwoStep}), not at a right password with a code still to come.
 */
@Service
class SignInThrottle {

    static final int FREE = 3;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LONGEST = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long this email and this address must still wait before another attempt; zero when they need not. */
    @Transactional(readOnly = true)
    public Duration waitFor(String email, String address, Instant now) {
        Duration byEmail = waitBy("email_key", key(email), now);
        Duration byAddress = waitBy("address", address, now);
        return byEmail.compareTo(byAddress) >= 0 ? byEmail : byAddress;
    }

    private Duration waitBy(String column, String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        var row = jdbc.sql("SELECT count(*), max(failed_at) FROM sign_in_failure WHERE " + column
                        + " = ? AND failed_at > ?")
                .params(value, Timestamp.from(now.minus(WINDOW)))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)})
                .single();
        long failures = (Long) row[0];
        if (failures <= FREE) {
            return Duration.ZERO;
        }
        long seconds = Math.min(LONGEST.toSeconds(), 1L << Math.min(30, failures - FREE - 1));
        Instant until = ((Timestamp) row[1]).toInstant().plusSeconds(seconds);
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    @Transactional
    public void failed(String email, String address, Instant at) {
        jdbc.sql("INSERT INTO sign_in_failure (email_key, address, failed_at) VALUES (?, ?, ?)")
                .params(key(email), address == null ? "unknown" : address, Timestamp.from(at))
                .update();
        jdbc.sql("DELETE FROM sign_in_failure WHERE failed_at < ?")
                .param(Timestamp.from(at.minus(WINDOW)))
                .update();
    }

    @Transactional
    public void succeeded(String email) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE email_key = ?")
                .param(key(email))
                .update();
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        failed(String.valueOf(event.getAuthentication().getPrincipal()), address(), clock.instant());
    }

    static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String address() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getRemoteAddr()
                : null;
    }
}
