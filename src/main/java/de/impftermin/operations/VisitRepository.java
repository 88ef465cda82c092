package de.impftermin.operations;

import de.impftermin.operations.domain.Appointment;
import de.impftermin.operations.domain.VisitStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VisitRepository {

    private final JdbcClient jdbc;

    VisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The appointment, locked for this transaction: the row is created as BOOKED if it is new, so that two staff
     * members marking at once are serialised on it and the second sees the first one's change.
     */
    Appointment lock(AppointmentReference ref, String centreId, String actor) {
        jdbc.sql("""
                        insert into appointment_visit (booking_code, person, dose, centre_id, status, changed_by)
                        values (?, ?, ?, ?, 'BOOKED', ?) on conflict do nothing
                        """)
                .params(ref.bookingCode(), ref.person(), ref.dose(), centreId, actor)
                .update();
        return jdbc.sql("""
                        select status, lot from appointment_visit
                        where booking_code = ? and person = ? and dose = ? for update
                        """)
                .params(ref.bookingCode(), ref.person(), ref.dose())
                .query((rs, n) -> new Appointment(VisitStatus.valueOf(rs.getString(1)), rs.getString(2)))
                .single();
    }

    /** Writes a transition, guarded by the state it was decided on. */
    boolean save(AppointmentReference ref, VisitStatus from, Appointment after, String actor) {
        return jdbc.sql("""
                        update appointment_visit set status = ?, lot = coalesce(?, lot), changed_at = now(), changed_by = ?
                        where booking_code = ? and person = ? and dose = ? and status = ?
                        """)
                        .params(
                                after.status().name(),
                                after.lot(),
                                actor,
                                ref.bookingCode(),
                                ref.person(),
                                ref.dose(),
                                from.name())
                        .update()
                == 1;
    }

    record Visit(VisitStatus status, @Nullable String lot) {}

    /** The marked appointments among {@code codes}, by reference. */
    Map<String, Visit> of(List<String> codes) {
        Map<String, Visit> visits = new HashMap<>();
        if (codes.isEmpty()) {
            return visits;
        }
        jdbc.sql("""
                        select booking_code, person, dose, status, lot from appointment_visit
                        where booking_code = any(?)
                        """)
                .param(codes.toArray(String[]::new))
                .query((rs, n) -> visits.put(
                        new AppointmentReference(rs.getString(1), rs.getInt(2), rs.getInt(3)).value(),
                        new Visit(VisitStatus.valueOf(rs.getString(4)), rs.getString(5))))
                .list();
        return visits;
    }
}
