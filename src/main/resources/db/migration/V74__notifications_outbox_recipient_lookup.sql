-- The local inbox looks sent messages up by recipient, case-insensitively, newest first; the old index on
-- (recipient, id) could not serve lower(recipient), and every look-up scanned all sent messages.
drop index outbox_recipient;
create index outbox_sent_to on outbox_message (lower(recipient), id desc) where sent_at is not null;
