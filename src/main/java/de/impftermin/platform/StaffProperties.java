package de.impftermin.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff sign-in settings under {@code impftermin.staff.*}.
 *
 * @param sessionTimeout how long a console session may stay idle (also {@code server.servlet.session.timeout})
 * @param lockout when failed sign-ins lock an account or a client address
 * @param oidc which ID-token claims carry the role and the centres of a state login (OpenID Connect)
 */
@ConfigurationProperties("impftermin.staff")
public record StaffProperties(
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue Lockout lockout,
        @DefaultValue Oidc oidc) {

    /**
     * An account is refused while it has {@code accountFailures} failed sign-ins within {@code window}, a client
     * address while it has {@code addressFailures}; the right password does not help until the window has passed.
     */
    public record Lockout(
            @DefaultValue("5") int accountFailures,
            @DefaultValue("20") int addressFailures,
            @DefaultValue("15m") Duration window) {}

    /** Claim names in the identity provider's ID token; the role claim holds ADMIN, OPERATOR or AGENT. */
    public record Oidc(
            @DefaultValue("impftermin_role") String roleClaim,
            @DefaultValue("impftermin_centres") String centresClaim) {}
}
