-- Wrong invitation codes are counted by the platform's guess limit (guess_failure, scope 'invitation') like wrong
-- booking-code lookups, so the table of V85 is no longer used.
drop table invitation_wrong_code;
