package de.impftermin.platform;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The actuator: health (with the readiness and liveness probes) is public, for load balancers and orchestrators;
 * every other endpoint (metrics, Prometheus, info) needs an administrator's account over HTTP Basic, because metric
 * tags and counts tell an attacker how the rush goes. With {@code management.server.port} set the same rules hold on
 * that port.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http, JsonMapper json) throws Exception {
        var problems = new ProblemAuthenticationHandlers(json);
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                // read-only endpoints only (no shutdown, no loggers exposed), answered to scrapers, not browsers
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to("health"))
                        .permitAll()
                        .anyRequest()
                        .hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
