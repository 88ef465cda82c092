/**
 * Bookings: a held set of appointment pairs becomes a confirmed booking with a booking code, for one person or a
 * household of up to four, all or nothing. One live booking per person (normalised name + birth date) is a unique
 * index; a retried confirm with the same {@code Idempotency-Key} answers with the same booking; confirmation
 * messages go to the outbox in the same transaction. Cancelling frees the pairs at once. What anyone may do with a
 * booking code and a birth date goes through {@link de.impftermin.booking.BookingLookups}, limited against guessing.
 */
@NullMarked
package de.impftermin.booking;

import org.jspecify.annotations.NullMarked;
