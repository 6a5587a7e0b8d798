package uk.assure.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.assure.audit.AuditLog;

/**
 * Two-step sign-in: who must have it (admins), turning it on and off, and checking a code. A code works once: the
 * step it was taken for is kept with the user, and no code of that step or an earlier one is taken again. Each
 * change, and each code given at sign-in or to turn it off, taken or refused, is an audit event. Refused codes at
 * sign-in and at turning off count toward the account's sign-in throttle, as wrong passwords do, so guessing codes
 * slows down just as guessing passwords does.
 */
@Service
public class TwoStep {

    private final UserRepository users;
    private final RecoveryCodes recoveryCodes;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    TwoStep(UserRepository users, RecoveryCodes recoveryCodes, SignInThrottle throttle, AuditLog audit, Clock clock) {
        this.users = users;
        this.recoveryCodes = recoveryCodes;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Admins hold every partnership's plans in their hands, and operators make partnerships and their admins, so a
     * password alone is not enough for them.
     */
    public static boolean requiredFor(Role role) {
        return role == Role.ADMIN || role == Role.OPERATOR;
    }

    public UserRepository.TwoStepRecord state(SignedInUser user) {
        return users.twoStepBeforeSignIn(user.userId(), user.partnershipId());
    }

    /** What became of a code: taken, refused, or not even looked at because the account must wait this long. */
    public record Outcome(boolean taken, Duration mustWait) {
        static final Outcome TAKEN = new Outcome(true, Duration.ZERO);
        static final Outcome REFUSED = new Outcome(false, Duration.ZERO);
    }

    /** Turns two-step on when the code is the one the user's app makes from the new secret now; false when not. */
    @Transactional
    public boolean turnOn(SignedInUser user, String secret, String code, String address) {
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(secret, code, now, null);
        if (step.isEmpty()
                || !users.turnOnTwoStep(user.userId(), user.partnershipId(), secret, now, step.getAsLong())) {
            record(user, "TWO_STEP_CODE_REFUSED", "setting up, from " + address);
            return false;
        }
        record(user, "TWO_STEP_ON", (requiredFor(user.role()) ? "required for admins, " : "") + "from " + address);
        return true;
    }

    /** Turns two-step off with a code, for a user who is not required to have it. */
    @Transactional
    public Outcome turnOff(SignedInUser user, String code, String address) {
        if (requiredFor(user.role())) {
            throw new IllegalStateException("Two-step sign-in cannot be turned off for an admin");
        }
        Outcome outcome = check(user, code, address, "turning off");
        if (outcome.taken()) {
            users.turnOffTwoStep(user.userId(), user.partnershipId());
            recoveryCodes.forget(user.partnershipId(), user.userId());
            record(user, "TWO_STEP_OFF", "from " + address);
        }
        return outcome;
    }

    /** The second step of signing in. */
    @Transactional
    public Outcome signInCode(SignedInUser user, String code, String address) {
        Outcome outcome = check(user, code, address, "signing in");
        if (outcome.taken()) {
            record(user, "TWO_STEP_CODE_ACCEPTED", "signing in, from " + address);
        }
        return outcome;
    }

    /**
     * Ten new recovery codes, to be shown once; any the user had stop working. Only while two-step is on.
     */
    @Transactional
    public List<String> newRecoveryCodes(SignedInUser user, String address) {
        if (!state(user).on()) {
            throw new IllegalStateException("Recovery codes are for two-step sign-in, which is off");
        }
        List<String> codes = recoveryCodes.replace(user.partnershipId(), user.userId(), clock.instant());
        record(user, "TWO_STEP_RECOVERY_CODES_MADE", codes.size() + " codes, any earlier ones ended, from " + address);
        return codes;
    }

    /** How many of the user's recovery codes are still unused. */
    public int recoveryCodesLeft(SignedInUser user) {
        return recoveryCodes.unused(user.partnershipId(), user.userId());
    }

    /** Whether what was typed has the form of a recovery code (not whether it is one). */
    public static boolean looksLikeRecoveryCode(String typed) {
        return !RecoveryCodes.normalise(typed).isEmpty();
    }

    /** The second step of signing in with a recovery code instead of the app's code: each works once. */
    @Transactional
    public Outcome signInRecoveryCode(SignedInUser user, String typed, String address) {
        Instant now = clock.instant();
        Duration wait = throttle.waitFor(user.getUsername(), address, now);
        if (!wait.isZero()) {
            return new Outcome(false, wait);
        }
        if (state(user).on()
                && recoveryCodes.take(user.partnershipId(), user.userId(), RecoveryCodes.normalise(typed), now)) {
            throttle.succeeded(user.getUsername());
            record(
                    user,
                    "TWO_STEP_RECOVERY_CODE_USED",
                    "signing in, " + recoveryCodesLeft(user) + " left, from " + address);
            return Outcome.TAKEN;
        }
        throttle.failed(user.getUsername(), address, now);
        record(user, "TWO_STEP_CODE_REFUSED", "a recovery code, signing in, from " + address);
        return Outcome.REFUSED;
    }

    private Outcome check(SignedInUser user, String code, String address, String purpose) {
        Instant now = clock.instant();
        Duration wait = throttle.waitFor(user.getUsername(), address, now);
        if (!wait.isZero()) {
            return new Outcome(false, wait);
        }
        UserRepository.TwoStepRecord state = state(user);
        OptionalLong step =
                state.on() ? Totp.matchingStep(state.secret(), code, now, state.lastStep()) : OptionalLong.empty();
        if (step.isPresent() && users.takeTwoStepStep(user.userId(), user.partnershipId(), step.getAsLong())) {
            throttle.succeeded(user.getUsername());
            return Outcome.TAKEN;
        }
        throttle.failed(user.getUsername(), address, now);
        record(user, "TWO_STEP_CODE_REFUSED", purpose + ", from " + address);
        return Outcome.REFUSED;
    }

    private void record(SignedInUser user, String type, String details) {
        audit.record(new AuditLog.Event(
                user.partnershipId(),
                user.userId(),
                user.getUsername(),
                type,
                "user",
                user.externalId(),
                null,
                null,
                details));
    }
}
