package de.impftermin.operations;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The message about a cancelled day says why, in the words the operator gave, in the language the person booked in:
 * the English reason where one was given, otherwise the German one, marked as German.
 */
@IntegrationTest
class DayCancellationReasonIntegrationTests extends ApiTestSupport {

    private static final String GERMAN = "Der Impfstoff wurde nicht geliefert.";
    private static final String ENGLISH = "The vaccine was not delivered.";

    private final LocalDate day = TestCentre.day(80);

    @Test
    void eachPersonReadsTheOperatorsReasonInTheLanguageTheyBookedIn() throws InterruptedException {
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        Contact german = book(centre, "09:00", "de");
        Contact english = book(centre, "09:30", "en");
        long before = lastMessage();

        String job = cancel(centre, ENGLISH);
        awaitDone(job);

        assertThat(messagesTo(german, before))
                .hasSize(2)
                .allSatisfy(message -> assertThat(message)
                        .contains("abgesagt")
                        .contains("Grund: " + GERMAN)
                        .doesNotContain(ENGLISH));
        assertThat(messagesTo(english, before))
                .hasSize(2)
                .allSatisfy(message -> assertThat(message)
                        .contains("cancelled")
                        .contains("Reason: " + ENGLISH)
                        .doesNotContain(GERMAN));
    }

    @Test
    void anEnglishBookingMovedWithoutAnEnglishReasonReadsTheGermanOneMarkedAsGerman() throws InterruptedException {
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 1, 5)
                .open(day.plusDays(1), "09:00", "10:00", 1, 5)
                .open(day.plusDays(21), "09:00", "10:00", 1, 5)
                .open(day.plusDays(22), "09:00", "10:00", 1, 5)
                .deliver("comirnaty", 48, day.minusDays(1));
        centre.release("comirnaty", day, day.plusDays(1), 24);
        Contact english = book(centre, "09:00", "en");
        long before = lastMessage();

        String job = cancel(centre, null);
        assertThat(awaitDone(job).path("moved").asInt()).isEqualTo(1);

        assertThat(messagesTo(english, before))
                .hasSize(2)
                .allSatisfy(message -> assertThat(message)
                        .contains("rebooked")
                        .contains("Reason given by the centre (in German): " + GERMAN));
    }

    record Contact(String phone, String email) {}

    private Contact book(TestCentre centre, String time, String language) {
        Contact contact = new Contact(Citizens.freshPhone(), Citizens.freshEmail());
        Map<String, Object> body = CentreDaySupport.body(centre.id(), day, time, contact.phone(), Person.unique());
        body.put("contact", obj("phone", contact.phone(), "email", contact.email()));
        body.put("language", language);
        TestCentre.expect(admin.post("/api/v1/hotline/bookings", body), 201, "book in " + language);
        return contact;
    }

    private String cancel(TestCentre centre, String reasonEn) {
        ApiResponse started = admin.post(
                "/api/v1/admin/centres/" + centre.id() + "/days/" + day + "/cancel",
                obj("reason", GERMAN, "reasonEn", reasonEn, "dryRun", false));
        TestCentre.expect(started, 202, "cancel the day");
        return started.json().path("job").asString();
    }

    private tools.jackson.databind.JsonNode awaitDone(String job) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            var status = admin.get("/api/v1/admin/jobs/" + job).json();
            if ("DONE".equals(status.path("status").asString())) {
                return status;
            }
            assertThat(Instant.now()).as("job done in time: " + status).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private long lastMessage() {
        return jdbc.sql("select coalesce(max(id), 0) from outbox_message")
                .query(Long.class)
                .single();
    }

    /** The messages to the contact's phone and address since {@code after}: those about the cancelled day. */
    private List<String> messagesTo(Contact contact, long after) {
        return jdbc.sql("""
                        select coalesce(subject, '') || ' ' || body from outbox_message
                        where recipient in (?, ?) and id > ? order by id
                        """)
                .params(contact.phone(), contact.email(), after)
                .query(String.class)
                .list();
    }
}
