create table centre (
    id          text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    name        text not null,
    county      text not null,
    postal_code text not null check (postal_code ~ '^[0-9]{5}$'),
    address     text not null,
    phone_only  boolean not null default false,
    phone       text,
    created_at  timestamptz not null default now()
);

-- One opening day of a centre; its seats are generated with it (lanes x slots).
create table opening_day (
    centre_id    text not null references centre (id),
    day          date not null,
    opens        time not null,
    closes       time not null,
    lanes        int  not null check (lanes between 1 and 100),
    slot_minutes int  not null check (slot_minutes between 1 and 240),
    primary key (centre_id, day),
    check (closes > opens)
);

-- A seat is one lane at one start time. pair_id is set once a release pairs it; never twice.
create table seat (
    centre_id text        not null,
    id        bigint      generated always as identity,
    day       date        not null,
    starts_at timestamptz not null,
    lane      int         not null,
    pair_id   bigint,
    primary key (centre_id, id),
    unique (centre_id, starts_at, lane),
    foreign key (centre_id, day) references opening_day (centre_id, day)
);
create index seat_free on seat (centre_id, day, starts_at) where pair_id is null;

create table delivery (
    centre_id  text   not null references centre (id),
    id         bigint generated always as identity,
    vaccine    text   not null,
    doses      int    not null check (doses > 0),
    arrives    date   not null,
    created_at timestamptz not null default now(),
    primary key (centre_id, id)
);
