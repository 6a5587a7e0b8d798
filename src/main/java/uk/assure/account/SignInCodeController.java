package uk.assure.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import uk.assure.system.Message;
import uk.assure.web.FormError;
import uk.assure.web.FormErrors;

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

    /** The app's code, or a recovery code instead; either far longer than a code is simply not right. */
    record CodeForm(
            @Size(max = CODE_MAX, message = "{code.error.wrong}") String code,

            @Size(max = CODE_MAX, message = "{code.error.recoveryFormat}") String recoveryCode) {

        CodeForm {
            code = code == null ? "" : code;
            recoveryCode = recoveryCode == null ? "" : recoveryCode;
        }
    }

    /** Room for a code typed with spaces in it. */
    static final int CODE_MAX = 100;

    @PostMapping("/sign-in/code")
    String check(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute CodeForm form,
            BindingResult validation,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (validation.hasErrors()) {
            return refused(model, FormErrors.of(validation));
        }
        if (!form.recoveryCode().isBlank()) {
            return recover(user, form.recoveryCode(), model, request, response);
        }
        String given = digits(form.code());
        Message problem = formatProblem(given);
        if (problem == null) {
            TwoStep.Outcome outcome = twoStep.signInCode(user, given, request.getRemoteAddr());
            if (outcome.taken()) {
                return "redirect:" + signIn.complete(request, response, user);
            }
            problem = refusal(outcome);
        }
        return refused(model, List.of(FormError.of("code", problem)));
    }

    /** The page again, with what was wrong: 200, as GOV.UK forms are. */
    private static String refused(Model model, List<FormError> errors) {
        model.addAttribute("errors", errors);
        return "sign-in-code";
    }

    /** Signing in with a recovery code instead of the app's code, for someone without their phone. */
    private String recover(
            SignedInUser user,
            String recoveryCode,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Message problem;
        if (!TwoStep.looksLikeRecoveryCode(recoveryCode)) {
            problem = Message.of("code.error.recoveryFormat");
        } else {
            TwoStep.Outcome outcome = twoStep.signInRecoveryCode(user, recoveryCode, request.getRemoteAddr());
            if (outcome.taken()) {
                return "redirect:" + signIn.complete(request, response, user);
            }
            problem = outcome.mustWait().isZero() ? Message.of("code.error.recoveryWrong") : refusal(outcome);
        }
        return refused(model, List.of(FormError.of("recoveryCode", problem)));
    }

    /** The code as typed, without the spaces people put in the middle of it. */
    static String digits(String code) {
        return code.replaceAll("\\s", "");
    }

    static Message formatProblem(String code) {
        if (code.isEmpty()) {
            return Message.of("code.error.missing");
        }
        if (code.length() != Totp.DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Message.of("code.error.format", Totp.DIGITS);
        }
        return null;
    }

    /** Why a code was not taken, or null when it was. */
    static Message refusal(TwoStep.Outcome outcome) {
        if (outcome.taken()) {
            return null;
        }
        if (!outcome.mustWait().isZero()) {
            return Message.of(
                    "signIn.error.wait", Math.max(1, (outcome.mustWait().toMillis() + 999) / 1000));
        }
        return Message.of("code.error.wrong");
    }
}
