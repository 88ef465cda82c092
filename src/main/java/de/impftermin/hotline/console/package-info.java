/**
 * The hotline agent console ({@code /staff/hotline}, role AGENT or ADMIN): server-rendered pages built for a shift of
 * calls on the keyboard. The caller's card (persons, birth dates, postal codes, phone, e-mail, what they asked for)
 * stays in the agent's session while the agent searches, holds, confirms, finds, cancels and rebooks; every step is a
 * use case of {@link de.impftermin.booking.HotlineBookings}, which audits it. Offers come from the inventory's PHONE
 * contingent first, then ONLINE, only from releases whose eligibility admits every person of the household.
 */
@NullMarked
package de.impftermin.hotline.console;

import org.jspecify.annotations.NullMarked;
