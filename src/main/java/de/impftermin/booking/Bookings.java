package de.impftermin.booking;

import de.impftermin.admission.WaitingRoom;
import de.impftermin.booking.domain.BookingCode;
import de.impftermin.eligibility.Applicant;
import de.impftermin.eligibility.EligibilityDecision;
import de.impftermin.inventory.Hold;
import de.impftermin.inventory.HoldRequest;
import de.impftermin.inventory.Holds;
import de.impftermin.inventory.Series;
import de.impftermin.platform.GroupCommit;
import de.impftermin.platform.GroupCommits;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import de.impftermin.shared.StatedReason;
import de.impftermin.shared.Vaccine;
import de.impftermin.verification.ContactAddress;
import de.impftermin.verification.Verifications;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The booking module's API: one method per use case, one transaction each. */
@Service
public class Bookings {

    private static final List<Channel> ONLINE = List.of(Channel.ONLINE);
    private static final List<Channel> PHONE_FIRST = List.of(Channel.PHONE, Channel.ONLINE);

    private final Holds holds;
    private final Verifications verifications;
    private final WaitingRoom waitingRoom;
    private final BookingRepository repository;
    private final BookingMessages messages;
    private final BookingMetrics metrics;
    private final GroupCommit confirmations;

    Bookings(
            Holds holds,
            Verifications verifications,
            WaitingRoom waitingRoom,
            BookingRepository repository,
            BookingMessages messages,
            BookingMetrics metrics,
            GroupCommits groupCommits) {
        this.holds = holds;
        this.verifications = verifications;
        this.waitingRoom = waitingRoom;
        this.repository = repository;
        this.messages = messages;
        this.metrics = metrics;
        this.confirmations = groupCommits.create("confirmations");
    }

    /**
     * A citizen holds appointment pairs from ONLINE releases.
     *
     * @throws Refusal {@code VERIFICATION_REQUIRED}, {@code ADMISSION_REQUIRED} (401), {@code NOT_ELIGIBLE} (403),
     *     {@code NO_APPOINTMENTS} (409)
     */
    // No transaction here: the claim is committed with others' (Holds), and a waiting request holds no connection.
    public HoldView hold(
            @Nullable String verificationToken, @Nullable String admissionPass, WantedAppointments wanted) {
        ContactAddress verified = verified(verificationToken);
        if (admissionPass == null || !waitingRoom.admits(admissionPass, verified.subject())) {
            throw new Refusal(
                    HttpStatus.UNAUTHORIZED,
                    "ADMISSION_REQUIRED",
                    "Please take a ticket in the waiting room first; the admission pass is missing or has expired.");
        }
        return view(holds.hold(request(wanted, verified.subject(), ONLINE)));
    }

