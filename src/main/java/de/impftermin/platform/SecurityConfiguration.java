package de.impftermin.platform;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff endpoints ({@code /api/v1/admin/**}, {@code /api/v1/hotline/**}) need HTTP Basic with a staff account;
 * everything citizens use is open and protected by verification tokens and admission passes instead. Stateless:
 * no session, so any instance behind the load balancer can answer any request; for the same reason the portal's forms
 * carry a CSRF token that is kept in a cookie (double submit), not in a session.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** After the staff consoles' chain ({@link StaffSecurityConfiguration}), which claims {@code /staff/**}. */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        var problems = new ProblemAuthenticationHandlers(json);
        return http.csrf(csrf ->
                        csrf.ignoringRequestMatchers("/api/**").csrfTokenRepository(new CookieCsrfTokenRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // nothing to remember or log out of without a session; both filters ran on every request
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/admin/**")
                        .hasAnyRole("ADMIN", "OPERATOR")
                        .requestMatchers("/api/v1/hotline/**")
                        .hasAnyRole("ADMIN", "AGENT")
                        .anyRequest()
                        .permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /** Content-Security-Policy, Referrer-Policy, HSTS and the cookie attributes: {@link SecurityHeaders}. */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        return SecurityHeaders.registration();
    }

    /**
     * No tracing spans around every security filter: in a profile of the booking rush the observation wrappers of the
     * filter chain took about 8 % of the application's CPU. Request metrics ({@code http.server.requests}) stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
