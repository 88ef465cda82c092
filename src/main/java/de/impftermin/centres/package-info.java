/**
 * Vaccination centres (Impfzentren), their opening days with capacity (lanes × opening hours ÷ slot length) and the
 * vaccine deliveries that back every release. Publishes {@link de.impftermin.centres.OpeningDayScheduled} so that
 * inventory creates the day's seats in the same transaction.
 */
@NullMarked
package de.impftermin.centres;

import org.jspecify.annotations.NullMarked;
