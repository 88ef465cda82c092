package de.impftermin.hotline.console;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The caller on the line, kept in the agent's session while the agent searches, holds and confirms: the last search
 * (persons, birth dates, postal codes, wishes), the names and contact typed on the confirmation form, and the booking
 * being moved when the caller asked to rebook; for a call-back, the request taken and the code booked during the call.
 * "New caller" forgets it.
 */
record CallerCard(
        SearchForm search,
        @Nullable ConfirmForm contact,
        boolean searched,
        @Nullable Rebooking rebooking,
        @Nullable CallBack callBack,
        @Nullable String bookedCode)
        implements Serializable {

    private static final String ATTRIBUTE = CallerCard.class.getName();

    /** The call-back the agent took for this call: whom to dial, and how often the caller was tried before. */
    record CallBack(UUID id, String phone, String postalCode, int persons, int attempts) implements Serializable {}

    /** The booking a rebooking replaces, as the agent found it. */
    record Rebooking(String code, LocalDate birthDate) implements Serializable {}

    static CallerCard empty() {
        return new CallerCard(SearchForm.empty(), null, false, null, null, null);
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
        return new CallerCard(form, contact, true, rebooking, callBack, bookedCode);
    }

    CallerCard withContact(ConfirmForm form) {
        return new CallerCard(search, form, searched, rebooking, callBack, bookedCode);
    }

    CallerCard rebooking(SearchForm form, Rebooking booking) {
        return new CallerCard(form, contact, false, booking, callBack, bookedCode);
    }

    CallerCard booked(String code) {
        return new CallerCard(search, contact, searched, rebooking, callBack, code);
    }

    /** A new card for a call-back: its household size and postal code, its phone as the contact. */
    static CallerCard forCallBack(CallBack callBack) {
        List<SearchForm.PersonRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.min(SearchForm.MAX_PERSONS, callBack.persons())); i++) {
            rows.add(new SearchForm.PersonRow("", callBack.postalCode()));
        }
        SearchForm search = new SearchForm(rows.size(), rows, "", "", "", TimeOfDay.ANY);
        return new CallerCard(
                search, ConfirmForm.blank(rows.size()).withPhone(callBack.phone()), false, null, callBack, null);
    }

    Optional<Rebooking> movingBooking() {
        return Optional.ofNullable(rebooking);
    }
}
