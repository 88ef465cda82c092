-- The hotline finds a caller's booking by name, birth date and postal code (when the caller has lost the code):
-- the birth date is the selective part, the last name (compared ignoring case) narrows it to a handful of rows.
create index booking_person_name_lookup on booking_person (birth_date, lower(last_name), postal_code);
