package de.impftermin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.notifications.BookingFlow;
import de.impftermin.shared.BerlinTime;
import de.impftermin.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The reminder the day before: once per booking and day, also with several instances claiming at once. */
@IntegrationTest
class RemindersIntegrationTests {

    /** Sunday 31 October 2027, the day summer time ends: it has 25 hours. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2027, 10, 31);

    private static final List<BookingFlow.Person> COUPLE =
            List.of(BookingFlow.Person.born("Erika", "Mustermann"), BookingFlow.Person.born("Hans", "Mustermann"));

    @Autowired
    Reminders reminders;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void remindsEachBookingOnceTheDayBeforeEachDoseWhileFourInstancesClaimAtOnce() throws Exception {
        BookingFlow flow = new BookingFlow(port);
        String centre = flow.centreWithRelease(FIRST_DAY);
        String email = "erika-" + UUID.randomUUID() + "@example.org";
        String phone = "+49160" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        flow.book(centre, FIRST_DAY, "de", email, phone, COUPLE);
        String cancelledEmail = "cancelled-" + UUID.randomUUID() + "@example.org";
        List<BookingFlow.Person> other = List.of(BookingFlow.Person.born("Otto", "Normal"));
        JsonNode cancelled = flow.book(centre, FIRST_DAY, "de", cancelledEmail, null, other);
        flow.cancel(cancelled.get("code").asString(), other.getFirst().birthDate());

        reminders.remindDue(berlin(FIRST_DAY.minusDays(1), LocalTime.of(8, 59)));
        assertThat(remindersTo(phone)).as("before 09:00").isEmpty();

        inParallel(4, () -> reminders.remindDue(berlin(FIRST_DAY.minusDays(1), LocalTime.of(10, 0))));
        reminders.remindDue(berlin(FIRST_DAY.minusDays(1), LocalTime.of(11, 0)));

        assertThat(remindersTo(phone))
                .singleElement()
                .asString()
                .startsWith("Erinnerung: Ihr Impftermin ist morgen, So. 31.10.27, 08:00 Uhr, Impfzentrum " + centre);
        assertThat(remindersTo(email))
                .singleElement()
                .asString()
                .contains("Erika Mustermann – 1. Impfung (Comirnaty (BioNTech)): Sonntag, 31. Oktober 2027, um 08:")
                .contains("Hans Mustermann – 1. Impfung")
                .doesNotContain("2. Impfung");
        assertThat(remindersTo(cancelledEmail)).isEmpty();

        inParallel(2, () -> reminders.remindDue(berlin(FIRST_DAY.plusDays(20), LocalTime.of(9, 0))));

        assertThat(remindersTo(email))
                .hasSize(2)
                .last()
                .asString()
                .contains("Erika Mustermann – 2. Impfung (Comirnaty (BioNTech)): Sonntag, 21. November 2027, um 08:")
                .doesNotContain("1. Impfung");
    }

    private List<String> remindersTo(String recipient) {
        return jdbc.sql("""
                        select body from outbox_message
                        where recipient = ? and (subject like 'Erinnerung%' or body like 'Erinnerung%') order by id
                        """).param(recipient).query(String.class).list();
    }

    private static Instant berlin(LocalDate day, LocalTime time) {
        return BerlinTime.at(day, time);
    }

    private static void inParallel(int instances, Callable<Integer> job) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return job.call();
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        }
    }
}
