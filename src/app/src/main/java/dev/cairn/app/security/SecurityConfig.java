package dev.cairn.app.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import dev.cairn.app.shell.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;

@Configuration
@EnableWebSecurity
// View annotations are enforced by Vaadin's navigation access control; services check roles and
// tenant ownership themselves. Spring method security is off: it would proxy the views.
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
        // Health is open; every other actuator endpoint is closed even to signed-in users.
        http.authorizeHttpRequests(auth -> auth.requestMatchers(SecurityRules.anonymousPathArray()).permitAll()
                .requestMatchers("/actuator/**").denyAll());
        // A session registry lets Cairn end the live sessions of a user an admin disables.
        http.sessionManagement(sessions -> sessions.maximumSessions(-1).sessionRegistry(sessionRegistry));
        http.headers(headers -> headers.contentTypeOptions(options -> { })
                .frameOptions(frame -> frame.deny()));
        // By default every URL that is not a route is refused with an empty 403 page. A signed-in user
        // who mistypes a URL should get Cairn's "Not found" page instead, so unknown URLs reach the
        // Vaadin servlet for authenticated users (its navigation access control still checks views);
        // anonymous users are still sent to the login page.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login")
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
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
