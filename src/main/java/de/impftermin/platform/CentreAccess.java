package de.impftermin.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Operators act only on their own centres; administrators on all. */
public final class CentreAccess {

    private CentreAccess() {}

    public static void require(String centreId) {
        requireAuthority("CENTRE_" + centreId, "You may not manage centre " + centreId + ".");
    }

    public static void requireAdmin() {
        requireAuthority(null, "Only an administrator may do this.");
    }

    /** Passes for an administrator, or for whoever has {@code authority} (when given). */
    private static void requireAuthority(@Nullable String authority, String refusal) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "A staff login is required.");
        }
        boolean allowed = auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN")
                        || a.getAuthority().equals(authority));
        if (!allowed) {
            throw new Refusal(HttpStatus.FORBIDDEN, "FORBIDDEN", refusal);
        }
    }
}
