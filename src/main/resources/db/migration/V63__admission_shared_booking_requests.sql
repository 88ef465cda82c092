-- Booking-path requests served by all instances together (each adds its own every second): an adaptive queue raises
-- its rate only when the rate is used, and with several instances behind a balancer each one sees only its share.
alter table waiting_queue add column booking_requests bigint not null default 0;
