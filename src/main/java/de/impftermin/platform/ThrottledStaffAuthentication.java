package de.impftermin.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username and password of a staff account, for the console's form and the API's HTTP Basic alike. A locked account or
 * address is refused before the password is even checked, so the right password does not open a lock. The only
 * {@link AuthenticationProvider} bean: Spring Security's global authentication manager then consists of it alone.
 * Failures are counted by {@link SignInAudit} from the failure event.
 */
@Component
class ThrottledStaffAuthentication implements AuthenticationProvider {

    private final SignInThrottle throttle;
    private final DaoAuthenticationProvider passwords;

    ThrottledStaffAuthentication(SignInThrottle throttle, StaffAccounts accounts, PasswordEncoder encoder) {
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        if (throttle.isLocked(authentication.getName(), clientAddress(authentication))) {
            throw new SignInLocked();
        }
        return passwords.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static @Nullable String clientAddress(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        return AuditLog.currentClientAddress();
    }

    /** Too many failures for this account or from this address; not counted as a failure of its own. */
    static final class SignInLocked extends LockedException {
        SignInLocked() {
            super("Sign-in temporarily locked after too many failures.");
        }
    }
}
