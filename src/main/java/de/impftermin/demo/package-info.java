/**
 * The demo region loaded into an empty embedded database on the default local run, so that a newcomer sees a living
 * system at once: the 27 counties and county-free cities of the KV region Westfalen-Lippe, each with a vaccination
 * centre, opening days for the coming weeks, deliveries, open and scheduled releases, a phone-only centre, a centre
 * without any release and one that is fully booked. Ids carry the prefix {@code wl-}. Never loaded into an external
 * database, never in tests.
 */
@NullMarked
package de.impftermin.demo;

import org.jspecify.annotations.NullMarked;
