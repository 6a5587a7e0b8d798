package uk.assure.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers every answer carries, pages, static files, the JSON API, its errors and its OpenAPI document alike:
 * a content security policy with no inline script and no framing, no referrer beyond this site, nosniff, no
 * caching of what is not public, HSTS over HTTPS. One place, so that no security chain can forget one.
 */
public final class SecurityHeaders {

    /** Pages: their own stylesheets, scripts, fonts and images only; forms post only here. */
    public static final String PAGES = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /** JSON answers load nothing and may be framed by nobody. */
    public static final String API = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    public static Customizer<HeadersConfigurer<HttpSecurity>> with(String contentSecurityPolicy) {
        return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frames -> frames.deny());
    }
}
