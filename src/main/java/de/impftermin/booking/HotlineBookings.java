package de.impftermin.booking;

import de.impftermin.booking.domain.BookingCode;
import de.impftermin.inventory.Hold;
import de.impftermin.inventory.HoldRequest;
import de.impftermin.inventory.Holds;
import de.impftermin.inventory.Invitations;
import de.impftermin.platform.AuditLog;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.Channel;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a hotline agent does for a caller, step by step: hold (so the caller can decide while the appointments are
 * reserved), confirm, find, cancel, rebook and resend. The same invariants and refusal codes as online; the hold's
 * subject is the agent's account, so only that agent can confirm it. Every write and every read of a person's data is
 * written to the {@link AuditLog} in the use case's own transaction.
 */
@Service
public class HotlineBookings {

    /** At most this many bookings are shown for one search by name. */
    static final int MOST_FOUND = 20;

    private final Holds holds;
    private final Invitations invitations;
    private final Bookings bookings;
    private final BookingRepository repository;
    private final BookingMessages messages;
    private final AuditLog audit;

    HotlineBookings(
            Holds holds,
            Invitations invitations,
            Bookings bookings,
            BookingRepository repository,
            BookingMessages messages,
            AuditLog audit) {
        this.holds = holds;
        this.invitations = invitations;
        this.bookings = bookings;
        this.repository = repository;
        this.messages = messages;
        this.audit = audit;
    }

    /**
     * Holds one series per caller's person from releases of {@code channel} (the console offers the PHONE contingent
     * first). An agent holds for one caller at a time: a new hold gives the agent's earlier one back. With the
     * caller's invitation code it holds in the INVITATION release the code opens.
     *
     * @throws Refusal {@code NOT_ELIGIBLE} (403), {@code NOT_FOUND} (404), {@code NO_APPOINTMENTS} (409)
     */
    // No transaction here: the claim is committed with others' (Holds).
    public HoldView hold(String agent, WantedAppointments wanted, Channel channel) {
        return Bookings.view(holds.hold(new HoldRequest(
                wanted.centreId(),
                wanted.date(),
                wanted.time(),
                wanted.vaccine(),
                wanted.persons(),
                subject(agent),
                List.of(channel),
                wanted.invitationCode())));
    }

    /**
     * What the caller's invitation code opens; a wrong code counts against the agent's limit, as a citizen's counts
     * against theirs.
     */
    public Invitations.Lookup lookUpInvitation(String agent, String code) {
        return invitations.lookUp(subject(agent), code);
    }

    /** The agent's own hold while it lasts. */
    @Transactional(readOnly = true)
    public Optional<HoldView> findHold(String agent, UUID holdId) {
        return ownHold(agent, holdId)
                .filter(h -> h.series().size() == h.applicants().size())
                .map(Bookings::view);
    }

    /**
     * Confirms the agent's hold for the named persons; phone and e-mail are both optional (then the agent reads the
     * code aloud or sends a letter).
     *
     * @throws Refusal {@code NOT_FOUND} (404) for a hold that is gone, {@code HOLD_EXPIRED} (410),
     *     {@code ALREADY_BOOKED} (409), {@code NOT_ELIGIBLE} (403), {@code PERSONS_MISMATCH} (422)
     */
    @Transactional
    public BookingView confirm(String agent, UUID holdId, List<PersonDetails> persons, Contact contact) {
        Hold hold = ownHold(agent, holdId).orElseThrow(() -> Refusal.notFound("Hold"));
        BookingView booking = bookings.book(hold, persons, contact, Channel.PHONE, null);
        messages.confirmed(booking);
        audit.record("BOOKING_CREATED", booking.code(), persons.size() + " person(s) at " + booking.centreId());
        return booking;
    }

    /** The booking with this code and a person of this birth date; a found booking is audited as looked up. */
    @Transactional
    public Optional<BookingView> find(String code, LocalDate birthDate) {
        Optional<BookingView> found = bookings.find(code, birthDate);
        found.ifPresent(b -> audit.record("BOOKING_LOOKED_UP", b.code(), "by code and birth date"));
        return found;
    }

