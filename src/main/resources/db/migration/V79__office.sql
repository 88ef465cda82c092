-- The state office: its statistics read bookings and cancellations by the hour, and its audit viewer filters by
-- subject. Each query stays an index range scan, so that the office's reads do not compete with the booking path.
create index booking_by_created on booking (created_at);
create index booking_by_cancelled on booking (cancelled_at) where cancelled_at is not null;
create index audit_event_by_subject on audit_event (subject, at desc);
