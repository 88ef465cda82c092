-- Failed guesses of a secret that is checked by comparison, not by a password hash (booking code + birth date),
-- counted per client address and per key (the booking code), shared by every instance. One row per failure per
-- kind of key; rows older than the counting window are deleted by the next failure anywhere.
create table guess_failure (
    id        bigint generated always as identity primary key,
    scope     text not null check (length(scope) between 1 and 40),
    key_kind  text not null check (key_kind in ('CLIENT', 'KEY')),
    key_value text not null check (length(key_value) between 1 and 200),
    at        timestamptz not null
);

create index guess_failure_by_key on guess_failure (scope, key_kind, key_value, at desc);
create index guess_failure_by_time on guess_failure (at);
