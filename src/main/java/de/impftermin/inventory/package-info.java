/**
 * The bookable inventory. Seats (one lane at one time) are created with a centre's opening days. A release pairs
 * each 1st-dose seat with a free 2nd-dose seat inside the vaccine's interval at the same centre and becomes a set of
 * appointment pairs, but only as many as the confirmed deliveries cover (the dose ledger). Holds claim pairs with
 * {@code FOR UPDATE SKIP LOCKED}, nearest to the wanted time, all or nothing; a hold that expired is simply claimable
 * again; a confirmed hold carries the booking's id. No seat is ever in two pairs and no pair in two bookings.
 */
@NullMarked
package de.impftermin.inventory;

import org.jspecify.annotations.NullMarked;
