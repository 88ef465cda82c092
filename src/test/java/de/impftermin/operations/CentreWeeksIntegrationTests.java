package de.impftermin.operations;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Changing an opening day and copying a week: a change that would remove a booked seat is refused with the bookings
 * in the way and changes nothing; one that removes only unbooked seats withdraws their series and gives the doses
 * back; a week is copied whole or not at all.
 */
@IntegrationTest
class CentreWeeksIntegrationTests extends ApiTestSupport {

    private final LocalDate day = TestCentre.day(40);

    @Test
    void aChangeThatWouldRemoveBookedSeatsIsRefusedWithTheBookingsInTheWayAndChangesNothing() {
        // 09:00-10:00, one lane, 5 minutes: 12 seats, 12 series released
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        String early = code(CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:00", Person.unique()));
        String late = code(CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:45", Person.unique()));
        int seatsBefore = seats(centre.id(), day);

        ApiResponse refused = changeDay(admin, centre.id(), day, "09:00", "09:30", 1, 5);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.problemCode()).isEqualTo("BOOKED_SEATS");
        assertThat(refused.json()
                        .path("bookings")
                        .valueStream()
                        .map(b -> b.path("bookingCode").asString())
                        .toList())
                .containsExactly(late)
                .doesNotContain(early);
        assertThat(refused.json().path("bookings").get(0).path("dose").asInt()).isEqualTo(1);
        assertThat(seats(centre.id(), day)).isEqualTo(seatsBefore);
        assertThat(count("select count(*) from appointment_pair where centre_id = ?", centre.id()))
                .isEqualTo(12);
        assertThat(jdbc.sql("select closes::text from opening_day where centre_id = ? and day = ?")
                        .params(centre.id(), day)
                        .query(String.class)
                        .single())
                .isEqualTo("10:00:00");
        assertThat(audits("OPENING_DAY_CHANGED", centre.id())).isZero();

        // the 2nd-dose day is guarded the same way: both bookings have their 2nd dose there at 09:00 and 09:45
        ApiResponse secondDay = changeDay(admin, centre.id(), day.plusDays(21), "09:00", "09:30", 1, 5);
        assertThat(secondDay.status()).isEqualTo(409);
        assertThat(secondDay.json().path("bookings").get(0).path("dose").asInt())
                .isEqualTo(2);
        invariants.check(centre.id());
    }

    @Test
    void aChangeThatRemovesOnlyUnbookedSeatsWithdrawsTheirSeriesAndGivesTheDosesBack() {
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:00", Person.unique());
        assertThat(promised(centre.id())).isEqualTo(24);

        ApiResponse changed = changeDay(admin, centre.id(), day, "09:00", "09:30", 2, 5);

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("seats").asInt()).isEqualTo(12);
        assertThat(changed.json().path("seatsRemoved").asInt()).isEqualTo(6);
        assertThat(changed.json().path("seatsAdded").asInt()).isEqualTo(6);
        assertThat(changed.json().path("seriesWithdrawn").asInt()).isEqualTo(6);
        assertThat(seats(centre.id(), day)).isEqualTo(12);
        assertThat(count("select count(*) from appointment_pair where centre_id = ?", centre.id()))
                .isEqualTo(6);
        // the six withdrawn series' 2nd-dose seats are free again, their 12 doses back in the ledger
        assertThat(count(
                        "select count(*) from seat where centre_id = ? and day = ? and pair_id is null",
                        centre.id(),
                        day.plusDays(21)))
                .isEqualTo(6);
        assertThat(promised(centre.id())).isEqualTo(12);
        assertThat(audits("OPENING_DAY_CHANGED", centre.id())).isEqualTo(1);
        invariants.check(centre.id());
    }

