-- Verification codes jump the queue: a person is waiting for them right now, while confirmations can wait seconds.
alter table outbox_message add column urgent boolean not null default false;
drop index outbox_due;
create index outbox_due on outbox_message (urgent desc, next_attempt_at) where sent_at is null and dead_at is null;
