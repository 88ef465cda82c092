-- The waiting room's shared counters: one row per queue, so that several app instances admit as one.
-- Tickets carry their numbers in signed tokens; nothing per ticket is stored.
create table waiting_queue (
    name            text             primary key,
    rate_per_second double precision not null check (rate_per_second > 0),
    issued          bigint           not null default 0 check (issued >= 0),  -- numbers below are handed out
    served          double precision not null default 0,                     -- places below are admitted
    advanced_at     timestamptz      not null,
    opens_at        timestamptz,                                              -- opening of the current pre-queue
    prequeue_start  bigint           not null default 0,
    prequeue_size   bigint,                                                   -- fixed at the opening instant
    seed            bigint                                                    -- the shuffle, drawn at opening
);
