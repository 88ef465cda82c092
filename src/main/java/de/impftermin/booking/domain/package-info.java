/** Plain-Java rules of bookings: booking codes and who counts as the same person. */
@NullMarked
package de.impftermin.booking.domain;

import org.jspecify.annotations.NullMarked;
