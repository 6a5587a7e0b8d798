package uk.assure.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.assure.system.Message;
import uk.assure.web.FormError;

/**
 * Setting two-step sign-in up, and turning it off. The new secret waits in the session until a code from the app
 * proves the app has it; only then is it stored. An admin is held here after the password until it is on, and then
 * carries on signed in; anyone else may turn it on, and off again with a code.
 */
@Controller
class TwoStepController {

    static final String NEW_SECRET = "assure.twoStep.newSecret";
    private static final String ISSUER = "Assure";

    private final TwoStep twoStep;
    private final TwoStepSignIn signIn;
    private final MessageSource messages;

    TwoStepController(TwoStep twoStep, TwoStepSignIn signIn, MessageSource messages) {
        this.twoStep = twoStep;
        this.signIn = signIn;
        this.messages = messages;
    }

    /** The code from the app. */
    record CodeForm(
            @Size(max = SignInCodeController.CODE_MAX, message = "{code.error.wrong}") String code) {

        CodeForm {
            code = code == null ? "" : code;
        }
    }

    @GetMapping("/account/two-step")
    String page(
            @AuthenticationPrincipal SignedInUser user,
            Authentication authentication,
            HttpSession session,
            Model model) {
        UserRepository.TwoStepRecord state = twoStep.state(user);
        model.addAttribute("on", state.on());
        model.addAttribute("onSince", state.onSince());
        model.addAttribute("required", TwoStep.requiredFor(user.role()));
        model.addAttribute("heldHere", TwoStepSignIn.stage(authentication).isPresent());
        if (state.on()) {
            model.addAttribute("recoveryLeft", twoStep.recoveryCodesLeft(user));
        }
        if (!state.on()) {
            String secret = session.getAttribute(NEW_SECRET) instanceof String s ? s : Totp.newSecret();
            session.setAttribute(NEW_SECRET, secret);
            String uri = "otpauth://totp/" + encode(ISSUER + ":" + user.getUsername()) + "?secret=" + secret
                    + "&issuer=" + encode(ISSUER) + "&algorithm=SHA1&digits=" + Totp.DIGITS
                    + "&period=" + Totp.STEP.toSeconds();
            model.addAttribute("secretGroups", String.join(" ", secret.split("(?<=\\G.{4})")));
            model.addAttribute("uri", uri);
            String title = messages.getMessage("twoStep.qrCode", null, LocaleContextHolder.getLocale());
            model.addAttribute("qrCode", QrCodeSvg.of(uri, title, 200));
        }
        return "account/two-step";
    }

    @PostMapping("/account/two-step")
    String turnOn(
            @AuthenticationPrincipal SignedInUser user,
            Authentication authentication,
            @Valid @ModelAttribute CodeForm form,
            BindingResult validation,
            HttpSession session,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!(session.getAttribute(NEW_SECRET) instanceof String secret)
                || twoStep.state(user).on()) {
            return "redirect:/account/two-step";
        }
        String given = SignInCodeController.digits(form.code());
        Message problem = validation.hasErrors()
                ? Message.of("code.error.wrongSetUp")
                : SignInCodeController.formatProblem(given);
        if (problem == null && !twoStep.turnOn(user, secret, given, request.getRemoteAddr())) {
            problem = Message.of("code.error.wrongSetUp");
        }
        if (problem != null) {
            // the page again, with what was wrong: 200, as GOV.UK forms are
            model.addAttribute("errors", List.of(FormError.of("code", problem)));
            return page(user, authentication, session, model);
        }
        session.removeAttribute(NEW_SECRET);
        if (TwoStepSignIn.stage(authentication).isPresent()) {
            // on to the page first asked for, with a reminder to make recovery codes
            redirect.addFlashAttribute("recoveryReminder", true);
            return "redirect:" + signIn.complete(request, response, user);
        }
        redirect.addFlashAttribute("turnedOn", true);
        return "redirect:/account/two-step#recovery";
    }

    /** Ten new recovery codes, shown on this answer only; any earlier ones stop working. */
    @PostMapping("/account/two-step/recovery-codes")
    String recoveryCodes(
            @AuthenticationPrincipal SignedInUser user,
            Authentication authentication,
            HttpSession session,
            Model model,
            HttpServletRequest request) {
        if (!twoStep.state(user).on()) {
            return "redirect:/account/two-step";
        }
        model.addAttribute("recoveryCodes", twoStep.newRecoveryCodes(user, request.getRemoteAddr()));
        return page(user, authentication, session, model);
    }

    @PostMapping("/account/two-step/off")
    String turnOff(
            @AuthenticationPrincipal SignedInUser user,
            Authentication authentication,
            @Valid @ModelAttribute CodeForm form,
            BindingResult validation,
            HttpSession session,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (TwoStep.requiredFor(user.role()) || !twoStep.state(user).on()) {
            return "redirect:/account/two-step";
        }
        String given = SignInCodeController.digits(form.code());
        Message problem =
                validation.hasErrors() ? Message.of("code.error.wrong") : SignInCodeController.formatProblem(given);
        if (problem == null) {
            problem = SignInCodeController.refusal(twoStep.turnOff(user, given, request.getRemoteAddr()));
        }
        if (problem != null) {
            // the page again, with what was wrong: 200, as GOV.UK forms are
            model.addAttribute("errors", List.of(FormError.of("code", problem)));
            return page(user, authentication, session, model);
        }
        redirect.addFlashAttribute("turnedOff", true);
        return "redirect:/account/two-step";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
