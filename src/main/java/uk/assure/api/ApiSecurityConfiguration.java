package uk.assure.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import uk.assure.account.ApiTokens;
import uk.assure.account.Role;
import uk.assure.web.SecurityHeaders;

/**
 * The API's own security, ahead of the pages': a request to /api/** is signed in by its bearer token or not at
 * all. No session is made or read there, so cross-site request forgery has no cookie to ride on, and CSRF tokens
 * are not asked for. The OpenAPI document is public: it describes the API and holds no data.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String OPENAPI = "/api/openapi";

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ObjectMapper json) throws Exception {
        String[] roles = Role.IN_A_PARTNERSHIP.stream().map(Role::name).toArray(String[]::new);
        http.securityMatcher("/api/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BodySizeLimit(json), SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(OPENAPI, OPENAPI + ".yaml")
                        .permitAll()
                        .anyRequest()
                        .hasAnyRole(roles))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"assure\"");
                            problem(
                                    json,
                                    response,
                                    HttpStatus.UNAUTHORIZED,
                                    "Send a token that stands, as "
                                            + "\"Authorization: Bearer <token>\"; make one on your account page in Assure");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                problem(json, response, HttpStatus.FORBIDDEN, "Your account cannot do this")))
                .headers(SecurityHeaders.with(SecurityHeaders.API));
        return http.build();
    }

    static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** Registered with Spring's ObjectMapper: every string of a JSON body is checked as it is read. */
    @Bean
    StorableStrings storableStrings() {
        return new StorableStrings();
    }

    @Bean
    OpenAPI assureOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Assure API")
                        .version("1")
                        .description("Plans, actions and their history; progress updates and comments. Every request "
                                + "carries a personal token (Authorization: Bearer assure_...) made on the account page, "
                                + "and acts as its owner, with their role and agency."))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")));
    }
}