    /**
     * Confirms a hold. With an {@code Idempotency-Key} a retry (also a concurrent one) answers with the booking the
     * first request made: the second request's key insert waits for the first one's commit and then finds its booking,
     * and a retry after the booking (its hold is gone by then) finds it by the key. Confirmations are committed in
     * groups ({@link GroupCommit}): what can refuse on what it read (the hold, the persons, eligibility) refuses before
     * the first write, so that it does not roll its neighbours back.
     */
    public BookingView confirm(
            @Nullable String verificationToken,
            @Nullable String idempotencyKey,
            UUID holdId,
            List<PersonDetails> persons,
            Contact contact) {
        ContactAddress verified = verified(verificationToken);
        Contact to = withDefault(contact, verified);
        return confirmations.run(() -> {
            Hold hold = holds.find(holdId)
                    .filter(h -> h.subject().equals(verified.subject()))
                    .orElse(null);
            if (hold == null) {
                // a retry after the booking: its hold is gone, its key leads to the booking
                Optional<BookingView> earlier = idempotencyKey == null
                        ? Optional.empty()
                        : repository.bookingOfKey(verified.subject(), idempotencyKey);
                return earlier.orElseThrow(() -> new GroupCommit.Unwritten(Refusal.notFound("Hold")));
            }
            try {
                checkBookable(hold, persons);
            } catch (Refusal refusal) {
                throw new GroupCommit.Unwritten(refusal);
            }
            if (idempotencyKey != null) {
                Optional<BookingView> earlier = repository.claimIdempotencyKey(verified.subject(), idempotencyKey);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            BookingView booking = write(hold, persons, to, Channel.ONLINE, idempotencyKey);
            messages.confirmed(booking);
            metrics.confirmed(booking);
            return booking;
        });
    }

    /**
     * Moves a booking to newly held appointments (another day or centre) for the same persons. In one transaction
     * the old booking is cancelled first (its persons stop counting as live, so the one-live-booking index lets them
     * be booked again, and its pairs are free) and then the hold is confirmed; if the hold has expired or anything
     * else fails, the whole transaction rolls back and the old appointments stay booked.
     *
     * @throws Refusal {@code NOT_FOUND} (404) for a wrong code or birth date, {@code BOOKING_CANCELLED} (409) when the
     *     booking is no longer live, {@code HOLD_EXPIRED} (410), {@code PERSONS_MISMATCH} (422) when the hold is for
     *     other people, {@code VERIFICATION_REQUIRED} (401)
     */
    @Transactional
    public BookingView rebook(
            String code,
            LocalDate birthDate,
            @Nullable String verificationToken,
            @Nullable String idempotencyKey,
            UUID holdId) {
        ContactAddress verified = verified(verificationToken);
        if (idempotencyKey != null) {
            Optional<BookingView> earlier = repository.claimIdempotencyKey(verified.subject(), idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        BookingView old = find(code, birthDate).orElseThrow(() -> Refusal.notFound("Booking"));
        Hold hold = holds.find(holdId)
                .filter(h -> h.subject().equals(verified.subject()))
                .orElseThrow(() -> Refusal.notFound("Hold"));
        requireSamePeople(hold.applicants(), old.persons());
        if (!repository.cancel(old.code())) {
            throw new Refusal(
                    HttpStatus.CONFLICT,
                    "BOOKING_CANCELLED",
                    "This booking is cancelled already; please book new appointments instead.");
        }
        holds.releaseBooking(old.centreId(), repository.idOf(old.code()));
        BookingView booking = book(hold, old.persons(), old.contact(), Channel.ONLINE, idempotencyKey);
        messages.rebooked(old, booking);
        metrics.rebooked(booking);
        return booking;
    }

    /**
     * The appointments held by whoever the verification token proves, while the hold lasts; empty for someone else's
     * hold or one whose pairs were claimed again after it expired.
     */
    @Transactional(readOnly = true)
    public Optional<HoldView> findHold(@Nullable String verificationToken, UUID holdId) {
        ContactAddress verified = verified(verificationToken);
        return holds.find(holdId)
                .filter(h -> h.subject().equals(verified.subject()))
                .filter(h -> h.series().size() == h.applicants().size())
                .map(Bookings::view);
    }

    /** A hotline agent books for a caller in one step: PHONE releases first, then ONLINE ones. */
    @Transactional
    public BookingView bookByPhone(
            String agent,
            @Nullable String idempotencyKey,
            WantedAppointments wanted,
            List<PersonDetails> persons,
            Contact contact) {
        String subject = "STAFF:" + agent;
        if (idempotencyKey != null) {
            Optional<BookingView> earlier = repository.claimIdempotencyKey(subject, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        requireSamePeople(wanted.persons(), persons);
        Hold hold = holds.hold(request(wanted, subject, PHONE_FIRST));
        BookingView booking = book(hold, persons, contact, Channel.PHONE, idempotencyKey);
        messages.confirmed(booking);
        metrics.confirmed(booking);
        return booking;
    }

    /**
     * Confirms appointments held for someone else than a verified citizen: a waitlist offer, whose hold's subject is
     * the registration. The same checks, invariants (one live booking per person, eligibility, the hold still live)
     * and confirmation messages as {@link #confirm}, in the caller's transaction when there is one.
     *
     * @throws Refusal {@code HOLD_EXPIRED} (410), {@code ALREADY_BOOKED} (409), {@code NOT_ELIGIBLE} (403)
     */
    @Transactional
    public BookingView confirmHeldFor(String subject, UUID holdId, List<PersonDetails> persons, Contact contact) {
        Hold hold = holds.find(holdId)
                .filter(h -> h.subject().equals(subject))
                .orElseThrow(() -> new Refusal(
                        HttpStatus.GONE,
                        "HOLD_EXPIRED",
                        "The held appointments are no longer reserved; please choose again."));
        BookingView booking = book(hold, persons, contact, Channel.ONLINE, null);
        messages.confirmed(booking);
        metrics.confirmed(booking);
        return booking;
    }

    /** Whether any of these persons has a live (confirmed) booking: such a person needs no other appointment. */
    @Transactional(readOnly = true)
    public boolean anyBooked(List<PersonDetails> persons) {
        return repository.anyLive(persons);
    }

    /** The booking, if the code exists and one of its persons has this birth date; a wrong guess learns nothing. */
    @Transactional(readOnly = true)
    public Optional<BookingView> find(String code, LocalDate birthDate) {
        return BookingCode.parse(code)
                .flatMap(repository::find)
                .filter(b -> b.persons().stream().anyMatch(p -> p.birthDate().equals(birthDate)));
    }

    /** The calendar file (.ics, every appointment of every person), the same as the confirmation e-mail carries. */
    @Transactional(readOnly = true)
    public Optional<byte[]> calendarFile(String code, LocalDate birthDate) {
        return find(code, birthDate).map(messages::calendarFile);
    }

    /** Cancels the whole booking; its pairs are free again at once. Cancelling twice is harmless. */
    @Transactional
    public BookingView cancel(String code, LocalDate birthDate) {
        BookingView booking = find(code, birthDate).orElseThrow(() -> Refusal.notFound("Booking"));
        if (repository.cancel(booking.code())) {
            holds.releaseBooking(booking.centreId(), repository.idOf(booking.code()));
            messages.cancelled(repository.find(new BookingCode(booking.code())).orElseThrow());
            metrics.cancelled(booking);
        }
        return repository.find(new BookingCode(booking.code())).orElseThrow();
    }

    /** The appointments of confirmed bookings at the centre on {@code day}, by time (for the day list). */
    @Transactional(readOnly = true)
    public List<DayAppointment> appointmentsOn(String centreId, LocalDate day) {
        return repository.onDay(centreId, day);
    }

    /** One appointment of a confirmed booking. */
    @Transactional(readOnly = true)
    public Optional<DayAppointment> appointment(String code, int person, int dose) {
        return repository.appointment(code, person, dose);
    }

    /**
     * A person missed the 1st dose: their 2nd-dose appointment is removed from the booking and its seat is freed at
     * once (inventory gives the seat to the next release and the dose back to the ledger).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean dropSecondDose(DayAppointment first) {
        if (first.dose() != 1 || !repository.dropSecondDose(first.bookingCode(), first.person())) {
            return false;
        }
        holds.dropSecondDose(first.centreId(), first.pairId());
        return true;
    }

    /**
     * A centre cancels {@code closedDay} (already closed for new holds by {@code closure}): the booking is cancelled
     * and its pairs stay closed; then, if its 1st dose was on that day, its persons are moved, together, to the free
     * series nearest to their old time on the first of {@code days} (given the vaccine) that has room for all of them.
     * A booking whose 2nd dose falls on the day is cancelled: a new series would give its persons a 1st dose again. The contact is told once: of the new appointments
     * (the old ones named void) or that they must book again, with the centre's {@code reason} in the booking's
     * language. In the caller's transaction, so that the move, the message and the caller's progress commit together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Relocation relocate(
            String code,
            LocalDate closedDay,
            UUID closure,
            Function<Vaccine, List<LocalDate>> days,
            String staff,
            StatedReason reason) {
        BookingView old = BookingCode.parse(code).flatMap(repository::find).orElse(null);
        if (old == null || !repository.cancel(code)) {
            return new Relocation.NotLive(code);
        }
        holds.releaseBooking(old.centreId(), repository.idOf(code));
        holds.closeDay(old.centreId(), closedDay, closure);
        BookingView cancelled = repository.find(new BookingCode(code)).orElseThrow();
        Optional<ZonedDateTime> first = old.appointments().stream()
                .filter(a -> a.dose() == 1)
                .map(a -> a.startsAt().atZoneSameInstant(BerlinTime.ZONE))
                .findFirst();
        Vaccine vaccine = old.appointments().getFirst().vaccine();
        boolean firstDoseThatDay =
                first.isPresent() && first.get().toLocalDate().equals(closedDay);
        LocalTime time = first.map(ZonedDateTime::toLocalTime).orElse(null);
        List<Applicant> applicants =
                old.persons().stream().map(Bookings::applicant).toList();
        for (LocalDate day : firstDoseThatDay ? days.apply(vaccine) : List.<LocalDate>of()) {
            Optional<Hold> hold = holds.holdInTransaction(new HoldRequest(
                    old.centreId(), day, time, vaccine, applicants, "STAFF:" + staff + ":" + code, PHONE_FIRST));
            if (hold.isPresent()) {
                BookingView moved = write(hold.get(), old.persons(), old.contact(), old.channel(), null);
                messages.rebooked(old, moved, reason);
                metrics.rebooked(moved);
                return new Relocation.Moved(old, moved);
            }
        }
        messages.cancelled(cancelled, reason);
        metrics.cancelled(cancelled);
        return new Relocation.Cancelled(cancelled);
    }

    /** Checks a hold against these persons and writes the booking; the caller's transaction must be running. */
    BookingView book(
            Hold hold, List<PersonDetails> persons, Contact contact, Channel channel, @Nullable String idempotencyKey) {
        checkBookable(hold, persons);
        return write(hold, persons, contact, channel, idempotencyKey);
    }

    /** Refuses a hold that these persons cannot book, on what was read, before anything is written. */
    private static void checkBookable(Hold hold, List<PersonDetails> persons) {
        requireSamePeople(hold.applicants(), persons);
        if (hold.series().size() != hold.applicants().size()) {
            throw new Refusal(
                    HttpStatus.GONE,
                    "HOLD_EXPIRED",
                    "The held appointments are no longer reserved; please choose again.");
        }
        for (int i = 0; i < persons.size(); i++) {
            EligibilityDecision decision = hold.series().get(i).eligibility().decide(applicant(persons.get(i)));
            if (decision instanceof EligibilityDecision.NotEligible no) {
                throw new Refusal(HttpStatus.FORBIDDEN, "NOT_ELIGIBLE", no.explanation());
            }
        }
    }

    /**
     * Writes the booking of a checked hold: booking, persons and the {@code Idempotency-Key}'s link to it in one
     * statement, the pairs assigned, the appointments in one more.
     */
    private BookingView write(
            Hold hold, List<PersonDetails> persons, Contact contact, Channel channel, @Nullable String idempotencyKey) {
        BookingCode code = BookingCode.random();
        BookingRepository.Inserted booking =
                repository.insert(code, hold.centreId(), channel, contact, hold.subject(), persons, idempotencyKey);
        List<Series> series = holds.assignToBooking(hold, booking.id());
        repository.insertAppointments(booking.id(), series);
        return BookingRepository.confirmedView(
                code, hold.centreId(), channel, contact, persons, series, booking.createdAt());
    }

    static void requireSamePeople(List<Applicant> held, List<PersonDetails> persons) {
        if (held.size() != persons.size()) {
            throw Refusal.invalid(
                    "PERSONS_MISMATCH", "The booking must name exactly the " + held.size() + " person(s) held for.");
        }
        for (int i = 0; i < held.size(); i++) {
            if (!held.get(i).birthDate().equals(persons.get(i).birthDate())) {
                throw Refusal.invalid(
                        "PERSONS_MISMATCH", "Person " + (i + 1) + " has another birth date than the one held for.");
            }
        }
    }

    private ContactAddress verified(@Nullable String token) {
        if (token == null) {
            throw verificationRequired();
        }
        return verifications.verifiedBy(token).orElseThrow(Bookings::verificationRequired);
    }

    private static Refusal verificationRequired() {
        return new Refusal(
                HttpStatus.UNAUTHORIZED,
                "VERIFICATION_REQUIRED",
                "Please confirm your phone number or e-mail address first; the verification is missing or expired.");
    }

    private static Contact withDefault(Contact contact, ContactAddress verified) {
        if (contact.phone() != null || contact.email() != null) {
            return contact;
        }
        return switch (verified.channel()) {
            case SMS -> new Contact(verified.value(), null, contact.language());
            case EMAIL -> new Contact(null, verified.value(), contact.language());
        };
    }

    private static HoldRequest request(WantedAppointments wanted, String subject, List<Channel> channels) {
        return new HoldRequest(
                wanted.centreId(),
                wanted.date(),
                wanted.time(),
                wanted.vaccine(),
                wanted.persons(),
                subject,
                channels,
                wanted.invitationCode());
    }

    private static Applicant applicant(PersonDetails person) {
        return new Applicant(person.birthDate(), person.postalCode());
    }

    static HoldView view(Hold hold) {
        List<HoldView.SeriesView> series = new ArrayList<>();
        for (Series s : hold.series()) {
            List<HoldView.DoseView> doses = new ArrayList<>();
            doses.add(new HoldView.DoseView(1, s.centreId(), BerlinTime.show(s.firstStartsAt())));
            if (s.secondStartsAt() != null) {
                doses.add(new HoldView.DoseView(2, s.centreId(), BerlinTime.show(s.secondStartsAt())));
            }
            series.add(new HoldView.SeriesView(s.vaccine(), doses));
        }
        return new HoldView(hold.id(), BerlinTime.show(hold.expiresAt()), series);
    }
}
