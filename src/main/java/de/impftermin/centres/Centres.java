package de.impftermin.centres;

import de.impftermin.platform.AuditLog;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.Vaccine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The centres module's API: one method per use case, one transaction each. */
@Service
public class Centres {

    private final CentreRepository repository;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Centres(CentreRepository repository, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Centre create(Centre centre) {
        if (!repository.insert(centre)) {
            throw new Refusal(HttpStatus.CONFLICT, "CENTRE_EXISTS", "A centre with id " + centre.id() + " exists.");
        }
        events.publishEvent(new CentreRegistered(centre));
        return centre;
    }

    /**
     * Creates a centre for the state office's console; like {@link #create} but audited as {@code CENTRE_CREATED}, and
     * a taken id is a value, not an exception.
     */
    @Transactional
    public boolean register(Centre centre) {
        if (!repository.insert(centre)) {
            return false;
        }
        events.publishEvent(new CentreRegistered(centre));
        audit.record("CENTRE_CREATED", centre.id(), centre.name());
        return true;
    }

    /**
     * Changes a centre's name, county, postal code, address, phone and whether it is phone-only; its id stays. Audited
     * as {@code CENTRE_UPDATED}; false when there is no such centre. Citizens see the change with the next snapshot.
     */
    @Transactional
    public boolean update(Centre centre) {
        if (!repository.update(centre)) {
            return false;
        }
        audit.record("CENTRE_UPDATED", centre.id(), centre.name());
        return true;
    }

    /** What closing or reopening did. */
    public enum ClosureChange {
        CHANGED,
        /** Closed already (closing) or open already (reopening): nothing written, nothing audited. */
        UNCHANGED,
        NO_SUCH_CENTRE
    }

    /**
     * Closes a centre with a note for citizens (1–500 characters, plain words): it stays in the public list as
     * CLOSED with the note, inventory takes its unbooked series out of sale in this transaction ({@link CentreClosed}),
     * and its bookings stay. One guarded update, so two administrators closing at once audit one
     * {@code CENTRE_CLOSED}.
     */
    @Transactional
    public ClosureChange close(String centreId, String note) {
        if (!repository.close(centreId, note, clock.instant())) {
            return repository.find(centreId).isPresent() ? ClosureChange.UNCHANGED : ClosureChange.NO_SUCH_CENTRE;
        }
        events.publishEvent(new CentreClosed(centreId, note));
        audit.record("CENTRE_CLOSED", centreId, note);
        return ClosureChange.CHANGED;
    }

    /** Reopens a closed centre: its series are for sale again; audited as {@code CENTRE_REOPENED}. */
    @Transactional
    public ClosureChange reopen(String centreId) {
        if (!repository.reopen(centreId)) {
            return repository.find(centreId).isPresent() ? ClosureChange.UNCHANGED : ClosureChange.NO_SUCH_CENTRE;
        }
        events.publishEvent(new CentreReopened(centreId));
        audit.record("CENTRE_REOPENED", centreId, "");
        return ClosureChange.CHANGED;
    }

    /** Adds an opening day; inventory creates its seats in the same transaction. */
    @Transactional
    public OpeningDay addOpeningDay(OpeningDay day) {
        requireCentre(day.centreId());
        requireValidHours(day);
        if (!repository.insert(day)) {
            throw new Refusal(
                    HttpStatus.CONFLICT,
                    "OPENING_DAY_EXISTS",
                    "Centre " + day.centreId() + " already opens on " + day.date() + ".");
        }
        events.publishEvent(new OpeningDayScheduled(day));
        return day;
    }

    /**
     * Changes an opening day's hours, lanes or slot length, in the caller's transaction: only together with the seats
     * ({@code inventory.Capacity#reshape}), which decides whether the change may happen at all.
     *
     * @return false when the centre does not open on that day
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean changeOpeningDay(OpeningDay day) {
        requireValidHours(day);
        return repository.update(day);
    }

    @Transactional(readOnly = true)
    public Optional<OpeningDay> openingDay(String centreId, LocalDate date) {
        return repository.openingDays(centreId).stream()
                .filter(d -> d.date().equals(date))
                .findFirst();
    }

    @Transactional
    public Delivery addDelivery(String centreId, Vaccine vaccine, int doses, LocalDate arrives) {
        requireCentre(centreId);
        return repository.insertDelivery(centreId, vaccine, doses, arrives);
    }

    /** Doses delivered per centre: every delivery that has arrived by {@code until}, by centre id. */
    @Transactional(readOnly = true)
    public Map<String, Long> dosesDelivered(LocalDate until) {
        return repository.dosesDelivered(until);
    }

    @Transactional(readOnly = true)
    public List<Centre> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Optional<Centre> find(String id) {
        return repository.find(id);
    }

    @Transactional(readOnly = true)
    public List<OpeningDay> openingDays(String centreId) {
        return repository.openingDays(centreId);
    }

    @Transactional(readOnly = true)
    public List<Delivery> deliveries(String centreId) {
        return repository.deliveries(centreId);
    }

    /** Doses of {@code vaccine} confirmed for the centre arriving on or before {@code until}. */
    public long confirmedDoses(String centreId, Vaccine vaccine, LocalDate until) {
        return repository.confirmedDoses(centreId, vaccine, until);
    }

    /** Locks the centre row so that releases of one centre are created one after another. */
    public Centre lock(String centreId) {
        return repository.lock(centreId).orElseThrow(() -> Refusal.notFound("Centre " + centreId));
    }

    private static void requireValidHours(OpeningDay day) {
        if (!day.hasValidHours()) {
            throw Refusal.invalid(
                    "INVALID_OPENING_HOURS", "closes must be after opens and leave room for at least one slot.");
        }
    }

    private void requireCentre(String centreId) {
        if (repository.find(centreId).isEmpty()) {
            throw Refusal.notFound("Centre " + centreId);
        }
    }
}
