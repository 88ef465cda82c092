/**
 * Centre operations: the day list of a centre (who is booked when, an audited read of personal data), what happened
 * to each appointment on the day (checked in, vaccinated, no-show: guarded by the {@code Appointment} aggregate, one
 * change and one audit entry per transition, marking again changes nothing), and cancelling a day as a resumable job
 * (the day is closed for new holds, then every booking is moved or cancelled and its contact told once, one booking
 * per transaction together with the job's progress). Uses {@code booking} and {@code inventory} through their APIs;
 * owns the tables {@code appointment_visit}, {@code day_cancellation} and {@code day_cancellation_item}.
 */
@NullMarked
package de.impftermin.operations;

import org.jspecify.annotations.NullMarked;
