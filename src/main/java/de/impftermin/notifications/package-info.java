/**
 * Everything that leaves the platform as a message. Messages are written to an outbox in the transaction of the
 * change that causes them and sent after commit by a dispatcher that leases due rows with {@code SKIP LOCKED}, so a
 * slow gateway never holds a booking lock and several instances never send one message twice. Failed sends are
 * retried with exponential backoff; the delay from enqueue to send is measured per channel.
 */
@NullMarked
package de.impftermin.notifications;

import org.jspecify.annotations.NullMarked;
