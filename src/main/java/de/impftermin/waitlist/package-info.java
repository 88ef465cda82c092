/**
 * The waitlist: verified citizens register 1–4 people for the centres they can reach, and an offer engine turns
 * free series into time-limited offers, the one waiting longest among those who fit first. An offer is a hold of
 * the inventory module with a long deadline, claimed from a pool locked with {@code FOR UPDATE SKIP LOCKED}; the
 * registration is claimed the same way, so several engine instances never offer one series twice or make one
 * registration two offers (a partial unique index backs the latter). Hold, offer and its message (notifications
 * outbox) are written in one transaction. Accepting books through the booking module's use case; declining or
 * letting an offer expire frees its series at once and puts the registration back in line, or ends it after too
 * many missed offers. A person with a live booking leaves the waitlist.
 */
@NullMarked
package de.impftermin.waitlist;

import org.jspecify.annotations.NullMarked;
