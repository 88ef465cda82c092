package de.impftermin.platform;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The staff consoles under {@code /staff/**}: unlike the API, a session (cookie HttpOnly, SameSite=Lax, Secure on
 * HTTPS; idle timeout {@code impftermin.staff.session-timeout}), so that a person signs in once per shift. Form login
 * with the throttled local accounts, and OpenID Connect where a registration is configured
 * ({@code spring.security.oauth2.client.registration.*}). CSRF tokens live in the session; the session id changes at
 * sign-in. Which console a role may open is decided here, in one place.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

    static final String LOGIN = "/staff/login";

    @Bean
    @Order(1)
    SecurityFilterChain staff(
            HttpSecurity http,
            ObjectProvider<ClientRegistrationRepository> registrations,
            StaffProperties properties,
            JdbcClient jdbc)
            throws Exception {
        var forbidden = new AccessDeniedHandlerImpl();
        forbidden.setErrorPage("/staff/forbidden");
        http.securityMatcher("/staff/**")
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(LOGIN, "/staff/oauth2/**", "/staff/login/oauth2/**")
                        .permitAll()
                        .requestMatchers("/staff/hotline/**")
                        .hasAnyRole("AGENT", "ADMIN")
                        .requestMatchers("/staff/centre/**")
                        .hasAnyRole("OPERATOR", "ADMIN")
                        .requestMatchers("/staff/office/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage(LOGIN)
                        .loginProcessingUrl(LOGIN)
                        .defaultSuccessUrl("/staff", false)
                        .failureUrl(LOGIN + "?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/staff/logout")
                        .logoutSuccessUrl(LOGIN + "?signedOut")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(ex -> ex.accessDeniedHandler(forbidden))
                .addFilterAfter(new PasswordChangeGate(), AuthorizationFilter.class)
                .addFilterBefore(new ActiveAccountGate(jdbc), AuthorizationFilter.class);
        ClientRegistrationRepository oidc = registrations.getIfAvailable();
        if (oidc != null) {
            http.oauth2Login(login -> login.loginPage(LOGIN)
                    .clientRegistrationRepository(oidc)
                    .authorizationEndpoint(endpoint -> endpoint.baseUri("/staff/oauth2/authorization"))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri("/staff/login/oauth2/code/*"))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new StaffOidcUsers(properties.oidc())))
                    .defaultSuccessUrl("/staff", false)
                    .failureUrl(LOGIN + "?refused"));
        }
        return http.build();
    }
}
