-- Secrets shared by every instance (HMAC keys for tokens); created once, read at start.
create table platform_secret (
    name       text primary key,
    value      bytea not null,
    created_at timestamptz not null default now()
);

create table staff_account (
    username      text primary key check (length(username) between 1 and 64),
    password_hash text not null,
    role          text not null check (role in ('ADMIN', 'OPERATOR', 'AGENT')),
    centre_ids    text[] not null default '{}',
    created_at    timestamptz not null default now()
);
