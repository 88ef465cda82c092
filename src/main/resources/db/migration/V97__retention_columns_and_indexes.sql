-- Retention (docs/privacy.md): what each module's purge reads. Issue 14 reserved V97-V99 for this work, so the owning
-- modules share this file, one section each. Every purge claims a batch with FOR UPDATE SKIP LOCKED through one of
-- these indexes, so that it reads the rows that are due and not the whole table.

-- booking: anonymising a booking deletes its persons and clears its contact once (anonymised_at). The index holds
-- only bookings not anonymised yet, by creation: a booking is due after its last appointment (or its cancellation),
-- both later than its creation, so the job reads the bookings created before the cut-off and never one it has
-- already anonymised.
alter table booking add column anonymised_at timestamptz;
create index booking_personal_data on booking (created_at) where anonymised_at is null;

-- verification: deleted a while after the code was sent.
create index verification_by_created on verification (created_at);

-- notifications: sent and given-up messages deleted a while after they were written (never an unsent one).
create index outbox_by_created on outbox_message (created_at);

-- hotline: closed call-backs deleted a while after closing; a booking's erasure finds the call-back that led to it.
create index call_back_closed on call_back (closed_at) where status = 'DONE';
create index call_back_by_booking on call_back (booking_code) where booking_code is not null;

-- waitlist: when a registration ended (booked, withdrawn, ended after missed offers); it is deleted a while after.
-- Registrations that ended before this migration start their clock now.
alter table waitlist_registration add column closed_at timestamptz;
update waitlist_registration set closed_at = now() where status in ('BOOKED', 'WITHDRAWN', 'ENDED');
create index waitlist_closed on waitlist_registration (closed_at) where closed_at is not null;
create index waitlist_by_booking on waitlist_registration (booking_code) where booking_code is not null;

-- inventory: the address that held an invitation code is forgotten once the code is booked or its hold is long over
-- (HoldHousekeeping); few codes are held at any moment, so the housekeeping reads a small partial index.
create index invitation_held on invitation (hold_expires_at) where hold_subject is not null;

-- platform: failed staff sign-ins (username, client address) are forgotten once they leave the lockout window, also
-- when no further failure comes to delete them (SignInThrottle.housekeeping).
create index staff_login_failure_by_time on staff_login_failure (at);
