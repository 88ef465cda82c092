package de.impftermin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.shared.Language;
import de.impftermin.shared.Vaccine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class NotificationsTests {

    /** Monday 29 March 2027, the first weekday of summer time: 09:00 in Berlin is 07:00 UTC. */
    static final Instant AFTER_DST_CHANGE = Instant.parse("2027-03-29T07:00:00Z");
    /** Friday 26 March 2027, still winter time: 09:30 in Berlin is 08:30 UTC. */
    static final Instant BEFORE_DST_CHANGE = Instant.parse("2027-03-26T08:30:00Z");

    private final List<OutgoingMessage> sent = new ArrayList<>();
    private final Notifications notifications = new Notifications(
            new Outbox(JdbcClient.create(new DriverManagerDataSource())) {
                @Override
                public void enqueue(OutgoingMessage message) {
                    sent.add(message);
                }

                @Override
                public void enqueueUrgent(OutgoingMessage message) {
                    sent.add(message);
                }
            },
            new MessageTexts(),
            Clock.fixed(Instant.parse("2027-03-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void bothLanguagesHaveTheSameTexts() throws IOException {
        assertThat(bundle("notifications/messages_en.properties").keySet())
                .isEqualTo(bundle("notifications/messages.properties").keySet());
    }

    @Test
    void writesTheCodeInTheChosenLanguage() {
        notifications.verificationCode(
                MessageChannel.SMS, "+491701234567", "123456", Duration.ofMinutes(10), Language.DE);
        notifications.verificationCode(
                MessageChannel.EMAIL, "erika@example.org", "654321", Duration.ofMinutes(10), Language.EN);

        assertThat(sent.get(0).body()).contains("123456").contains("10 Minuten gültig");
        assertThat(sent.get(1).subject()).isEqualTo("Your confirmation code: 654321");
        assertThat(sent.get(1).body()).contains("654321").contains("valid for 10 minutes");
    }

    @Test
    void confirmsAHouseholdWithEveryAppointmentInBerlinTimeAcrossTheDaylightSavingChange() {
        notifications.bookingConfirmed(household(Language.DE));

        OutgoingMessage sms = sent.get(0);
        OutgoingMessage mail = sent.get(1);
        assertThat(sms.channel()).isEqualTo(MessageChannel.SMS);
        assertThat(sms.body())
                .contains("K7QM-3XTA-9PLW")
                .contains("Fr. 26.03.27, 09:30 Uhr")
                .hasSizeLessThanOrEqualTo(160);
        assertThat(mail.subject()).isEqualTo("Ihre Impftermine – Buchungscode K7QM-3XTA-9PLW");
        assertThat(mail.body())
                .contains("Erika Mustermann – 1. Impfung (Comirnaty (BioNTech)): Freitag, 26. März 2027, um 09:30 Uhr")
                .contains("Erika Mustermann – 2. Impfung (Comirnaty (BioNTech)): Montag, 29. März 2027, um 09:00 Uhr")
                .contains("Hans Mustermann – 1. Impfung")
                .contains("Impfzentrum Dorsten, Treffpunkt Altstadt, 46282")
                .doesNotContain("{")
                .doesNotContain("''");
        assertThat(mail.attachment()).isNotNull();
        assertThat(mail.attachment().name()).isEqualTo("impftermine.ics");
        String ics = new String(mail.attachment().content(), StandardCharsets.UTF_8);
        assertThat(Pattern.compile("BEGIN:VEVENT").matcher(ics).results().count())
                .isEqualTo(4);
        assertThat(ics).contains("DTSTART:20270326T083000Z").contains("DTSTART:20270329T070000Z");
    }

    @Test
    void writesEnglishWithEnglishDates() {
        notifications.bookingConfirmed(household(Language.EN));

        assertThat(sent.get(0).body()).contains("Fri 26 Mar 27, 09:30");
        assertThat(sent.get(1).subject()).isEqualTo("Your vaccination appointments – booking code K7QM-3XTA-9PLW");
        assertThat(sent.get(1).body())
                .contains("Erika Mustermann – 2nd vaccination (Comirnaty (BioNTech)): Monday, 29 March 2027, at 09:00")
                .doesNotContain("Impfung");
        assertThat(sent.get(1).attachment().name()).isEqualTo("vaccination-appointments.ics");
    }

    @Test
    void sendsOnlyOverTheChannelsTheContactHas() {
        BookingNotice booking = household(Language.DE);
        notifications.bookingCancelled(new BookingNotice(
                booking.code(), Language.DE, null, "erika@example.org", booking.place(), booking.visits()));

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.channel()).isEqualTo(MessageChannel.EMAIL);
            assertThat(mail.subject()).startsWith("Ihre Impftermine sind abgesagt");
            assertThat(mail.attachment()).isNull();
        });
    }

    @Test
    void remindsOfTomorrowsVisitsOnly() {
        BookingNotice booking = household(Language.DE);
        notifications.reminder(booking.withVisits(
                List.of(booking.visits().get(1), booking.visits().get(3))));

        assertThat(sent.get(0).body()).contains("morgen, Mo. 29.03.27, 09:00 Uhr");
        assertThat(sent.get(1).body()).contains("2. Impfung").doesNotContain("1. Impfung");
    }

    @Test
    void tellsTheNewAndTheVoidAppointmentsOfARebooking() {
        BookingNotice previous = household(Language.EN);
        BookingNotice current = previous.withVisits(List.of(new BookingNotice.Visit(
                0, "Erika Mustermann", 1, Vaccine.JCOVDEN, Instant.parse("2027-04-02T12:00:00Z"))));
        notifications.bookingRebooked(previous, current);

        assertThat(sent.get(0).body()).contains("New first appointment: Fri 2 Apr 27, 14:00");
        assertThat(sent.get(1).body())
                .contains(
                        "Erika Mustermann – Vaccination (Jcovden (Johnson & Johnson)): Friday, 2 April 2027, at 14:00")
                .contains("These earlier appointments no longer apply:\nErika Mustermann – 1st vaccination");
    }

    static BookingNotice household(Language language) {
        Instant secondErika = AFTER_DST_CHANGE;
        return new BookingNotice(
                "K7QM-3XTA-9PLW",
                language,
                "+491701234567",
                "erika@example.org",
                new BookingNotice.Place("Impfzentrum Dorsten", "Treffpunkt Altstadt", "46282"),
                List.of(
                        new BookingNotice.Visit(0, "Erika Mustermann", 1, Vaccine.COMIRNATY, BEFORE_DST_CHANGE),
                        new BookingNotice.Visit(0, "Erika Mustermann", 2, Vaccine.COMIRNATY, secondErika),
                        new BookingNotice.Visit(
                                1, "Hans Mustermann", 1, Vaccine.COMIRNATY, BEFORE_DST_CHANGE.plusSeconds(300)),
                        new BookingNotice.Visit(
                                1, "Hans Mustermann", 2, Vaccine.COMIRNATY, secondErika.plusSeconds(300))));
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = NotificationsTests.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
