package de.impftermin.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.impftermin.eligibility.Applicant;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.Channel;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The hotline's use cases on the real database: the PHONE contingent held and booked in two steps, the same refusals
 * as online, and exactly one audit row per action (none for a refused one).
 */
@IntegrationTest
@WithMockUser(username = "agent-it", roles = "AGENT")
class HotlineBookingsIntegrationTests extends ApiTestSupport {

    private static final LocalDate ERNA = LocalDate.of(1941, 5, 3);
    private static final LocalDate KARL = LocalDate.of(1940, 1, 2);

    @Autowired
    HotlineBookings hotline;

    private final LocalDate day = TestCentre.day(7);
    private final String lastName = "Muster-" + UUID.randomUUID().toString().substring(0, 8);
    private TestCentre centre;

    @BeforeEach
    void aCentreWithAPhoneContingent() {
        centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 2, 5)
                .open(day.plusDays(21), "09:00", "10:00", 2, 5)
                .deliver("comirnaty", 48, day.minusDays(1));
        Map<String, Object> phone = centre.releaseBody("comirnaty", day, day, 12);
        phone.put("channel", "PHONE");
        assertThat(centre.tryRelease(phone).status()).isEqualTo(201);
    }

    @Test
    void holdsThePhoneContingentForACoupleAndBooksItWithOneAuditRow() {
        HoldView hold = hotline.hold("agent-it", wanted(), Channel.PHONE);
        assertThat(hold.series()).hasSize(2);
        assertThat(hotline.findHold("agent-it", hold.id())).isPresent();
        assertThat(hotline.findHold("someone-else", hold.id())).isEmpty();

        BookingView booking = hotline.confirm("agent-it", hold.id(), couple(), new Contact(null, null));

        assertThat(booking.channel()).isEqualTo(Channel.PHONE);
        assertThat(booking.appointments()).hasSize(4);
        assertThat(audited("BOOKING_CREATED", booking.code())).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where subject = ? and actor = 'agent-it'", booking.code()))
                .isEqualTo(1);
        invariants.check(centre.id());
    }

    @Test
    void anotherAgentCannotConfirmTheHold() {
        HoldView hold = hotline.hold("agent-it", wanted(), Channel.PHONE);

        assertThatThrownBy(() -> hotline.confirm("agent-other", hold.id(), couple(), new Contact(null, null)))
                .isInstanceOf(Refusal.class)
                .extracting("code")
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void aRefusedBookingWritesNoAuditRow() {
        HoldView first = hotline.hold("agent-it", wanted(), Channel.PHONE);
        hotline.confirm("agent-it", first.id(), couple(), new Contact(null, null));
        int created = count("select count(*) from audit_event where action = 'BOOKING_CREATED'");
        HoldView second = hotline.hold("agent-it", wanted(), Channel.PHONE);

        assertThatThrownBy(() -> hotline.confirm("agent-it", second.id(), couple(), new Contact(null, null)))
                .isInstanceOf(Refusal.class)
                .extracting("code")
                .isEqualTo("ALREADY_BOOKED");
        assertThat(count("select count(*) from audit_event where action = 'BOOKING_CREATED'"))
                .isEqualTo(created);
    }

    @Test
    void findsABookingByNameBirthDateAndPostalCodeAndAuditsTheRead() {
        BookingView booking = booked(new Contact(null, null));

        List<BookingView> found = hotline.findByName(null, lastName.toUpperCase(), KARL, "46282");

        assertThat(found).extracting(BookingView::code).containsExactly(booking.code());
        assertThat(hotline.findByName("Erna", lastName, KARL, "46282")).isEmpty();
        assertThat(hotline.findByName(null, lastName, KARL, "46283")).isEmpty();
        assertThat(audited("PERSONAL_DATA_READ", booking.code())).isEqualTo(1);
        assertThat(hotline.find(booking.code(), ERNA)).isPresent();
        assertThat(audited("BOOKING_LOOKED_UP", booking.code())).isEqualTo(1);
    }

    @Test
    void cancelsOnceAuditedAndFreesTheAppointments() {
        BookingView booking = booked(new Contact(null, null));

        hotline.cancel(booking.code(), KARL);
        BookingView again = hotline.cancel(booking.code(), KARL);

        assertThat(again.status()).isEqualTo(BookingView.Status.CANCELLED);
        assertThat(audited("BOOKING_CANCELLED", booking.code())).isEqualTo(1);
        assertThat(hotline.hold("agent-it", wanted(), Channel.PHONE).series()).hasSize(2);
        invariants.check(centre.id());
    }

    @Test
    void rebooksTheCallerInOneStepAndResendsTheConfirmation() {
        BookingView old = booked(new Contact("+4917012345678", null));
        HoldView next = hotline.hold(
                "agent-it",
                new WantedAppointments(centre.id(), day, LocalTime.of(9, 30), null, applicants()),
                Channel.PHONE);

        BookingView moved = hotline.rebook("agent-it", old.code(), ERNA, next.id());
        int messages = count("select count(*) from outbox_message where recipient = '+4917012345678'");
        hotline.resendConfirmation(moved.code(), ERNA);

        assertThat(hotline.find(old.code(), ERNA).orElseThrow().status()).isEqualTo(BookingView.Status.CANCELLED);
        assertThat(moved.persons()).extracting(PersonDetails::lastName).containsOnly(lastName);
        assertThat(audited("BOOKING_REBOOKED", moved.code())).isEqualTo(1);
        assertThat(audited("CONFIRMATION_RESENT", moved.code())).isEqualTo(1);
        assertThat(count("select count(*) from outbox_message where recipient = '+4917012345678'"))
                .isGreaterThan(messages);
        invariants.check(centre.id());
    }

    private BookingView booked(Contact contact) {
        HoldView hold = hotline.hold("agent-it", wanted(), Channel.PHONE);
        return hotline.confirm("agent-it", hold.id(), couple(), contact);
    }

    private int audited(String action, String subject) {
        return count("select count(*) from audit_event where action = ? and subject = ?", action, subject);
    }

    private WantedAppointments wanted() {
        return new WantedAppointments(centre.id(), day, LocalTime.of(9, 0), null, applicants());
    }

    private static List<Applicant> applicants() {
        return List.of(new Applicant(KARL, "46282"), new Applicant(ERNA, "46282"));
    }

    private List<PersonDetails> couple() {
        return List.of(
                new PersonDetails("Karl", lastName, KARL, "46282"), new PersonDetails("Erna", lastName, ERNA, "46282"));
    }
}
