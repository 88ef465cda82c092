/**
 * Who may book what: birth-date cohorts and catchment areas (postal-code prefixes) as data, decided by plain Java
 * without any I/O. A rule must be met by every person of a booking.
 */
@NullMarked
package de.impftermin.eligibility;

import org.jspecify.annotations.NullMarked;
