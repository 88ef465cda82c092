-- The admission rate in effect: the serving counter advances at admitting_rate, which an adaptive queue lowers while
-- the booking path is congested and raises back towards the operator's rate_per_second (the ceiling) while people
-- wait. adapted_at is the last change of either kind (increases are spaced by it), decreased_at the last decrease
-- (decreases are spaced by it, so that an increase elsewhere never delays the next decrease).
alter table waiting_queue
    add column admitting_rate double precision,
    add column adaptive       boolean     not null default true,
    add column adapted_at     timestamptz,
    add column decreased_at   timestamptz;

update waiting_queue set admitting_rate = rate_per_second;

alter table waiting_queue
    alter column admitting_rate set not null,
    add constraint admitting_rate_within_ceiling check (admitting_rate > 0 and admitting_rate <= rate_per_second);
