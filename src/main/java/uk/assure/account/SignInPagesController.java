package uk.assure.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.assure.system.AssureProperties;

/** The sign-in page, and where single sign-on lands someone it does not know. */
@Controller
class SignInPagesController {

    /** Where the single sign-on button starts the provider's sign-in (uk.assure.account.SingleSignOn.START). */
    static final String SINGLE_SIGN_ON_START = "/sign-in/sso/start/oidc";

    private final AssureProperties.Oidc oidc;

    SignInPagesController(AssureProperties properties) {
        this.oidc = properties.oidc();
    }

    @GetMapping("/sign-in")
    String signIn(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String signedOut,
            @RequestParam(required = false) Integer wait,
            @RequestParam(required = false) String expired,
            @RequestParam(required = false) String ssoFailed,
            Model model) {
        model.addAttribute("expired", expired != null);
        model.addAttribute("failed", error != null || wait != null);
        model.addAttribute("waitSeconds", wait);
        model.addAttribute("signedOut", signedOut != null);
        singleSignOn(model);
        model.addAttribute("ssoFailed", ssoFailed != null && oidc.configured());
        return "sign-in";
    }

    /** Single sign-on worked at the provider, but its email has no account or invitation here. */
    @GetMapping("/sign-in/no-account")
    String noAccount(Model model) {
        singleSignOn(model);
        return "sign-in-no-account";
    }

    private void singleSignOn(Model model) {
        if (oidc.configured()) {
            model.addAttribute("ssoName", oidc.name());
            model.addAttribute("ssoStart", SINGLE_SIGN_ON_START);
        }
    }
}
