create table release (
    id                   bigint generated always as identity primary key,
    centre_id            text        not null references centre (id),
    vaccine              text        not null,
    first_dose_from      date        not null,
    first_dose_to        date        not null,
    series_requested     int         not null check (series_requested > 0),
    series               int         not null check (series > 0),
    doses_per_series     int         not null check (doses_per_series in (1, 2)),
    opens_at             timestamptz not null,
    channel              text        not null check (channel in ('ONLINE', 'PHONE')),
    born_on_or_after     date,
    born_on_or_before    date,
    postal_code_prefixes text[]      not null default '{}',
    created_at           timestamptz not null default now()
);
create index release_centre on release (centre_id, opens_at);

-- The bookable unit: a 1st-dose seat paired with a 2nd-dose seat (or one seat for a single-dose vaccine).
-- Free = booking_id is null and no live hold. Claimed with FOR UPDATE SKIP LOCKED.
create table appointment_pair (
    centre_id        text        not null,
    id               bigint      generated always as identity,
    release_id       bigint      not null references release (id),
    vaccine          text        not null,
    channel          text        not null,
    first_day        date        not null,
    first_seat_id    bigint      not null,
    first_starts_at  timestamptz not null,
    second_seat_id   bigint,
    second_starts_at timestamptz,
    hold_id          uuid,
    hold_expires_at  timestamptz,
    booking_id       bigint,
    primary key (centre_id, id),
    unique (centre_id, first_seat_id),
    unique (centre_id, second_seat_id)
);
create index pair_claimable on appointment_pair (centre_id, first_day, first_starts_at) where booking_id is null;
create index pair_hold on appointment_pair (hold_id) where hold_id is not null;
create index pair_booking on appointment_pair (booking_id) where booking_id is not null;

create table hold (
    id           uuid primary key,
    centre_id    text        not null,
    subject      text        not null,
    channel      text        not null,
    birth_dates  date[]      not null,
    postal_codes text[]      not null,
    expires_at   timestamptz not null,
    created_at   timestamptz not null default now()
);
create index hold_expires on hold (expires_at);
