create table booking (
    centre_id       text        not null,
    id              bigint      generated always as identity,
    code            text        not null unique,
    status          text        not null check (status in ('CONFIRMED', 'CANCELLED')),
    channel         text        not null check (channel in ('ONLINE', 'PHONE')),
    contact_phone   text,
    contact_email   text,
    subject         text        not null,
    created_at      timestamptz not null default now(),
    cancelled_at    timestamptz,
    primary key (centre_id, id)
);
create unique index booking_id on booking (id);

create table booking_person (
    booking_id  bigint  not null references booking (id),
    position    int     not null,
    first_name  text    not null,
    last_name   text    not null,
    birth_date  date    not null,
    postal_code text    not null,
    person_key  text    not null,
    live        boolean not null default true,
    primary key (booking_id, position)
);
-- Invariant 7: one live booking per person (normalised name + birth date).
create unique index one_live_booking_per_person on booking_person (person_key) where live;

alter table appointment_pair add column person_position int;

-- Invariant 6: a retried confirm with the same key answers with the same booking.
create table idempotency_key (
    subject     text        not null,
    key         text        not null,
    booking_id  bigint,
    created_at  timestamptz not null default now(),
    primary key (subject, key)
);

-- The appointments as booked: kept after a cancellation frees the pairs, for the citizen's and the audit's record.
create table booking_appointment (
    booking_id bigint      not null references booking (id),
    person     int         not null,
    dose       int         not null check (dose in (1, 2)),
    centre_id  text        not null,
    vaccine    text        not null,
    starts_at  timestamptz not null,
    pair_id    bigint      not null,
    primary key (booking_id, person, dose)
);
