/**
 * The read side: an in-memory snapshot of free series per centre, day and vaccine, rebuilt from one aggregate query
 * at most every ~250 ms after a local change and at least every 500 ms (changes made by other instances), and
 * serialised once per version. The public centre list, the availability feed (with ETag) and its server-sent
 * events are served from it and never touch the rows that bookings lock.
 */
@NullMarked
package de.impftermin.availability;

import org.jspecify.annotations.NullMarked;
