-- The audit log keeps who read or changed what for its legal period; after that the retention job may purge it, and
-- nothing else may. The append-only trigger keeps refusing UPDATE and TRUNCATE for every database user, the superuser
-- included, and now lets exactly one kind of DELETE through: one issued by audit_event_purge() below, of an entry
-- older than the legal minimum. The minimum is a constant of this migration; only a new migration can shorten it.
create function audit_event_legal_minimum() returns interval language sql immutable
    as $$ select interval '1 year' $$;

create or replace function audit_event_is_append_only() returns trigger language plpgsql as $$
declare
    context text;
begin
    if tg_op = 'DELETE' then
        get diagnostics context = pg_context;
        if context ~ ('function (' || quote_ident(tg_table_schema) || '\.)?audit_event_purge\(timestamp with time zone,integer\) line')
                and old.at < now() - audit_event_legal_minimum() then
            return old;
        end if;
    end if;
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

-- Deletes up to max_rows entries written before the cut-off, and never one younger than the legal minimum (a later
-- cut-off is moved back to it); returns how many. SKIP LOCKED: several instances purging at once share the rows.
-- SECURITY DEFINER, so that a deployment may revoke DELETE on audit_event from the application's role and still
-- purge through this function, with the owner's rights and the search path of this migration.
create function audit_event_purge(before timestamptz, max_rows integer) returns integer
    language plpgsql security definer set search_path from current as $$
declare
    purged integer;
begin
    delete from audit_event
    where id in (select id from audit_event
                 where at < least(before, now() - audit_event_legal_minimum())
                 order by at, id limit max_rows for update skip locked);
    get diagnostics purged = row_count;
    return purged;
end
$$;
