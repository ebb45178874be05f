package dev.cairn.app.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;

@Configuration
@EnableWebSecurity
// View annotations are enforced by Vaadin's navigation access control; services check roles and
// tenant ownership themselves. Spring method security is off: it would proxy the views.
class SecurityConfig {

    static final String LOGIN_PATH = "/login";

    /**
     * What Vaadin Flow needs and nothing more: its bootstrap page has inline scripts and its client
     * evaluates server-sent JavaScript ('unsafe-eval'); components inline styles. Everything is
     * served by Cairn itself; no page may frame Cairn.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry,
                                            SessionRevocations revocations) throws Exception {
        // Health is open; every other actuator endpoint is closed even to signed-in users.
        http.authorizeHttpRequests(auth -> auth.requestMatchers(SecurityRules.anonymousPathArray()).permitAll()
                .requestMatchers("/actuator/**").denyAll());
        // A session registry lets Cairn end the live sessions of a user an admin disables on this
        // node; the per-request check ends them on every node (ADR 0007).
        http.sessionManagement(sessions -> sessions.maximumSessions(-1).sessionRegistry(sessionRegistry)
                .expiredSessionStrategy(new SignedOutExpiredSessionStrategy(revocations, LOGIN_PATH)));
        http.addFilterAfter(new SessionValidityFilter(revocations, LOGIN_PATH), SecurityContextHolderFilter.class);
        http.addFilterBefore(new LoginOriginFilter(LOGIN_PATH), UsernamePasswordAuthenticationFilter.class);
        // Headers are written before the request reaches Vaadin: Vaadin's page handler sets
        // X-Frame-Options: SAMEORIGIN itself unless the response already has one, and Spring writes
        // its own only when the response commits, by which time Vaadin's is there.
        http.headers(headers -> headers.withObjectPostProcessor(writeHeadersEagerly())
                .contentTypeOptions(options -> { })
                .frameOptions(frame -> frame.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                // Spring writes HSTS on secure requests only: behind TLS (server.ssl, or a trusted proxy's
                // X-Forwarded-Proto), never on plain HTTP.
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        // By default every URL that is not a route is refused with an empty 403 page. A signed-in user
        // who mistypes a URL should get Cairn's "Not found" page instead, so unknown URLs reach the
        // Vaadin servlet for authenticated users (its navigation access control still checks views);
        // anonymous users are still sent to the login page.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, LOGIN_PATH)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
    }

    private static ObjectPostProcessor<HeaderWriterFilter> writeHeadersEagerly() {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        };
    }

    /** Before everything else, Spring Security included: an unknown Host gets a plain 400. */
    @Bean
    FilterRegistrationBean<AllowedHostFilter> allowedHostFilter(SecurityProperties properties) {
        FilterRegistrationBean<AllowedHostFilter> registration = new FilterRegistrationBean<>(new AllowedHostFilter(properties));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Argon2id with Spring Security's current parameters (SECURITY.md item 8). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
