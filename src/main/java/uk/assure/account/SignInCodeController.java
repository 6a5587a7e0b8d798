package uk.assure.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.assure.web.FormError;

/** The second step of signing in: the code from the user's authenticator app, after the right password. */
@Controller
class SignInCodeController {

    private final TwoStep twoStep;
    private final TwoStepSignIn signIn;

    SignInCodeController(TwoStep twoStep, TwoStepSignIn signIn) {
        this.twoStep = twoStep;
        this.signIn = signIn;
    }

    @GetMapping("/sign-in/code")
    String form() {
        return "sign-in-code";
    }

    @PostMapping("/sign-in/code")
    String check(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String recoveryCode,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!recoveryCode.isBlank()) {
            return recover(user, recoveryCode, model, request, response);
        }
        String given = digits(code);
        String problem = formatProblem(given);
        if (problem == null) {
            TwoStep.Outcome outcome = twoStep.signInCode(user, given, request.getRemoteAddr());
            if (outcome.taken()) {
                return "redirect:" + signIn.complete(request, response, user);
            }
            problem = refusal(outcome);
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errors", List.of(new FormError("code", problem)));
        return "sign-in-code";
    }

    /** Signing in with a recovery code instead of the app's code, for someone without their phone. */
    private String recover(
            SignedInUser user,
            String recoveryCode,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        String problem;
        if (!TwoStep.looksLikeRecoveryCode(recoveryCode)) {
            problem = "A recovery code is 16 letters and numbers, like abcd-efgh-2345-jkmn";
        } else {
            TwoStep.Outcome outcome = twoStep.signInRecoveryCode(user, recoveryCode, request.getRemoteAddr());
            if (outcome.taken()) {
                return "redirect:" + signIn.complete(request, response, user);
            }
            problem = outcome.mustWait().isZero()
                    ? "The recovery code is not right, or it has been used"
                    : refusal(outcome);
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errors", List.of(new FormError("recoveryCode", problem)));
        return "sign-in-code";
    }

    /** The code as typed, without the spaces people put in the middle of it. */
    static String digits(String code) {
        return code.replaceAll("\\s", "");
    }

    static String formatProblem(String code) {
        if (code.isEmpty()) {
            return "Enter the code from your authenticator app";
        }
        if (code.length() != Totp.DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "The code must be " + Totp.DIGITS + " numbers";
        }
        return null;
    }

    /** Why a code was not taken, or null when it was. */
    static String refusal(TwoStep.Outcome outcome) {
        if (outcome.taken()) {
            return null;
        }
        if (!outcome.mustWait().isZero()) {
            return "There have been too many failed attempts to sign in. Wait "
                    + Math.max(1, (outcome.mustWait().toMillis() + 999) / 1000) + " seconds, then try again";
        }
        return "The code is not right, or it has been used. Enter the code your app shows now";
    }
}
