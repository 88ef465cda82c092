-- A release can be paused (nothing new is held from it; holds and bookings stay) and its unbooked series withdrawn.
-- series_withdrawn counts the series taken out again (by a withdrawal or a changed opening day); their doses are
-- back in the ledger: promised = (series - series_withdrawn) * doses_per_series - doses_returned.
alter table release add column paused_at timestamptz;
alter table release add column withdrawn_at timestamptz;
alter table release add column series_withdrawn int not null default 0 check (series_withdrawn >= 0);
alter table release add constraint release_withdrawn_is_paused check (withdrawn_at is null or paused_at is not null);

-- withdrawing a release's unbooked series, and its sweep of pairs freed later, reads them by release
create index pair_unbooked_by_release on appointment_pair (release_id) where booking_id is null;
