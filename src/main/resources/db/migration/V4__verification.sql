create table verification (
    id           uuid primary key,
    channel      text        not null check (channel in ('SMS', 'EMAIL')),
    address      text        not null,
    code_hash    bytea       not null,
    client       text        not null,
    expires_at   timestamptz not null,
    failed_tries int         not null default 0,
    confirmed_at timestamptz,
    created_at   timestamptz not null default now()
);
create index verification_address on verification (address, created_at);
create index verification_client on verification (client, created_at);