    /**
     * Bookings of a person by name, birth date and postal code (for a caller who lost the code), newest first; every
     * booking shown is audited as a read of personal data.
     */
    @Transactional
    public List<BookingView> findByName(
            @Nullable String firstName, String lastName, LocalDate birthDate, String postalCode) {
        List<BookingView> found =
                repository.codesByName(firstName, lastName, birthDate, postalCode, MOST_FOUND).stream()
                        .flatMap(code -> repository.find(new BookingCode(code)).stream())
                        .toList();
        found.forEach(b -> audit.record("PERSONAL_DATA_READ", b.code(), "found by name, birth date and postal code"));
        return found;
    }

    /** Cancels for the caller; audited when it changed something (cancelling twice is harmless). */
    @Transactional
    public BookingView cancel(String code, LocalDate birthDate) {
        BookingView before = bookings.find(code, birthDate).orElseThrow(() -> Refusal.notFound("Booking"));
        BookingView after = bookings.cancel(code, birthDate);
        if (before.status() == BookingView.Status.CONFIRMED) {
            audit.record("BOOKING_CANCELLED", after.code(), "for the caller");
        }
        return after;
    }

    /**
     * Moves a booking to the agent's hold for the same persons, in one transaction: the old booking is cancelled and
     * the hold confirmed, or neither.
     *
     * @throws Refusal {@code NOT_FOUND} (404), {@code BOOKING_CANCELLED} (409), {@code HOLD_EXPIRED} (410),
     *     {@code PERSONS_MISMATCH} (422)
     */
    @Transactional
    public BookingView rebook(String agent, String code, LocalDate birthDate, UUID holdId) {
        BookingView old = bookings.find(code, birthDate).orElseThrow(() -> Refusal.notFound("Booking"));
        Hold hold = ownHold(agent, holdId).orElseThrow(() -> Refusal.notFound("Hold"));
        Bookings.requireSamePeople(hold.applicants(), old.persons());
        if (!repository.cancel(old.code())) {
            throw new Refusal(HttpStatus.CONFLICT, "BOOKING_CANCELLED", "This booking is cancelled already.");
        }
        holds.releaseBooking(old.centreId(), repository.idOf(old.code()));
        BookingView booking = bookings.book(hold, old.persons(), old.contact(), Channel.PHONE, null);
        messages.rebooked(old, booking);
        audit.record("BOOKING_REBOOKED", booking.code(), "replaces " + old.code());
        return booking;
    }

    /**
     * Sends the confirmation again through the outbox (SMS and e-mail, as far as the booking has them).
     *
     * @throws Refusal {@code NOT_FOUND} (404), {@code BOOKING_CANCELLED} (409), {@code NO_CONTACT} (422) for a booking
     *     without phone and e-mail
     */
    @Transactional
    public BookingView resendConfirmation(String code, LocalDate birthDate) {
        BookingView booking = bookings.find(code, birthDate).orElseThrow(() -> Refusal.notFound("Booking"));
        if (booking.status() != BookingView.Status.CONFIRMED) {
            throw new Refusal(HttpStatus.CONFLICT, "BOOKING_CANCELLED", "This booking is cancelled.");
        }
        if (booking.contact().phone() == null && booking.contact().email() == null) {
            throw Refusal.invalid("NO_CONTACT", "The booking has neither a phone number nor an e-mail address.");
        }
        messages.confirmed(booking);
        audit.record("CONFIRMATION_RESENT", booking.code(), "to the booking's phone and e-mail");
        return booking;
    }

    private Optional<Hold> ownHold(String agent, UUID holdId) {
        return holds.find(holdId).filter(h -> h.subject().equals(subject(agent)));
    }

    private static String subject(String agent) {
        return "STAFF:" + agent;
    }
}
