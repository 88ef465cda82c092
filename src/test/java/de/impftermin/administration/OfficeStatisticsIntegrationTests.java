package de.impftermin.administration;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.booking.BookingStatistics;
import de.impftermin.inventory.SeriesStatistics;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The office's statistics agree with counts taken directly in SQL after a scripted set of bookings and cancellations,
 * and the per-hour count stays an index range scan that is cheap next to the booking path.
 */
@IntegrationTest
class OfficeStatisticsIntegrationTests extends ApiTestSupport {

    @Autowired
    BookingStatistics bookingStatistics;

    @Autowired
    SeriesStatistics seriesStatistics;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void statisticsEqualTheCountsTakenInSqlAfterBookingsAndCancellations() {
        LocalDate day = TestCentre.day(11);
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        Instant from = Instant.now().minus(24, ChronoUnit.HOURS);
        List<String[]> singles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Person person = Person.unique();
            ApiResponse booked = citizens.book(citizens.citizen(), centre.id(), day, "09:00", person);
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
            singles.add(new String[] {
                booked.json().path("code").asString(), person.birthDate().toString()
            });
        }
        ApiResponse household =
                citizens.book(citizens.citizen(), centre.id(), day, "09:30", Person.unique(), Person.unique());
        assertThat(household.status()).as(household.toString()).isEqualTo(201);
        for (String[] booking : singles.subList(0, 2)) {
            ApiResponse cancelled =
                    api.post("/api/v1/bookings/" + booking[0] + "/cancel", obj("birthDate", booking[1]));
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        }
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);

        List<BookingStatistics.Hour> hours = bookingStatistics.perHour(from, to, centre.id());
        SeriesStatistics.CentreSeries series = seriesStatistics.perCentre(day).stream()
                .filter(c -> c.centreId().equals(centre.id()))
                .findFirst()
                .orElseThrow();

        assertThat(perHour(hours, true)).isEqualTo(sqlPerHour("created_at", centre.id(), from));
        assertThat(perHour(hours, false)).isEqualTo(sqlPerHour("cancelled_at", centre.id(), from));
        assertThat(hours.stream().mapToLong(BookingStatistics.Hour::booked).sum())
                .isEqualTo(5)
                .isEqualTo(count("select count(*) from booking where centre_id = ?", centre.id()));
        assertThat(hours.stream().mapToLong(BookingStatistics.Hour::cancelled).sum())
                .isEqualTo(2)
                .isEqualTo(count(
                        "select count(*) from booking where centre_id = ? and status = 'CANCELLED'", centre.id()));
        assertThat(series.booked())
                .isEqualTo(4)
                .isEqualTo(count(
                        "select count(*) from appointment_pair where centre_id = ? and booking_id is not null",
                        centre.id()));
        assertThat(series.free() + series.held())
                .isEqualTo(8)
                .isEqualTo(count(
                        "select count(*) from appointment_pair where centre_id = ? and booking_id is null",
                        centre.id()));
        assertThat(hours).hasSize(25);
        LocalDate today = LocalDate.now(de.impftermin.shared.BerlinTime.ZONE);
        List<BookingStatistics.Day> days = bookingStatistics.perDay(today.minusDays(13), today, centre.id());
        assertThat(days).hasSize(14);
        assertThat(days.stream().mapToLong(BookingStatistics.Day::booked).sum()).isEqualTo(5);
        assertThat(days.stream().mapToLong(BookingStatistics.Day::cancelled).sum())
                .isEqualTo(2);
    }

    @Test
    void dosesDeliveredReleasedAndAdministeredPerCentreEqualTheCountsTakenInSql() {
        LocalDate day = TestCentre.day(16);
        LocalDate today = LocalDate.now(de.impftermin.shared.BerlinTime.ZONE);
        TestCentre centre = TestCentre.bookable(admin, day, 12).deliver("comirnaty", 30, today.minusDays(2));
        for (String time : List.of("09:00", "09:05", "09:10")) {
            ApiResponse booked = admin.post(
                    "/api/v1/hotline/bookings",
                    de.impftermin.support.Requests.phoneBooking(centre.id(), day, time, Person.unique()));
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        }
        var list = admin.get("/api/v1/admin/centres/" + centre.id() + "/days/" + day + "/appointments")
                .json();
        mark(list.get(0).path("reference").asString(), "check-in");
        mark(list.get(0).path("reference").asString(), "vaccinated");
        mark(list.get(1).path("reference").asString(), "check-in");
        mark(list.get(1).path("reference").asString(), "vaccinated");
        mark(list.get(2).path("reference").asString(), "no-show");
        long sqlDelivered = count(
                "select coalesce(sum(doses), 0) from delivery where centre_id = ?"
                        + " and arrives <= (now() at time zone 'Europe/Berlin')::date",
                centre.id());
        long sqlReleased = count(
                "select sum(series * doses_per_series - doses_returned) from release where centre_id = ?", centre.id());
        long sqlAdministered = count(
                "select count(*) from appointment_visit where centre_id = ? and status = 'VACCINATED'", centre.id());

        de.impftermin.platform.StaffClient office = de.impftermin.platform.StaffClient.on(port);
        office.signIn(de.impftermin.support.Api.ADMIN_USER, de.impftermin.support.Api.ADMIN_PASSWORD);
        String page = office.get("/staff/office/statistics").body();
        var row = java.util.regex.Pattern.compile(
                        "<tr id=\"doses-" + centre.id() + "\">.*?"
                                + "<td class=\"delivered\">(\\d+)</td>\\s*<td class=\"released\">(\\d+)</td>\\s*"
                                + "<td class=\"administered\">(\\d+)</td>",
                        java.util.regex.Pattern.DOTALL)
                .matcher(page);
        String csv = office.get("/staff/office/statistics/doses-per-centre").body();

        assertThat(List.of(sqlDelivered, sqlReleased, sqlAdministered))
                .as("30 arrived (the 24 of the release arrive later); 24 released less the no-show's 2nd dose; 2 given")
                .containsExactly(30L, 23L, 2L);
        assertThat(row.find()).as("the centre's row in the dose table").isTrue();
        assertThat(List.of(Long.parseLong(row.group(1)), Long.parseLong(row.group(2)), Long.parseLong(row.group(3))))
                .containsExactly(sqlDelivered, sqlReleased, sqlAdministered);
        assertThat(csv.lines())
                .contains(centre.id() + ",Testzentrum " + centre.id() + "," + sqlDelivered + "," + sqlReleased + ","
                        + sqlAdministered);
        assertThat(page).contains("aria-labelledby=\"dose-chart-title\"");
    }

    private void mark(String reference, String what) {
        ApiResponse marked = admin.post(
                "/api/v1/admin/appointments/" + reference + "/" + what,
                "vaccinated".equals(what) ? obj("lot", null) : null);
        assertThat(marked.status()).as(what + " " + marked).isEqualTo(200);
    }

    @Test
    void countsBookingsPerHourOfTheLastDayFromAnIndexAmongTwoWeeksOfBookings() throws Exception {
        int synthetic =
                50_000; // two weeks, one booking every 24 seconds: 3,450 to 3,600 in the last 23 to 24 whole hours
        List<String> report = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("""
                            insert into booking (centre_id, code, status, channel, subject, created_at, cancelled_at)
                            select 't-measure', 'MEASURE-' || g, case when g % 10 = 0 then 'CANCELLED' else 'CONFIRMED' end,
                                   'ONLINE', 'measure', now() - (g * interval '24 seconds'),
                                   case when g % 10 = 0 then now() - (g * interval '12 seconds') end
                            from generate_series(1, :n) g
                            """).param("n", synthetic).update();
            jdbc.sql("analyze booking").update();
            Instant to = Instant.now().plus(1, ChronoUnit.HOURS);
            Instant from = to.minus(24, ChronoUnit.HOURS);
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 5; run++) {
                long started = System.nanoTime();
                List<BookingStatistics.Hour> hours = bookingStatistics.perHour(from, to, null);
                best = Math.min(best, System.nanoTime() - started);
                assertThat(hours.stream()
                                .mapToLong(BookingStatistics.Hour::booked)
                                .sum())
                        .isBetween(3_300L, 3_800L);
            }
            List<String> plan = jdbc.sql("""
                            explain (analyze, buffers) select date_trunc('hour', created_at, 'UTC'), count(*)
                            from booking where created_at >= :from and created_at < :to group by 1
                            """)
                    .param("from", java.sql.Timestamp.from(from))
                    .param("to", java.sql.Timestamp.from(to))
                    .query(String.class)
                    .list();
            report.add("bookings and cancellations per hour, last 24 h, among " + synthetic
                    + " bookings of two weeks: best of 5 = " + best / 1_000 + " µs");
            report.addAll(plan);
            tx.setRollbackOnly();
        });
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "office-statistics-timing.txt"), report);
        System.out.println(String.join("\n", report));
        assertThat(count("select count(*) from booking where centre_id = 't-measure'"))
                .as("rolled back")
                .isZero();
        assertThat(String.join("\n", report)).contains("booking_by_created");
    }

    private static Map<Instant, Long> perHour(List<BookingStatistics.Hour> hours, boolean booked) {
        Map<Instant, Long> counts = new HashMap<>();
        hours.stream()
                .filter(h -> (booked ? h.booked() : h.cancelled()) > 0)
                .forEach(h -> counts.put(h.hour(), booked ? h.booked() : h.cancelled()));
        return counts;
    }

    private Map<Instant, Long> sqlPerHour(String column, String centreId, Instant from) {
        Map<Instant, Long> counts = new HashMap<>();
        jdbc.sql("select date_trunc('hour', " + column + " at time zone 'UTC'), count(*) from booking"
                        + " where centre_id = ? and " + column + " >= ? group by 1")
                .params(centreId, java.sql.Timestamp.from(from.truncatedTo(ChronoUnit.HOURS)))
                .query((rs, n) -> counts.put(
                        rs.getObject(1, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC),
                        rs.getLong(2)))
                .list();
        return counts;
    }
}
