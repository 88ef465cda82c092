package de.impftermin.hotline.console;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The caller on the line, kept in the agent's session while the agent searches, holds and confirms: the last search
 * (persons, birth dates, postal codes, wishes), the names and contact typed on the confirmation form, and the booking
 * being moved when the caller asked to rebook. "New caller" forgets it.
 */
record CallerCard(
        SearchForm search,
        @Nullable ConfirmForm contact,
        boolean searched,
        @Nullable Rebooking rebooking) implements Serializable {

    private static final String ATTRIBUTE = CallerCard.class.getName();

    /** The booking a rebooking replaces, as the agent found it. */
    record Rebooking(String code, LocalDate birthDate) implements Serializable {}

    static CallerCard empty() {
        return new CallerCard(SearchForm.empty(), null, false, null);
    }

    static CallerCard of(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof CallerCard card ? card : empty();
    }

    void save(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    static void forget(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }

    CallerCard searchedFor(SearchForm form) {
        return new CallerCard(form, contact, true, rebooking);
    }

    CallerCard withContact(ConfirmForm form) {
        return new CallerCard(search, form, searched, rebooking);
    }

    CallerCard rebooking(SearchForm form, Rebooking booking) {
        return new CallerCard(form, contact, false, booking);
    }

    Optional<Rebooking> movingBooking() {
        return Optional.ofNullable(rebooking);
    }
}
