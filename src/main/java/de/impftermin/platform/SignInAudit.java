package de.impftermin.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes sign-ins, failed sign-ins and sign-outs to the audit log, each in a transaction of its own, from Spring
 * Security's events. A console sign-in (form or OpenID Connect) is {@code SIGN_IN}; the API's HTTP Basic
 * authenticates every request and is not audited when it succeeds, only when it fails. A failed password also counts
 * against the account and the address ({@link SignInThrottle}), in the same transaction as its audit entry.
 */
@Configuration(proxyBeanMethods = false)
class SignInAudit {

    private final AuditLog audit;
    private final SignInThrottle throttle;

    SignInAudit(AuditLog audit, SignInThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    /** Every failure becomes an event, also those of OpenID Connect (Spring's default maps only a known few). */
    @Bean
    static AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        var publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        return publisher;
    }

    @EventListener
    @Transactional
    public void signedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        audit.record(actor(auth.getName()), "SIGN_IN", actor(auth.getName()), method(auth), clientAddress(auth));
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String address = clientAddress(attempt);
        String actor = event.getException() instanceof StaffOidcUsers.RefusedStateLogin refused
                ? refused.username()
                : attempt.getName();
        String reason = event.getException() instanceof ThrottledStaffAuthentication.SignInLocked
                ? "locked"
                : event.getException().getClass().getSimpleName();
        if (event.getException() instanceof BadCredentialsException) {
            throttle.recordFailure(attempt.getName(), address);
        }
        audit.record(actor(actor), "SIGN_IN_FAILED", actor(actor), method(attempt) + " " + reason, address);
    }

    @EventListener
    @Transactional
    public void signedOut(LogoutSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        audit.record(actor(auth.getName()), "SIGN_OUT", actor(auth.getName()), "", clientAddress(auth));
    }

    private static String method(Authentication auth) {
        return auth instanceof OAuth2LoginAuthenticationToken
                        || auth.getPrincipal() instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser
                ? "oidc"
                : "password";
    }

    private static @Nullable String clientAddress(Authentication auth) {
        String address = ThrottledStaffAuthentication.clientAddress(auth);
        return address == null ? AuditLog.currentClientAddress() : address;
    }

    /** The attempted name as typed, cut to what the audit table keeps; never empty. */
    static String actor(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "(blank)";
        }
        return name.length() <= 64 ? name : name.substring(0, 64);
    }
}
