-- The audit log: every staff action and every staff read of a person's data, written in the action's own
-- transaction. Append-only: the triggers refuse UPDATE, DELETE and TRUNCATE for every database user, the
-- superuser of the embedded database included (a REVOKE would not bind a superuser).
create table audit_event (
    id             bigint generated always as identity primary key,
    at             timestamptz not null default now(),
    actor          text not null check (length(actor) between 1 and 200),
    action         text not null check (action ~ '^[A-Z][A-Z0-9_]{0,63}$'),
    subject        text not null default '',
    detail         text not null default '',
    client_address text
);

create index audit_event_by_time on audit_event (at desc, id desc);
create index audit_event_by_actor on audit_event (actor, at desc);
create index audit_event_by_action on audit_event (action, at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_no_update_or_delete before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
