-- The phone contingent spills to online at a published instant: spill_at is when, spilled_at marks that the spill
-- was claimed (exactly once, by one guarded update on any instance).
alter table release add column spill_at timestamptz;
alter table release add column spilled_at timestamptz;
alter table release add constraint release_spill_after_opening check (spill_at is null or spill_at > opens_at);
create index release_spill_due on release (spill_at) where spill_at is not null and spilled_at is null;
-- the PHONE pairs of spilled releases that are still to move (freed later by an expired hold or a cancellation)
create index pair_phone_unbooked on appointment_pair (release_id) where channel = 'PHONE' and booking_id is null;
