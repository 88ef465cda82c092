-- Wrong invitation codes, one row per wrong code typed, per subject (the verified phone or e-mail of a citizen, or
-- STAFF:<agent>): past the limit within the window a subject's codes are refused without being looked at, so that
-- nobody can try codes at the speed of the hold endpoint. Rows older than the window are deleted by the next wrong
-- code of the same subject.
create table invitation_wrong_code (
    id      bigint generated always as identity primary key,
    subject text        not null check (length(subject) between 1 and 300),
    at      timestamptz not null
);
create index invitation_wrong_code_by_subject on invitation_wrong_code (subject, at desc);
