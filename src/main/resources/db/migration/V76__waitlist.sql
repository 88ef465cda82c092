-- The waitlist: registrations of 1-4 people waiting for any of their centres, and the offers made to them.
create table waitlist_registration (
    id             uuid        primary key,
    token_hash     text        not null,
    status         text        not null check (status in ('WAITING', 'OFFERED', 'BOOKED', 'WITHDRAWN', 'ENDED')),
    first_names    text[]      not null,
    last_names     text[]      not null,
    birth_dates    date[]      not null,
    postal_codes   text[]      not null,
    centre_ids     text[]      not null,
    vaccine        text,
    contact_phone  text,
    contact_email  text,
    language       text        not null default 'DE',
    -- the place in the line: registration time, moved to the end after a declined or expired offer
    waiting_since  timestamptz not null,
    missed_offers  int         not null default 0,
    booking_code   text,
    created_at     timestamptz not null default now()
);
-- The engine reads the line in order and claims with FOR UPDATE SKIP LOCKED.
create index waitlist_line on waitlist_registration (waiting_since, id) where status = 'WAITING';
create index waitlist_centres on waitlist_registration using gin (centre_ids) where status = 'WAITING';

create table waitlist_offer (
    id              bigint      generated always as identity primary key,
    registration_id uuid        not null references waitlist_registration (id),
    hold_id         uuid        not null unique,
    centre_id       text        not null,
    state           text        not null check (state in ('LIVE', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')),
    made_at         timestamptz not null,
    expires_at      timestamptz not null
);
-- No registration ever holds two offers.
create unique index one_live_offer_per_registration on waitlist_offer (registration_id) where state = 'LIVE';
create index waitlist_offer_expiry on waitlist_offer (expires_at) where state = 'LIVE';
