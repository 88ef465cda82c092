-- A citizen's live hold is found by who holds it: choosing again gives the earlier hold's pairs back at once.
create index hold_subject on hold (subject, expires_at);
