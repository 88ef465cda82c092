-- Staff sign-in: accounts an administrator created (or reset) change their password at the first console sign-in;
-- a deactivated account cannot sign in at all.
alter table staff_account
    add column must_change_password boolean not null default false,
    add column deactivated boolean not null default false,
    add column password_changed_at timestamptz;

-- Failed sign-ins, counted per account and per client address, shared by every instance. One row per failure; rows
-- older than the counting window are useless and deleted by the next failure of the same key.
create table staff_login_failure (
    id        bigint generated always as identity primary key,
    key_kind  text not null check (key_kind in ('ACCOUNT', 'ADDRESS')),
    key_value text not null check (length(key_value) between 1 and 200),
    at        timestamptz not null default now()
);

create index staff_login_failure_by_key on staff_login_failure (key_kind, key_value, at desc);
