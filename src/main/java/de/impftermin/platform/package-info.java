/**
 * Technical foundation shared by every module and free of domain rules: the embedded PostgreSQL of the
 * default run, problem+json errors (RFC 9457), staff security, signed tokens, configuration and the clock.
 *
 * <p>Staff security: the stateless API chain (HTTP Basic) and the consoles' session chain under {@code /staff/**}
 * (form login and OpenID Connect), one throttled password check for both (failures counted in PostgreSQL), the
 * forced first password change, and the append-only {@link de.impftermin.platform.AuditLog} that every staff action
 * writes in its own transaction. The shared staff pages (sign-in, home, password, 403) are in {@code platform.web}.
 */
@NullMarked
package de.impftermin.platform;

import org.jspecify.annotations.NullMarked;
