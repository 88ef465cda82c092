-- Call-backs: a citizen's request to be phoned by a hotline agent instead of redialling.
-- QUEUED (waiting until due_at) -> CALLING (claimed by an agent until lease_expires_at) -> QUEUED again (not reached)
-- or DONE. One open request per phone number is the partial unique index, not a check in Java.
create table call_back (
    id               uuid primary key,
    phone            text        not null,
    postal_code      text        not null check (postal_code ~ '^[0-9]{5}$'),
    persons          int         not null check (persons between 1 and 4),
    language         text        not null,
    client           text        not null,
    status           text        not null check (status in ('QUEUED', 'CALLING', 'DONE')),
    attempts         int         not null default 0,
    due_at           timestamptz not null,
    agent            text,
    lease_expires_at timestamptz,
    outcome          text check (outcome in ('BOOKED', 'NOT_REACHED', 'NO_LONGER_NEEDED')),
    booking_code     text,
    version          int         not null default 0,
    created_at       timestamptz not null,
    closed_at        timestamptz
);
create unique index call_back_one_open_per_phone on call_back (phone) where status <> 'DONE';
-- the claim reads the open requests oldest due first
create index call_back_open_due on call_back (due_at, created_at, id) where status <> 'DONE';
create index call_back_phone_created on call_back (phone, created_at);
create index call_back_client_created on call_back (client, created_at);

-- One row per time an agent took a request: the measured call-backs per hour behind the ETA and the statistics.
create table call_back_attempt (
    id           bigint generated always as identity primary key,
    call_back_id uuid        not null references call_back (id),
    agent        text        not null,
    taken_at     timestamptz not null,
    outcome      text,
    resolved_at  timestamptz
);
create index call_back_attempt_open on call_back_attempt (call_back_id) where resolved_at is null;
create index call_back_attempt_taken on call_back_attempt (taken_at);
create index call_back_attempt_resolved on call_back_attempt (resolved_at) where resolved_at is not null;
