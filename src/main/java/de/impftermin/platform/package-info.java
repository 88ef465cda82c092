/**
 * Technical foundation shared by every module and free of domain rules: the embedded PostgreSQL of the
 * default run, problem+json errors (RFC 9457), staff security, signed tokens, configuration and the clock.
 */
@NullMarked
package de.impftermin.platform;

import org.jspecify.annotations.NullMarked;
