-- Centre operations: what happened to each booked appointment on the day, and cancelled days as resumable jobs.

-- The state of a booked appointment on its day. No row = BOOKED; a row is written at the first mark.
-- Keyed by the booking's code, the person's position and the dose (the appointment's reference).
create table appointment_visit (
    booking_code text        not null,
    person       int         not null,
    dose         int         not null check (dose in (1, 2)),
    centre_id    text        not null,
    status       text        not null check (status in ('BOOKED', 'CHECKED_IN', 'VACCINATED', 'NO_SHOW')),
    lot          text,
    changed_at   timestamptz not null default now(),
    changed_by   text        not null,
    primary key (booking_code, person, dose)
);

-- A cancelled day: one job, its bookings as items. Each item is done in its own transaction together with the
-- booking's move or cancellation and its outbox messages, so a job that stops halfway resumes where it stopped.
create table day_cancellation (
    id          uuid primary key,
    centre_id   text        not null references centre (id),
    day         date        not null,
    reason      text        not null,
    status      text        not null check (status in ('RUNNING', 'DONE')),
    moved       int         not null default 0,
    cancelled   int         not null default 0,
    notified    int         not null default 0,
    started_by  text        not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz
);
create index day_cancellation_running on day_cancellation (started_at) where status = 'RUNNING';

create table day_cancellation_item (
    job_id       uuid        not null references day_cancellation (id),
    booking_code text        not null,
    persons      int         not null,
    outcome      text        check (outcome in ('MOVED', 'CANCELLED', 'GONE')),
    new_code     text,
    done_at      timestamptz,
    primary key (job_id, booking_code)
);
create index day_cancellation_item_open on day_cancellation_item (job_id) where outcome is null;

-- inventory: doses given back to the ledger (the 2nd dose of a 1st-dose no-show is never given).
alter table release add column doses_returned int not null default 0 check (doses_returned >= 0);
