package de.impftermin.privacy;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.booking.BookingRecords;
import de.impftermin.booking.BookingStatistics;
import de.impftermin.hotline.CallBackRecords;
import de.impftermin.inventory.SeriesStatistics;
import de.impftermin.notifications.MessageRecords;
import de.impftermin.operations.VisitStatistics;
import de.impftermin.platform.AuditLog;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Race;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import de.impftermin.waitlist.RegistrationRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The retention job on the real database, driven by a controlled clock: each kind of personal record is deleted or
 * anonymised exactly when its period is over and not a minute before, the office's statistics count the same before
 * and after, the audit log keeps every entry for its legal minimum whatever the job is told, and two runs racing on
 * real threads share the work without doing any of it twice. The class runs in a context (and database) of its own
 * (a small batch, so that every kind takes several batches), because a run at a clock months ahead purges whatever
 * is due in the whole database.
 */
@IntegrationTest
@TestPropertySource(properties = "impftermin.retention.batch=7")
class RetentionIntegrationTests extends ApiTestSupport {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired
    RetentionSettings settings;

    @Autowired
    BookingRecords bookingRecords;

    @Autowired
    MessageRecords messageRecords;

    @Autowired
    CallBackRecords callBackRecords;

    @Autowired
    RegistrationRecords registrationRecords;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    BookingStatistics bookingStatistics;

    @Autowired
    SeriesStatistics seriesStatistics;

    @Autowired
    VisitStatistics visitStatistics;

    private final LocalDate day = TestCentre.day(3);

    @Test
    void aBookingIsAnonymisedWhenItsPeriodAfterTheLastAppointmentIsOverAndNotAMinuteBefore() {
        TestCentre centre = TestCentre.bookable(admin, day, 6);
        Person person = Person.unique();
        String code = book(centre, person);
        Instant last = lastAppointment(code);

        job(last.plus(settings.bookings()).minus(MINUTE)).runOnce();
        assertThat(persons(code)).isEqualTo(1);
        assertThat(api.get("/api/v1/bookings/" + code + "?birthDate=" + person.birthDate())
                        .status())
                .isEqualTo(200);

        Instant at = last.plus(settings.bookings()).plus(MINUTE);
        RetentionRun run = job(at).runOnce();

        assertThat(run.of(RetentionRun.Kind.BOOKINGS)).isGreaterThanOrEqualTo(1);
        assertThat(persons(code)).isZero();
        assertThat(jdbc.sql("""
                                select contact_phone is null and contact_email is null and subject = ''
                                       and anonymised_at = ? and status = 'CONFIRMED'
                                from booking where code = ?
                                """).params(utc(at), code).query(Boolean.class).single())
                .isTrue();
        assertThat(count(
                        "select count(*) from booking_appointment where booking_id = (select id from booking where code = ?)",
                        code))
                .as("the appointments stay for the statistics")
                .isEqualTo(2);
        assertThat(api.get("/api/v1/bookings/" + code + "?birthDate=" + person.birthDate())
                        .status())
                .as("an anonymised booking is found by nobody")
                .isEqualTo(404);
        assertThat(run.detail()).doesNotContain(code, person.lastName());
    }

    @Test
    void aCancelledBookingCountsFromItsCancellation() {
        TestCentre centre = TestCentre.bookable(admin, day, 6);
        Person person = Person.unique();
        String code = book(centre, person);
        cancel(code, person);
        Instant cancelledAt = jdbc.sql("select cancelled_at from booking where code = ?")
                .param(code)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();

        job(cancelledAt.plus(settings.bookings()).minus(MINUTE)).runOnce();
        assertThat(persons(code)).isEqualTo(1);

        job(cancelledAt.plus(settings.bookings()).plus(MINUTE)).runOnce();
        assertThat(persons(code))
                .as("anonymised long before its appointments' dates")
                .isZero();
    }

    @Test
    void theOfficeStatisticsCountTheSameBeforeAndAfterAnonymisation() {
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        List<String> codes = new ArrayList<>();
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Person person = Person.unique();
            persons.add(person);
            codes.add(book(centre, person));
        }
        cancel(codes.get(0), persons.get(0));
        mark(codes.get(1), "check-in");
        mark(codes.get(1), "vaccinated");
        mark(codes.get(2), "no-show");
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        var hoursBefore = bookingStatistics.perHour(from, to, centre.id());
        var daysBefore = bookingStatistics.perDay(LocalDate.now().minusDays(1), LocalDate.now(), centre.id());
        var seriesBefore = series(centre);
        var visitsBefore = visits(centre, from, to);

        job(lastAppointment(codes.get(3)).plus(settings.bookings()).plus(MINUTE))
                .runOnce();

