/**
 * The waitlist's model in plain Java: a {@link de.impftermin.waitlist.domain.Registration} guards its life cycle
 * (WAITING → OFFERED → BOOKED, back to WAITING after a missed offer, ENDED after too many, WITHDRAWN at any time
 * before it is booked), an {@link de.impftermin.waitlist.domain.Offer} knows while it is live, and
 * {@link de.impftermin.waitlist.domain.Matching} is the rule that picks the series a registration fits.
 */
@NullMarked
package de.impftermin.waitlist.domain;

import org.jspecify.annotations.NullMarked;
