package de.impftermin.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console session of a local account ends at its next request once the state office has deactivated the account:
 * the sign-in checked the account only once, and a shift-long session must not outlive a deactivation. One primary-key
 * read per console request; the API (HTTP Basic) checks the account on every request anyway.
 */
class ActiveAccountGate extends OncePerRequestFilter {

    private final JdbcClient jdbc;

    ActiveAccountGate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof UsernamePasswordAuthenticationToken && auth.isAuthenticated() && !active(auth.getName())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + StaffSecurityConfiguration.LOGIN + "?error");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean active(String username) {
        return jdbc.sql("select not deactivated from staff_account where username = ?")
                .param(username)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
