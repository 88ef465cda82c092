-- Outbox: written in the transaction of the change that causes it, sent after commit by the dispatcher.
create table outbox_message (
    id              bigint generated always as identity primary key,
    channel         text        not null check (channel in ('SMS', 'EMAIL')),
    recipient       text        not null,
    subject         text,
    body            text        not null,
    attachment_name text,
    attachment_type text,
    attachment      bytea,
    created_at      timestamptz not null default now(),
    next_attempt_at timestamptz not null default now(),
    attempts        int         not null default 0,
    last_error      text,
    sent_at         timestamptz
);
create index outbox_due on outbox_message (next_attempt_at) where sent_at is null;
create index outbox_recipient on outbox_message (recipient, id);
