package dev.cairn.app.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The REST API's own security chain, ahead of the Vaadin chain (SECURITY.md item 12): stateless
 * (no session created or read, so the UI's session cookie counts for nothing here), no CSRF (no
 * cookie means no ambient authority to forge), no form login or redirects. A request authenticates
 * with a bearer API token only, through Spring Security's BearerTokenAuthenticationFilter and
 * {@link ApiTokenAuthenticator}; refusals are problem details. The Vaadin chain has no bearer
 * filter, so a token opens nothing there.
 *
 * <p>The OpenAPI description and its UI under /api/docs (files under /api/swagger-ui) are public: they describe the endpoints
 * and hold no tenant data (docs/api.md).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    static final String API_PATHS = "/api/**";
    static final String DOCS_PATHS = "/api/docs/**";
    /** springdoc serves the UI's files beside the UI's path (/api/docs redirects to /api/swagger-ui/index.html). */
    static final String DOCS_UI_FILES = "/api/swagger-ui/**";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenAuthenticator authenticator,
                                               ApiProperties properties) throws Exception {
        ApiProblems problems = new ApiProblems();
        ProviderManager tokens = new ProviderManager(authenticator.provider());
        http.securityMatcher(API_PATHS)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/docs", DOCS_PATHS, DOCS_UI_FILES).permitAll()
                        .anyRequest().authenticated())
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // Spring Security's resource-server support: its BearerTokenAuthenticationFilter reads the
                // Authorization header (never a query parameter or form field) and hands the token to
                // Cairn's own provider; no JWT or introspection server is involved.
                .oauth2ResourceServer(bearer -> bearer.authenticationManagerResolver(request -> tokens)
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiBodyLimitFilter(properties.json().maxBodyBytes()), BearerTokenAuthenticationFilter.class);
        return http.build();
    }
}
