package de.impftermin.centres;

import de.impftermin.platform.SqlTimes;
import de.impftermin.shared.Vaccine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CentreRepository {

    private static final String CENTRE_COLUMNS =
            "id, name, county, postal_code, address, phone_only, phone, closed_at, closed_note";

    private final JdbcClient jdbc;

    CentreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(Centre c) {
        return jdbc.sql("""
                        insert into centre (id, name, county, postal_code, address, phone_only, phone)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing
                        """)
                        .params(c.id(), c.name(), c.county(), c.postalCode(), c.address(), c.phoneOnly(), c.phone())
                        .update()
                == 1;
    }

    boolean update(Centre c) {
        return jdbc.sql("""
                        update centre set name = ?, county = ?, postal_code = ?, address = ?, phone_only = ?, phone = ?
                        where id = ?
                        """)
                        .params(c.name(), c.county(), c.postalCode(), c.address(), c.phoneOnly(), c.phone(), c.id())
                        .update()
                == 1;
    }

    /** Closes an open centre; false when it is closed already (or unknown), so a repeated close changes nothing. */
    boolean close(String id, String note, Instant at) {
        return jdbc.sql("update centre set closed_at = ?, closed_note = ? where id = ? and closed_at is null")
                        .params(SqlTimes.utc(at), note, id)
                        .update()
                == 1;
    }

    /** Reopens a closed centre; false when it is open already (or unknown). */
    boolean reopen(String id) {
        return jdbc.sql("update centre set closed_at = null, closed_note = null where id = ? and closed_at is not null")
                        .params(id)
                        .update()
                == 1;
    }

    boolean insert(OpeningDay d) {
        return jdbc.sql("""
                        insert into opening_day (centre_id, day, opens, closes, lanes, slot_minutes)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing
                        """)
                        .params(d.centreId(), d.date(), d.opens(), d.closes(), d.lanes(), d.slotMinutes())
                        .update()
                == 1;
    }

    boolean update(OpeningDay d) {
        return jdbc.sql("""
                        update opening_day set opens = ?, closes = ?, lanes = ?, slot_minutes = ?
                        where centre_id = ? and day = ?
                        """)
                        .params(d.opens(), d.closes(), d.lanes(), d.slotMinutes(), d.centreId(), d.date())
                        .update()
                == 1;
    }

    Delivery insertDelivery(String centreId, Vaccine vaccine, int doses, LocalDate arrives) {
        long id = jdbc.sql("insert into delivery (centre_id, vaccine, doses, arrives) values (?, ?, ?, ?) returning id")
                .params(centreId, vaccine.id(), doses, arrives)
                .query(Long.class)
                .single();
        return new Delivery(id, centreId, vaccine, doses, arrives);
    }

    List<Centre> all() {
        return jdbc.sql("select " + CENTRE_COLUMNS + " from centre order by county, name")
                .query(CentreRepository::centre)
                .list();
    }

    Optional<Centre> find(String id) {
        return jdbc.sql("select " + CENTRE_COLUMNS + " from centre where id = ?")
                .param(id)
                .query(CentreRepository::centre)
                .optional();
    }

    Optional<Centre> lock(String id) {
        return jdbc.sql("select " + CENTRE_COLUMNS + " from centre where id = ? for update")
                .param(id)
                .query(CentreRepository::centre)
                .optional();
    }

    List<OpeningDay> openingDays(String centreId) {
        return jdbc.sql(
                        "select centre_id, day, opens, closes, lanes, slot_minutes from opening_day where centre_id = ? order by day")
                .param(centreId)
                .query((rs, n) -> new OpeningDay(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalTime.class),
                        rs.getObject(4, LocalTime.class),
                        rs.getInt(5),
                        rs.getInt(6)))
                .list();
    }

    List<Delivery> deliveries(String centreId) {
        return jdbc.sql(
                        "select id, centre_id, vaccine, doses, arrives from delivery where centre_id = ? order by arrives")
                .param(centreId)
                .query((rs, n) -> new Delivery(
                        rs.getLong(1),
                        rs.getString(2),
                        Vaccine.fromJson(rs.getString(3)),
                        rs.getInt(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    Map<String, Long> dosesDelivered(LocalDate until) {
        Map<String, Long> delivered = new TreeMap<>();
        jdbc.sql("select centre_id, sum(doses) from delivery where arrives <= ? group by centre_id")
                .param(until)
                .query((rs, n) -> delivered.put(rs.getString(1), rs.getLong(2)))
                .list();
        return delivered;
    }

    long confirmedDoses(String centreId, Vaccine vaccine, LocalDate until) {
        return jdbc.sql(
                        "select coalesce(sum(doses), 0) from delivery where centre_id = ? and vaccine = ? and arrives <= ?")
                .params(centreId, vaccine.id(), until)
                .query(Long.class)
                .single();
    }

    private static Centre centre(ResultSet rs, int n) throws SQLException {
        return new Centre(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getBoolean(6),
                rs.getString(7),
                rs.getObject(8) == null
                        ? null
                        : new Centre.Closure(
                                rs.getObject(8, java.time.OffsetDateTime.class).toInstant(), rs.getString(9)));
    }
}
