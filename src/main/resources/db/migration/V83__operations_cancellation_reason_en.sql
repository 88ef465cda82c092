-- A cancelled day's reason as citizens read it: reason in German (as before), reason_en in English where the operator
-- gave one; messages in English without it quote the German reason and say so.
alter table day_cancellation add column reason_en text;
