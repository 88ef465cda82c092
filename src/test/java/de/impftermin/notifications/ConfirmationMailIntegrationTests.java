package de.impftermin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import de.impftermin.support.IntegrationTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The messages of a booking through the real SMTP protocol, into the embedded GreenMail server. */
@IntegrationTest
class ConfirmationMailIntegrationTests {

    /** The Monday after the change to summer time in 2027: 08:00 in Berlin is 06:00 UTC. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2027, 3, 29);

    private static final DateTimeFormatter ICS_UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final List<BookingFlow.Person> COUPLE =
            List.of(BookingFlow.Person.born("Erika", "Mustermann"), BookingFlow.Person.born("Hans", "Mustermann"));

    @Autowired
    GreenMail greenMail;

    @LocalServerPort
    int port;

    @Test
    void confirmationArrivesOverSmtpWithACalendarFileOfBothDosesOfEveryPerson() throws Exception {
        BookingFlow flow = new BookingFlow(port);
        String email = "erika-" + UUID.randomUUID() + "@example.org";
        JsonNode booking = flow.book(flow.centreWithRelease(FIRST_DAY), FIRST_DAY, "de", email, null, COUPLE);
        String code = booking.get("code").asString();

        MimeMessage mail = awaitMail(email, "Buchungscode " + code);

        assertThat(mail.getSubject()).isEqualTo("Ihre Impftermine – Buchungscode " + code);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("termine@impftermin.example");
        List<OffsetDateTime> appointments = StreamSupport.stream(
                        booking.get("appointments").spliterator(), false)
                .map(a -> OffsetDateTime.parse(a.get("startsAt").asString()))
                .toList();
        assertThat(appointments)
                .hasSize(4)
                .allSatisfy(startsAt -> assertThat(startsAt.getOffset()).isEqualTo(ZoneOffset.ofHours(2)));
        assertThat(text(mail))
                .contains("Erika Mustermann – 1. Impfung (Comirnaty (BioNTech)): Montag, 29. März 2027, um 08:")
                .contains("Hans Mustermann – 2. Impfung (Comirnaty (BioNTech)): Montag, 19. April 2027, um 0");

        BodyPart calendar = attachment(mail).orElseThrow();
        assertThat(calendar.getFileName()).isEqualTo("impftermine.ics");
        assertThat(calendar.getContentType()).startsWith("text/calendar");
        List<List<String>> events = events(calendar);
        assertThat(events).hasSize(4);
        assertThat(events.stream().map(event -> property(event, "DTSTART")))
                .allMatch(start -> start.endsWith("Z"))
                .containsExactlyInAnyOrderElementsOf(appointments.stream()
                        .map(startsAt -> ICS_UTC.format(startsAt.toInstant()))
                        .toList());
        assertThat(events.stream().map(event -> property(event, "SUMMARY")))
                .containsExactlyInAnyOrder(
                        "1. Impfung: Erika Mustermann",
                        "2. Impfung: Erika Mustermann",
                        "1. Impfung: Hans Mustermann",
                        "2. Impfung: Hans Mustermann");
        assertThat(events.stream().map(event -> property(event, "DTSTART")))
                .contains(ICS_UTC.format(FIRST_DAY.atTime(6, 0).toInstant(ZoneOffset.UTC)));
    }

    @Test
    void writesToAnEnglishBookingInEnglishAlsoWhenItIsCancelled() throws Exception {
        BookingFlow flow = new BookingFlow(port);
        String email = "john-" + UUID.randomUUID() + "@example.org";
        String phone = "+4915" + (100_000_000L + (long) (Math.random() * 800_000_000L));
        List<BookingFlow.Person> john = List.of(BookingFlow.Person.born("John", "Smith"));
        JsonNode booking = flow.book(flow.centreWithRelease(FIRST_DAY), FIRST_DAY, "en", email, phone, john);
        String code = booking.get("code").asString();
        assertThat(booking.get("contact").get("language").asString()).isEqualTo("en");

        MimeMessage confirmation = awaitMail(email, "booking code " + code);
        assertThat(confirmation.getSubject()).isEqualTo("Your vaccination appointments – booking code " + code);
        assertThat(text(confirmation))
                .contains("John Smith – 1st vaccination")
                .contains("Monday, 29 March 2027, at 08:");
        assertThat(attachment(confirmation).orElseThrow().getFileName()).isEqualTo("vaccination-appointments.ics");
        assertThat(flow.awaitInbox(phone, 1).get(0).get("body").asString())
                .startsWith("Vaccination booked. Code " + code + ". First appointment: Mon 29 Mar 27, 08:");

        flow.cancel(code, john.getFirst().birthDate());

        MimeMessage cancellation = awaitMail(email, "cancelled – booking code " + code);
        assertThat(text(cancellation)).contains("These vaccination appointments are cancelled");
        assertThat(attachment(cancellation)).isEmpty();
        assertThat(flow.awaitInbox(phone, 2).get(0).get("body").asString())
                .isEqualTo("Your vaccination appointments with code " + code + " (Impfzentrum "
                        + booking.get("appointments").get(0).get("centreId").asString() + ") are cancelled.");
    }

    private MimeMessage awaitMail(String to, String subjectPart) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(to))
                        && message.getSubject().contains(subjectPart)) {
                    return message;
                }
            }
            BookingFlow.pause();
        }
        throw new AssertionError("no mail to " + to + " about " + subjectPart);
    }

    private static String text(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof String text) {
            return text;
        }
        Multipart multipart = (Multipart) content;
        for (int i = 0; i < multipart.getCount(); i++) {
            String found = text(multipart.getBodyPart(i));
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no text part");
    }

    private static String text(BodyPart part) throws Exception {
        if (part.isMimeType("text/plain") && part.getFileName() == null) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart nested) {
            for (int i = 0; i < nested.getCount(); i++) {
                String found = text(nested.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Optional<BodyPart> attachment(MimeMessage mail) throws Exception {
        if (!(mail.getContent() instanceof Multipart multipart)) {
            return Optional.empty();
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            if (multipart.getBodyPart(i).getFileName() != null) {
                return Optional.of(multipart.getBodyPart(i));
            }
        }
        return Optional.empty();
    }

    /** The VEVENTs of an iCalendar file, each as its unfolded content lines (RFC 5545 §3.1). */
    private static List<List<String>> events(BodyPart calendar) throws Exception {
        String ics;
        try (InputStream in = calendar.getInputStream()) {
            ics = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        List<List<String>> events = new ArrayList<>();
        List<String> current = null;
        for (String line : ics.replace("\r\n ", "").split("\r\n")) {
            if (line.equals("BEGIN:VEVENT")) {
                current = new ArrayList<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(current);
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return events;
    }

    private static String property(List<String> event, String name) {
        return event.stream()
                .filter(line -> line.startsWith(name + ":"))
                .findFirst()
                .map(line -> line.substring(name.length() + 1))
                .orElseThrow();
    }
}
