package de.impftermin.privacy;

import de.impftermin.booking.Appointment;
import de.impftermin.booking.BookingRecords;
import de.impftermin.booking.BookingView;
import de.impftermin.booking.StoredBooking;
import de.impftermin.hotline.CallBackRecords;
import de.impftermin.notifications.MessageRecords;
import de.impftermin.operations.VisitRecords;
import de.impftermin.platform.AuditLog;
import de.impftermin.shared.BerlinTime;
import de.impftermin.waitlist.RegistrationRecords;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's rights over their booking's data: to see everything stored about it (Art. 15 DSGVO) and, once it is
 * cancelled, to have it deleted at once (Art. 17) instead of after the retention period. Both need the booking code,
 * a booked person's birth date and a verified address of the booking ({@link CitizenProof}). Erasing anonymises the
 * booking as the retention job would and deletes what belongs to it in other modules, in one transaction with its
 * audit entry, which names the booking code and counts, never a name, birth date, address or client address. The
 * composition of six modules' APIs is the point of this class, hence its collaborators.
 */
@Service
public class CitizenData {

    static final String ACTOR = "citizen";
    static final int MOST_ACCESSES = 500;

    private final CitizenProof proof;
    private final BookingRecords bookings;
    private final VisitRecords visits;
    private final MessageRecords messages;
    private final RegistrationRecords registrations;
    private final CallBackRecords callBacks;
    private final AuditLog audit;
    private final RetentionSettings settings;
    private final Clock clock;

    CitizenData(
            CitizenProof proof,
            BookingRecords bookings,
            VisitRecords visits,
            MessageRecords messages,
            RegistrationRecords registrations,
            CallBackRecords callBacks,
            AuditLog audit,
            RetentionSettings settings,
            Clock clock) {
        this.proof = proof;
        this.bookings = bookings;
        this.visits = visits;
        this.messages = messages;
        this.registrations = registrations;
        this.callBacks = callBacks;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Everything stored about the booking, for whoever proves it is theirs. */
    @Transactional(readOnly = true)
    public Disclosure disclose(String code, LocalDate birthDate, @Nullable String verificationToken) {
        return switch (proof.check(code, birthDate, verificationToken)) {
            case CitizenProof.Outcome.Refused refused -> new Disclosure.Refused(refused.reason());
            case CitizenProof.Outcome.Proven proven -> new Disclosure.Disclosed(data(proven.booking()));
        };
    }

    /**
     * Deletes the cancelled booking's personal data now: the booking is anonymised (persons deleted, contact cleared;
     * the row stays for the statistics), and the messages about it that were sent, the waitlist registration and
     * the call-back that led to it are deleted. A message still on its way goes out first and is deleted by the
     * retention job later; what the centre recorded stays, without anyone's name.
     */
    @Transactional
    public Erasure erase(String code, LocalDate birthDate, @Nullable String verificationToken) {
        return switch (proof.check(code, birthDate, verificationToken)) {
            case CitizenProof.Outcome.Refused refused -> new Erasure.Refused(refused.reason());
            case CitizenProof.Outcome.Proven proven -> erase(proven.booking());
        };
    }

    private Erasure erase(StoredBooking stored) {
        BookingView booking = stored.booking();
        if (booking.status() != BookingView.Status.CANCELLED) {
            return new Erasure.Refused(CitizenRequest.NOT_CANCELLED);
        }
        if (!bookings.erase(booking.code(), clock.instant())) {
            return new Erasure.Refused(CitizenRequest.NOT_FOUND);
        }
        int sent = messages.forgetMentioning(CitizenProof.contacts(stored), booking.code());
        int registered = registrations.forgetBookedAs(booking.code());
        int called = callBacks.forgetBookedAs(booking.code());
        Erasure.Erased erased =
                new Erasure.Erased(booking.code(), booking.persons().size(), sent, registered, called);
        audit.record(
                ACTOR,
                "PERSONAL_DATA_ERASED",
                booking.code(),
                "by the citizen: " + erased.persons() + " person(s), " + sent + " message(s), " + registered
                        + " waitlist registration(s), " + called + " call-back(s)",
                null);
        return erased;
    }

    private PersonalData data(StoredBooking stored) {
        BookingView booking = stored.booking();
        return new PersonalData(
                stored,
                visits.of(booking.code()),
                messages.mentioning(CitizenProof.contacts(stored), booking.code()),
                registrations.bookedAs(booking.code()),
                callBacks.bookedAs(booking.code()),
                staffAccess(booking),
                BerlinTime.show(stored.retainedFrom().toInstant().plus(settings.bookings())));
    }

    /**
     * The audit entries about the booking (its code, an appointment's reference) and the reads of a day list that
     * showed it (its centre on one of its appointment days), oldest first. Actions of the citizen and of the
     * retention job are not staff access.
     */
    private List<PersonalData.StaffAccess> staffAccess(BookingView booking) {
        Set<String> subjects = new LinkedHashSet<>();
        subjects.add(booking.code());
        for (Appointment a : booking.appointments()) {
            subjects.add(booking.code() + "-" + (a.person() + 1) + "-" + a.dose());
            subjects.add("centre:" + a.centreId() + ":"
                    + BerlinTime.dayOf(a.startsAt().toInstant()));
        }
        List<PersonalData.StaffAccess> access = new ArrayList<>();
        for (String subject : subjects) {
            audit.find(new AuditLog.Query(null, null, subject, null, null, MOST_ACCESSES, 0)).stream()
                    .filter(e -> !e.actor().equals(ACTOR) && !e.actor().equals(RetentionJob.ACTOR))
                    .filter(e -> !subject.startsWith("centre:") || e.action().equals("PERSONAL_DATA_READ"))
                    .map(e -> new PersonalData.StaffAccess(BerlinTime.show(e.at().toInstant()), e.action()))
                    .forEach(access::add);
        }
        access.sort(Comparator.comparing(PersonalData.StaffAccess::at));
        return access;
    }
}
