/**
 * The hotline's call-back queue: instead of redialling, a citizen with a verified phone number asks to be called back
 * and sees their position and an estimated time; agents take the oldest due request with one key. A take is a
 * {@code FOR UPDATE SKIP LOCKED} claim with a lease, so two agents (on any instances) never get the same request and a
 * request an agent never resolves becomes claimable again when the lease ends. One open request per phone number is a
 * partial unique index. A request not reached three times is closed and the caller told by SMS how to go on; every
 * message leaves through the outbox in the use case's transaction, every staff action is audited in it.
 */
@NullMarked
package de.impftermin.hotline;

import org.jspecify.annotations.NullMarked;
