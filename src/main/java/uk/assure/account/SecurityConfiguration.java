package uk.assure.account;

import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import uk.assure.system.AssureProperties;
import uk.assure.web.SecurityHeaders;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity // for features below account that guard a handler by role (the audit log)
class SecurityConfiguration {

    /** Argon2id with OWASP's minimum: 19 MiB of memory, 2 iterations, 1 lane. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
    }

    @Bean
    @ConditionalOnWebApplication
    SessionLifetimeFilter.Stamp sessionStamp(Clock clock) {
        return new SessionLifetimeFilter.Stamp(clock);
    }

    /** The static files every page loads: public, and served without reading a session (sessions are in the database). */
    static final String[] STATIC_FILES = {"/webjars/**", "/assets/**", "/css/**", "/js/**", "/favicon.ico"};

    /**
     * Stylesheets, scripts, fonts and images: public, with the same headers as pages, but no session is read or made
     * for them, so a page's dozen files cost the database nothing.
     */
    @Bean
    @Order(0)
    @ConditionalOnWebApplication
    SecurityFilterChain staticFiles(HttpSecurity http) throws Exception {
        // every filter that would look at a session is left out: session management, the anonymous sign-in (its
        // details name the session), the request cache, the servlet API's wrappers, CSRF (nothing here takes a form)
        http.securityMatcher(STATIC_FILES)
                .sessionManagement(session -> session.disable())
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .anonymous(anonymous -> anonymous.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(api -> api.disable())
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders.with(SecurityHeaders.PAGES))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /** Only with a web server: the command line ({@code assure import}) starts the app without one. */
    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain pages(
            HttpSecurity http,
            SignInThrottle throttle,
            Clock clock,
            AssureProperties properties,
            UserRepository users,
            TwoStepSignIn twoStep,
            SingleSignOn singleSignOn)
            throws Exception {
        String[] roles = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);
        // a platform operator's account reaches only the operator's pages and its own password and two-step
        String[] partnershipRoles =
                Role.IN_A_PARTNERSHIP.stream().map(Role::name).toArray(String[]::new);
        String[] setUpOrRole = Stream.concat(
                        Stream.of(TwoStepSignIn.Stage.SET_UP.authority()),
                        Arrays.stream(roles).map(r -> "ROLE_" + r))
                .toArray(String[]::new);
        http.addFilterBefore(new SignInThrottleFilter(throttle, clock), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(
                        new SessionLifetimeFilter(clock, properties.sessionAbsoluteTimeout(), users),
                        SecurityContextHolderFilter.class)
                .addFilterAfter(new PartnershipScopeFilter(), SecurityContextHolderFilter.class)
                // a session signed in part way is sent to its step's page, and holds no role for anything else
                .addFilterBefore(new TwoStepFilter(), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // first, as the first rule that matches decides: the code page is for a session owing a code
                        .requestMatchers("/sign-in/code")
                        .hasAuthority(TwoStepSignIn.Stage.CODE.authority())
                        // /sign-in/** holds single sign-on and its refusal page; /invitations/** the links in emails
                        .requestMatchers(
                                "/sign-in",
                                "/sign-in/**",
                                "/invitations/**",
                                "/actuator/health",
                                "/webjars/**",
                                "/assets/**",
                                "/css/**",
                                "/js/**",
                                "/favicon.ico",
                                "/error")
                        .permitAll()
                        .requestMatchers("/account/two-step", "/account/two-step/**")
                        .hasAnyAuthority(setUpOrRole)
                        .requestMatchers("/platform", "/platform/**")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers("/", "/account/password")
                        .hasAnyRole(roles)
                        .anyRequest()
                        .hasAnyRole(partnershipRoles))
                .formLogin(form -> form.loginPage("/sign-in")
                        .usernameParameter("email")
                        .successHandler(twoStep) // on to the code, or to setting two-step up, or in
                        .failureUrl("/sign-in?error"))
                .logout(logout -> logout.logoutUrl("/sign-out")
                        .logoutSuccessUrl("/sign-in?signedOut")
                        // signing out ends every session of the user, on every node
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
                                users.endSessions(user.userId(), clock.instant());
                            }
                        }))
                .headers(SecurityHeaders.with(SecurityHeaders.PAGES));
        singleSignOn.configure(http);
        return http.build();
    }
}
