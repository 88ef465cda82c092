package de.impftermin.operations;

import de.impftermin.shared.BerlinTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a centre recorded about a booking's appointments, for its citizen (Art. 15 DSGVO). The marks stay when the
 * booking is anonymised: they carry no name, birth date or contact, and they are what the vaccinations and no-shows
 * per centre are counted from.
 */
@Service
public class VisitRecords {

    /** One marked appointment; who marked it is the staff's business and not shown. */
    public record Visit(
            int person,
            int dose,
            String centreId,
            String status,
            @Nullable String lot,
            OffsetDateTime changedAt) {}

    private final JdbcClient jdbc;

    VisitRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Visit> of(String bookingCode) {
        return jdbc.sql("""
                        select person, dose, centre_id, status, lot, changed_at from appointment_visit
                        where booking_code = ? order by person, dose
                        """)
                .param(bookingCode)
                .query((rs, n) -> new Visit(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        BerlinTime.show(rs.getObject(6, OffsetDateTime.class).toInstant())))
                .list();
    }
}
