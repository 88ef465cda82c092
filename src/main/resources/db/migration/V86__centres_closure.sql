-- A centre the state office has closed: it stays listed for citizens with the status CLOSED and the office's note in
-- plain words; nothing new can be booked there (inventory gives its unbooked series to a closure), and its bookings
-- stay as they are. Reopening clears both columns.
alter table centre
    add column closed_at   timestamptz,
    add column closed_note text check (closed_note is null or length(closed_note) between 1 and 500),
    add constraint centre_closed_with_note check ((closed_at is null) = (closed_note is null));
