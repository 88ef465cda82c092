package de.impftermin.waitlist;

import de.impftermin.booking.BookingView;
import de.impftermin.booking.Bookings;
import de.impftermin.booking.Contact;
import de.impftermin.booking.HoldView;
import de.impftermin.centres.Centres;
import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.inventory.Holds;
import de.impftermin.inventory.Series;
import de.impftermin.platform.AuditLog;
import de.impftermin.shared.BerlinTime;
import de.impftermin.verification.ContactAddress;
import de.impftermin.verification.Verifications;
import de.impftermin.waitlist.domain.Offer;
import de.impftermin.waitlist.domain.Registration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waitlist's API: one method per use case, one transaction each. Every method that reads or changes a
 * registration takes the token that proves its holder; without it the registration does not exist to the caller.
 */
@Service
public class Waitlist {

    private final WaitlistRepository repository;
    private final Verifications verifications;
    private final Bookings bookings;
    private final Holds holds;
    private final Centres centres;
    private final Proofs proofs;
    private final OfferMessages messages;
    private final WaitlistProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    Waitlist(
            WaitlistRepository repository,
            Verifications verifications,
            Bookings bookings,
            Holds holds,
            Centres centres,
            Proofs proofs,
            OfferMessages messages,
            WaitlistProperties properties,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.verifications = verifications;
        this.bookings = bookings;
        this.holds = holds;
        this.centres = centres;
        this.proofs = proofs;
        this.messages = messages;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * How many people wait for this centre and how many of them {@code rule} admits: the only head count of a cohort
     * the platform has (it keeps no population register), for a release's preview. One aggregate, no personal data.
     */
    @Transactional(readOnly = true)
    public WaitingPeople waitingFor(String centreId, EligibilityRule rule) {
        return repository.waitingFor(centreId, rule);
    }

    /** Puts the persons on the list, at its end, unless one of them has a live booking already. */
    @Transactional
    public Registered register(@Nullable String verificationToken, RegistrationRequest request) {
        Optional<ContactAddress> verified =
                verificationToken == null ? Optional.empty() : verifications.verifiedBy(verificationToken);
        if (verified.isEmpty()) {
            return new Registered.VerificationRequired();
        }
        return put(new RegistrationRequest(
                request.persons(),
                request.centreIds(),
                request.vaccine(),
                withDefault(request.contact(), verified.get())));
    }

    /**
     * A hotline agent puts a caller on the list, with the phone or e-mail the caller gave on the line (no verification:
     * the agent is signed in and the call is the proof); audited in the same transaction. The offer reaches the caller
     * by SMS or e-mail like anyone's, so a contact is required (the console's form asks for one).
     */
    @Transactional
    public Registered registerForCaller(RegistrationRequest request) {
        if (request.contact().phone() == null && request.contact().email() == null) {
            throw new IllegalArgumentException("A caller's registration needs a phone number or an e-mail address");
        }
        Registered registered = put(request);
        if (registered instanceof Registered.OnTheList onTheList) {
            audit.record(
                    "WAITLIST_REGISTERED",
                    onTheList.id().toString(),
                    request.persons().size() + " person(s), centres " + String.join(",", request.centreIds()));
        }
        return registered;
    }

    private Registered put(RegistrationRequest request) {
        for (String centreId : request.centreIds()) {
            if (centres.find(centreId).isEmpty()) {
                return new Registered.UnknownCentre(centreId);
            }
        }
        if (bookings.anyBooked(request.persons())) {
            return new Registered.AlreadyBooked();
        }
        RegistrationRequest distinct = new RegistrationRequest(
                request.persons(),
                request.centreIds().stream().distinct().toList(),
                request.vaccine(),
                request.contact());
        UUID id = UUID.randomUUID();
        String token = proofs.newToken();
        repository.insert(id, proofs.hash(token), distinct, clock.instant());
        return new Registered.OnTheList(id, token, Registration.Status.WAITING, repository.position(id));
    }

    @Transactional(readOnly = true)
    public Optional<RegistrationView> find(UUID id, @Nullable String token) {
        return details(id, token).map(RegistrationDetails::view);
    }

    @Transactional(readOnly = true)
    public Optional<RegistrationDetails> details(UUID id, @Nullable String token) {
        return repository
                .find(id)
                .filter(e -> proofs.proves(e, token))
                .map(e -> new RegistrationDetails(view(e), e.persons(), e.centreIds(), e.contact(), e.bookingCode()));
    }

    /**
     * Books the offered series through the booking module (the same invariants and confirmation messages as any
     * booking). After the deadline the offer counts as missed and is refused.
     */
    @Transactional
    public Answer accept(UUID id, @Nullable String token) {
        Optional<Entry> found = repository.lock(id).filter(e -> proofs.proves(e, token));
        if (found.isEmpty()) {
            return new Answer.NotFound();
        }
        Entry entry = found.get();
        Registration registration = entry.registration();
        return switch (registration.accept(clock.instant())) {
            case Registration.Acceptance.Bookable bookable -> {
                Offer offer = bookable.offer();
                if (bookings.anyBooked(entry.persons())) {
                    // booked elsewhere since the offer: it leaves the list, and the series go on at once
                    registration.endBecauseBookedElsewhere();
                    repository.endOffer(offer.holdId(), "WITHDRAWN");
                    holds.endHold(offer.holdId(), offer.centreId());
                    repository.save(registration, false, null, clock.instant());
                    yield new Answer.NoOffer(Registration.Status.ENDED);
                }
                BookingView booking =
                        bookings.confirmHeldFor(entry.subject(), offer.holdId(), entry.persons(), entry.contact());
                registration.booked();
                repository.endOffer(offer.holdId(), "ACCEPTED");
                repository.save(registration, false, booking.code(), clock.instant());
                yield new Answer.Booked(booking);
            }
            case Registration.Acceptance.Expired expired -> {
                missed(entry, registration, "EXPIRED");
                yield new Answer.OfferExpired();
            }
            case Registration.Acceptance.NoOffer none -> new Answer.NoOffer(none.status());
        };
    }

    /** Declines the offer: its series are free at once, and the registration goes to the end of the line. */
    @Transactional
    public Answer decline(UUID id, @Nullable String token) {
        Optional<Entry> found = repository.lock(id).filter(e -> proofs.proves(e, token));
        if (found.isEmpty()) {
            return new Answer.NotFound();
        }
        Entry entry = found.get();
        Registration registration = entry.registration();
        if (registration.status() != Registration.Status.OFFERED) {
            return new Answer.NoOffer(registration.status());
        }
        missed(entry, registration, "DECLINED");
        return new Answer.Done(view(repository.find(id).orElseThrow()));
    }

    /** Leaves the list; a live offer's series are free at once. Withdrawing twice is harmless. */
    @Transactional
    public Answer withdraw(UUID id, @Nullable String token) {
        Optional<Entry> found = repository.lock(id).filter(e -> proofs.proves(e, token));
        if (found.isEmpty()) {
            return new Answer.NotFound();
        }
        Entry entry = found.get();
        Registration registration = entry.registration();
        Offer offer = registration.offer();
        if (registration.withdraw()) {
            if (offer != null) {
                repository.endOffer(offer.holdId(), "WITHDRAWN");
                holds.endHold(offer.holdId(), offer.centreId());
            }
            repository.save(registration, false, null, clock.instant());
        } else if (registration.status() == Registration.Status.BOOKED) {
            return new Answer.NoOffer(registration.status());
        }
        return new Answer.Done(view(repository.find(id).orElseThrow()));
    }

    /**
     * Ends the offers whose deadline has passed (their holds have expired with them, so the series are free
     * already): each registration goes back in line or ends. Safe on several instances: rows are claimed with
     * {@code SKIP LOCKED}.
     *
     * @return the offers ended
     */
    @Transactional
    public int expireOffers() {
        List<UUID> expired = repository.claimExpired(clock.instant(), 500);
        for (UUID id : expired) {
            Entry entry = repository.find(id).orElseThrow();
            missed(entry, entry.registration(), "EXPIRED");
        }
        return expired.size();
    }

    /** A missed offer: its series freed now, the registration at the end of the line or ended (and told so). */
    private void missed(Entry entry, Registration registration, String how) {
        Offer offer = registration.offer();
        if (offer == null) {
            throw new IllegalStateException("No offer to miss for " + entry.id());
        }
        Registration.AfterMiss after = registration.missed(properties.maxMissedOffers());
        repository.endOffer(offer.holdId(), how);
        holds.endHold(offer.holdId(), offer.centreId());
        repository.save(registration, after == Registration.AfterMiss.BACK_IN_LINE, null, clock.instant());
        if (after == Registration.AfterMiss.ENDED) {
            messages.ended(entry, registration.missedOffers());
        }
    }

    private RegistrationView view(Entry entry) {
        Integer position = entry.status() == Registration.Status.WAITING ? repository.position(entry.id()) : null;
        RegistrationView.OfferView offer = null;
        if (entry.offer() != null) {
            List<Series> series =
                    holds.find(entry.offer().holdId()).map(h -> h.series()).orElse(List.of());
            offer = new RegistrationView.OfferView(BerlinTime.show(entry.offer().expiresAt()), seriesViews(series));
        }
        return new RegistrationView(entry.id(), entry.status(), position, offer);
    }

    static List<HoldView.SeriesView> seriesViews(List<Series> series) {
        List<HoldView.SeriesView> views = new ArrayList<>();
        for (Series s : series) {
            List<HoldView.DoseView> doses = new ArrayList<>();
            doses.add(new HoldView.DoseView(1, s.centreId(), BerlinTime.show(s.firstStartsAt())));
            if (s.secondStartsAt() != null) {
                doses.add(new HoldView.DoseView(2, s.centreId(), BerlinTime.show(s.secondStartsAt())));
            }
            views.add(new HoldView.SeriesView(s.vaccine(), doses));
        }
        return views;
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
}
