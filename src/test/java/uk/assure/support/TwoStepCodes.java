package uk.assure.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import uk.assure.account.Base32;
import uk.assure.account.Totp;

/**
 * The tests' authenticator app: the secret of each account, learned from the set-up page as a person's app would
 * scan it, and codes made from it on the app's own clock ({@link TestClock}). Kept per app and email, because each
 * app a test starts has its own database, where the same first admin has a secret of its own.
 *
 * <p>A code works once, so each code given is of a later step than the last: the current step, then the next (both
 * still good if the clock turns over before the app checks). When those are used up, the app's clock is moved on to
 * the next step instead of waiting for it, so signing the same user in many times costs no time.
 */
public final class TwoStepCodes {

    private record Account(int port, String email) {}

    private static final Map<Account, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<Account, Long> LAST_STEP = new ConcurrentHashMap<>();

    private TwoStepCodes() {}

    /** As the app scans the QR code: the secret from the set-up page, spaces and all. */
    public static void learn(int port, String email, String secret) {
        SECRETS.put(new Account(port, email.toLowerCase()), secret.replace(" ", ""));
    }

    public static boolean knows(int port, String email) {
        return SECRETS.containsKey(new Account(port, email.toLowerCase()));
    }

    /** A code the app has not taken yet, moving the app's clock on a step when the window has none left. */
    public static synchronized String next(int port, String email) {
        Account account = new Account(port, email.toLowerCase());
        TestClock clock = TestClock.of(port);
        long now = Totp.step(clock.instant());
        long step = Math.max(LAST_STEP.getOrDefault(account, Long.MIN_VALUE) + 1, now);
        if (step > now + Totp.DRIFT) {
            clock.moveTo(Instant.ofEpochSecond((step - Totp.DRIFT) * Totp.STEP.toSeconds()));
        }
        LAST_STEP.put(account, step);
        return Totp.code(Base32.decode(secret(account)), step);
    }

    /** The code last given: the app must refuse it now. */
    public static String last(int port, String email) {
        Account account = new Account(port, email.toLowerCase());
        return Totp.code(Base32.decode(secret(account)), LAST_STEP.get(account));
    }

    /** Six digits that are the code of no step the app would take now. */
    public static String wrong(int port, String email) {
        Account account = new Account(port, email.toLowerCase());
        long now = Totp.step(TestClock.of(port).instant());
        Set<String> good = LongStream.rangeClosed(now - 2, now + 2)
                .mapToObj(s -> Totp.code(Base32.decode(secret(account)), s))
                .collect(Collectors.toSet());
        return good.contains("123456") ? "654321" : "123456";
    }

    private static String secret(Account account) {
        String secret = SECRETS.get(account);
        if (secret == null) {
            throw new IllegalStateException("No two-step secret learned for " + account.email() + " on port "
                    + account.port() + ": sign in through the set-up page first");
        }
        return secret;
    }

    /** For tests that age the app between steps. */
    public static void moveClock(int port, Duration by) {
        TestClock.of(port).move(by);
    }
}