        assertThat(codes).allSatisfy(code -> assertThat(persons(code)).isZero());
        assertThat(bookingStatistics.perHour(from, to, centre.id())).isEqualTo(hoursBefore);
        assertThat(bookingStatistics.perDay(LocalDate.now().minusDays(1), LocalDate.now(), centre.id()))
                .isEqualTo(daysBefore);
        assertThat(series(centre)).isEqualTo(seriesBefore);
        assertThat(visits(centre, from, to)).isEqualTo(visitsBefore);
        assertThat(visitsBefore.vaccinated()).isEqualTo(1);
        assertThat(visitsBefore.noShows()).isEqualTo(1);
    }

    @Test
    void verificationRecordsGoOneDayAfterTheCodeWasSent() {
        String phone = Citizens.freshPhone();
        citizens.verifyFast(phone);
        Instant sent = jdbc.sql("select created_at from verification where address = ?")
                .param(phone)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();

        job(sent.plus(settings.verifications()).minus(MINUTE)).runOnce();
        assertThat(count("select count(*) from verification where address = ?", phone))
                .isEqualTo(1);

        job(sent.plus(settings.verifications()).plus(MINUTE)).runOnce();
        assertThat(count("select count(*) from verification where address = ?", phone))
                .isZero();
    }

    @Test
    void sentMessagesGoAWeekAfterTheyWereWrittenAndAnUnsentOneNever() {
        String phone = Citizens.freshPhone();
        citizens.verifyFast(phone);
        long sent = awaitSent(phone);
        Instant written = jdbc.sql("select created_at from outbox_message where id = ?")
                .param(sent)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        String stuck = Citizens.freshPhone();
        long unsent =
                jdbc.sql("""
                        insert into outbox_message (channel, recipient, body, created_at, next_attempt_at)
                        values ('SMS', ?, 'not sent yet', ?, now() + interval '1000 days') returning id
                        """).params(stuck, utc(written)).query(Long.class).single();
        try {
            job(written.plus(settings.outbox()).minus(MINUTE)).runOnce();
            assertThat(count("select count(*) from outbox_message where id = ?", sent))
                    .isEqualTo(1);

            job(written.plus(settings.outbox()).plus(MINUTE)).runOnce();
            assertThat(count("select count(*) from outbox_message where id = ?", sent))
                    .isZero();
            assertThat(count("select count(*) from outbox_message where id = ?", unsent))
                    .as("a message on its way is never lost")
                    .isEqualTo(1);
        } finally {
            jdbc.sql("delete from outbox_message where id = ?").param(unsent).update();
        }
    }

    @Test
    void aClosedCallBackGoesWithItsAttemptsThirtyDaysAfterClosing() {
        String phone = Citizens.freshPhone();
        String token = citizens.verifyFast(phone);
        ApiResponse requested =
                api.post("/api/v1/callbacks", obj("postalCode", "46282", "persons", 1), "X-Verification-Token", token);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().path("id").asString();
        takeUntil(id);
        ApiResponse outcome = admin.post(
                "/api/v1/hotline/callbacks/" + id + "/outcome",
                obj("outcome", "NO_LONGER_NEEDED", "bookingCode", null));
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(200);
        Instant closed = jdbc.sql("select closed_at from call_back where id = ?::uuid")
                .param(id)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();

        job(closed.plus(settings.callBacks()).minus(MINUTE)).runOnce();
        assertThat(count("select count(*) from call_back where id = ?::uuid", id))
                .isEqualTo(1);

        job(closed.plus(settings.callBacks()).plus(MINUTE)).runOnce();
        assertThat(count("select count(*) from call_back where id = ?::uuid", id))
                .isZero();
        assertThat(count("select count(*) from call_back_attempt where call_back_id = ?::uuid", id))
                .isZero();
    }

    @Test
    void aWithdrawnWaitlistRegistrationGoesThirtyDaysAfterItEnded() {
        String token = citizens.verifyFast(Citizens.freshPhone());
        ApiResponse registered = api.post(
                "/api/v1/waitlist",
                obj(
                        "persons",
                        List.of(Requests.details(Person.unique())),
                        "centreIds",
                        List.of(TestCentre.create(admin).id()),
                        "vaccine",
                        null,
                        "contact",
                        obj("phone", null, "email", Citizens.freshEmail())),
                "X-Verification-Token",
                token);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.json().path("id").asString();
        ApiResponse withdrawn = api.send(
                "DELETE",
                "/api/v1/waitlist/" + id,
                null,
                "X-Waitlist-Token",
                registered.json().path("token").asString());
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        Instant closed = jdbc.sql("select closed_at from waitlist_registration where id = ?::uuid")
                .param(id)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();

        job(closed.plus(settings.waitlist()).minus(MINUTE)).runOnce();
        assertThat(count("select count(*) from waitlist_registration where id = ?::uuid", id))
                .isEqualTo(1);

        job(closed.plus(settings.waitlist()).plus(MINUTE)).runOnce();
        assertThat(count("select count(*) from waitlist_registration where id = ?::uuid", id))
                .isZero();
    }

    @Test
    void theAuditLogKeepsEveryEntryForItsLegalMinimumWhateverTheJobIsTold() {
        String subject = "retention-" + UUID.randomUUID();
        insertAuditEntry(subject + "-13-months", "13 months");
        insertAuditEntry(subject + "-11-months", "11 months");

        job(Instant.now()).runOnce();
        assertThat(auditEntries(subject + "-13-months"))
                .as("two years by default")
                .isEqualTo(1);

        // told to keep entries for 330 days only (a clock 400 days ahead and 730 days of retention): the database
        // still keeps everything younger than a year
        RetentionRun run = job(Instant.now().plus(Duration.ofDays(400))).runOnce();

        assertThat(auditEntries(subject + "-13-months")).isZero();
        assertThat(auditEntries(subject + "-11-months")).isEqualTo(1);
        assertThat(run.of(RetentionRun.Kind.AUDIT)).isGreaterThanOrEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_event where actor = 'retention' and action = 'PERSONAL_DATA_PURGED'"
                                + " and detail like '%audit " + run.of(RetentionRun.Kind.AUDIT) + "%'"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void twoRunsRacingOnRealThreadsShareTheWorkAndDoNothingTwice() {
        TestCentre centre = TestCentre.bookable(admin, day, 24);
        List<String> codes = Race.prepare(20, i -> book(centre, Person.unique()));
        Instant last = codes.stream()
                .map(this::lastAppointment)
                .max(Instant::compareTo)
                .orElseThrow();
        // an instant of its own, so that the rows these two runs anonymised can be told apart
        Instant at = last.plus(settings.bookings()).plus(Duration.ofMillis(1 + (System.nanoTime() % 10_000)));

        List<RetentionRun> runs = Race.run(2, i -> job(at).runOnce());

        int anonymised = count("select count(*) from booking where anonymised_at = ?", utc(at));
        assertThat(runs.stream().mapToInt(r -> r.of(RetentionRun.Kind.BOOKINGS)).sum())
                .as("every booking anonymised by exactly one of the runs")
                .isEqualTo(anonymised);
        assertThat(codes).allSatisfy(code -> {
            assertThat(persons(code)).isZero();
            assertThat(count("select count(*) from booking where code = ? and anonymised_at = ?", code, utc(at)))
                    .isEqualTo(1);
        });
        assertThat(anonymised).isGreaterThanOrEqualTo(codes.size());
    }

    private RetentionJob job(Instant at) {
        return new RetentionJob(
                settings,
                Clock.fixed(at, ZoneOffset.UTC),
                bookingRecords,
                verifications,
                messageRecords,
                callBackRecords,
                registrationRecords,
                audit,
                transactions);
    }

    private String book(TestCentre centre, Person person) {
        ApiResponse booked = citizens.book(citizens.citizen(), centre.id(), day, "09:00", person);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked.json().path("code").asString();
    }

    private void cancel(String code, Person person) {
        ApiResponse cancelled = api.post(
                "/api/v1/bookings/" + code + "/cancel",
                obj("birthDate", person.birthDate().toString()));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    }

    private void mark(String code, String mark) {
        ApiResponse marked = admin.post("/api/v1/admin/appointments/" + code + "-1-1/" + mark, obj());
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
    }

    private Instant lastAppointment(String code) {
        return jdbc.sql("""
                        select max(starts_at) from booking_appointment
                        where booking_id = (select id from booking where code = ?)
                        """).param(code).query(OffsetDateTime.class).single().toInstant();
    }

    private int persons(String code) {
        return count(
                "select count(*) from booking_person where booking_id = (select id from booking where code = ?)", code);
    }

    private SeriesStatistics.CentreSeries series(TestCentre centre) {
        return seriesStatistics.perCentre(day).stream()
                .filter(c -> c.centreId().equals(centre.id()))
                .findFirst()
                .orElseThrow();
    }

    private VisitStatistics.CentreVisits visits(TestCentre centre, Instant from, Instant to) {
        return visitStatistics.perCentre(from, to).stream()
                .filter(c -> c.centreId().equals(centre.id()))
                .findFirst()
                .orElseThrow();
    }

    private long awaitSent(String phone) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            List<Long> ids = jdbc.sql("select id from outbox_message where recipient = ? and sent_at is not null")
                    .param(phone)
                    .query(Long.class)
                    .list();
            if (!ids.isEmpty()) {
                return ids.getFirst();
            }
            sleep();
        }
        throw new AssertionError("no message to " + phone + " was sent");
    }

    private void takeUntil(String id) {
        for (int i = 0; i < 100; i++) {
            ApiResponse taken = admin.post("/api/v1/hotline/callbacks/next", null);
            assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
            if (taken.json().path("id").asString().equals(id)) {
                return;
            }
        }
        throw new AssertionError("call-back " + id + " was never taken");
    }

    private void insertAuditEntry(String subject, String age) {
        jdbc.sql(
                        "insert into audit_event (at, actor, action, subject) values (now() - cast(? as interval), 't-tester', 'TEST_ACTION', ?)")
                .params(age, subject)
                .update();
    }

    private int auditEntries(String subject) {
        return count("select count(*) from audit_event where subject = ?", subject);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
