package de.impftermin.portal.web;

import de.impftermin.eligibility.Applicant;
import de.impftermin.notifications.MessageChannel;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a citizen is in the booking journey, kept in a signed cookie: the persons checked for eligibility, the
 * verification under way, and — when rebooking — the booking being moved.
 */
record Flow(
        List<Applicant> persons,
        @Nullable UUID verificationId,
        @Nullable MessageChannel channel,
        @Nullable String address,
        @Nullable String rebookCode,
        @Nullable LocalDate rebookBirthDate) {

    static final Flow EMPTY = new Flow(List.of(), null, null, null, null, null);

    Flow {
        persons = List.copyOf(persons);
    }

    Flow withPersons(List<Applicant> persons) {
        return new Flow(persons, verificationId, channel, address, null, null);
    }

    Flow withVerification(UUID id, MessageChannel channel, String address) {
        return new Flow(persons, id, channel, address, rebookCode, rebookBirthDate);
    }

    Flow rebooking(List<Applicant> persons, String code, LocalDate birthDate) {
        return new Flow(persons, verificationId, channel, address, code, birthDate);
    }

    Flow withoutRebooking() {
        return new Flow(persons, verificationId, channel, address, null, null);
    }

    boolean hasPersons() {
        return !persons.isEmpty();
    }

    boolean isRebooking() {
        return rebookCode != null && rebookBirthDate != null;
    }
}
