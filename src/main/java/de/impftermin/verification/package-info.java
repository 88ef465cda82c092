/**
 * Proves that a person controls a phone number or e-mail address: a 6-digit code, stored only as a keyed hash, valid
 * 10 minutes, locked after 5 wrong tries, sent through the outbox within sending limits per address and per client.
 * A confirmed verification yields a signed token that booking endpoints accept without a database read.
 */
@NullMarked
package de.impftermin.verification;

import org.jspecify.annotations.NullMarked;