    @Test
    void aWeekIsCopiedWholeInOneTransactionOrNotAtAll() {
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        TestCentre centre = TestCentre.create(admin)
                .open(monday, "08:00", "12:00", 2, 10)
                .open(monday.plusDays(2), "13:00", "18:00", 3, 5);

        ApiResponse copied = copyWeek(
                admin, centre.id(), monday.plusDays(4), monday.plusWeeks(1).plusDays(3));

        assertThat(copied.status()).as(copied.toString()).isEqualTo(201);
        assertThat(copied.json()
                        .path("days")
                        .valueStream()
                        .map(d -> d.path("date").asString() + "="
                                + d.path("seats").asInt())
                        .toList())
                .containsExactly(
                        monday.plusWeeks(1) + "=48", monday.plusWeeks(1).plusDays(2) + "=180");
        assertThat(seats(centre.id(), monday.plusWeeks(1).plusDays(2))).isEqualTo(180);
        assertThat(audits("OPENING_WEEK_COPIED", centre.id())).isEqualTo(1);

        // the week after next opens on Wednesday already: nothing of the copy is written, Monday neither
        centre.open(monday.plusWeeks(2).plusDays(2), "08:00", "09:00", 1, 5);
        ApiResponse refused = copyWeek(admin, centre.id(), monday, monday.plusWeeks(2));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("OPENING_DAYS_EXIST");
        assertThat(refused.json()
                        .path("days")
                        .valueStream()
                        .map(d -> d.asString())
                        .toList())
                .containsExactly(monday.plusWeeks(2).plusDays(2).toString());
        assertThat(count(
                        "select count(*) from opening_day where centre_id = ? and day = ?",
                        centre.id(),
                        monday.plusWeeks(2)))
                .isZero();
        assertThat(audits("OPENING_WEEK_COPIED", centre.id())).isEqualTo(1);

        ApiResponse empty = copyWeek(admin, centre.id(), monday.plusWeeks(5), monday.plusWeeks(6));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.problemCode()).isEqualTo("NOTHING_TO_COPY");
    }

    @Test
    void anOperatorOfAnotherCentreCannotChangeOrCopyThisCentresWeeks() {
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        TestCentre other = TestCentre.create(admin);
        Api stranger = CentreDaySupport.operator(api, other.id());
        Api own = CentreDaySupport.operator(api, centre.id());

        assertThat(changeDay(stranger, centre.id(), day, "09:00", "11:00", 1, 5).status())
                .isEqualTo(403);
        assertThat(copyWeek(stranger, centre.id(), day, day.plusWeeks(1)).status())
                .isEqualTo(403);
        assertThat(seats(centre.id(), day)).isEqualTo(12);
        assertThat(changeDay(own, centre.id(), day, "09:00", "11:00", 1, 5).status())
                .isEqualTo(200);
        assertThat(seats(centre.id(), day)).isEqualTo(24);
    }

    private static ApiResponse changeDay(
            Api as, String centreId, LocalDate date, String opens, String closes, int lanes, int slotMinutes) {
        return as.send(
                "PUT",
                "/api/v1/admin/centres/" + centreId + "/opening-days/" + date,
                obj("opens", opens, "closes", closes, "lanes", lanes, "slotMinutes", slotMinutes));
    }

    private static ApiResponse copyWeek(Api as, String centreId, LocalDate week, LocalDate to) {
        return as.post("/api/v1/admin/centres/" + centreId + "/weeks/" + week + "/copy", obj("to", to.toString()));
    }

    private static String code(ApiResponse booked) {
        TestCentre.expect(booked, 201, "book by phone");
        return booked.json().path("code").asString();
    }

    private int seats(String centreId, LocalDate date) {
        return count("select count(*) from seat where centre_id = ? and day = ?", centreId, date);
    }

    private int promised(String centreId) {
        return count(
                "select sum((series - series_withdrawn) * doses_per_series - doses_returned)::int from release where centre_id = ?",
                centreId);
    }

    private int audits(String action, String centreId) {
        return count(
                "select count(*) from audit_event where action = ? and subject like ?",
                action,
                "centre:" + centreId + ":%");
    }
}
