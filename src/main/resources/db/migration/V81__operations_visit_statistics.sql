-- The office's no-show statistics read the marks of a time window per centre.
create index appointment_visit_by_time on appointment_visit (changed_at, centre_id);
