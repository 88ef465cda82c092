package de.impftermin.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account that must choose a new password (created by an administrator, or reset) sees only the password page
 * until it has: every other staff page redirects there. Signing out stays possible.
 */
class PasswordChangeGate extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/staff/password";
    private static final Set<String> OPEN = Set.of(PASSWORD_PAGE, "/staff/logout", StaffSecurityConfiguration.LOGIN);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (mustChangePassword() && !OPEN.contains(request.getRequestURI())) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean mustChangePassword() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream()
                        .anyMatch(a -> StaffAccounts.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
    }
}
