-- The language a booking's messages are written in (confirmation, reminder, cancellation); German by default.
alter table booking add column language text not null default 'de' check (language in ('de', 'en'));

-- Outbox messages that failed for good (too many attempts, or a refusal no retry can cure) stop being retried.
alter table outbox_message add column dead_at timestamptz;
drop index outbox_due;
create index outbox_due on outbox_message (next_attempt_at) where sent_at is null and dead_at is null;
-- The age of the oldest unsent message per channel, and the dead letters, read without scanning the table.
create index outbox_unsent on outbox_message (channel, created_at) where sent_at is null and dead_at is null;
create index outbox_dead on outbox_message (dead_at) where dead_at is not null;

-- A reminder the day before each appointment: claimed by setting reminded_at in the transaction that enqueues it.
alter table booking_appointment add column reminded_at timestamptz;
create index booking_appointment_unreminded on booking_appointment (starts_at) where reminded_at is null;
