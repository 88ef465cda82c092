-- Invitation codes: a release with channel INVITATION is bookable only with a personal code (one person, or a household
-- of up to 4). Only a hash of each code is stored. A code is claimed by a hold (hold_id, hold_subject, hold_expires_at)
-- in one guarded update and becomes used for good when that hold is confirmed (booking_id); a hold that expires gives
-- the code back. At the release's spillAt its unbooked series become ONLINE like a phone contingent's.
alter table release drop constraint release_channel_check;
alter table release add constraint release_channel_check check (channel in ('ONLINE', 'PHONE', 'INVITATION'));

create table invitation (
    code_hash       text        primary key check (length(code_hash) = 64),
    release_id      bigint      not null references release (id),
    household_size  int         not null check (household_size between 1 and 4),
    created_at      timestamptz not null default now(),
    hold_id         uuid,
    hold_subject    text,
    hold_expires_at timestamptz,
    booking_id      bigint,
    used_at         timestamptz
);
create index invitation_by_release on invitation (release_id);
create index invitation_by_hold on invitation (hold_id) where hold_id is not null;

-- the deadline spill moves INVITATION series as it moves PHONE ones
create index pair_invitation_unbooked on appointment_pair (release_id) where channel = 'INVITATION' and booking_id is null;
