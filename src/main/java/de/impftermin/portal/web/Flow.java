package de.impftermin.portal.web;

import de.impftermin.eligibility.Applicant;
import de.impftermin.notifications.MessageChannel;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a citizen is in the booking journey, kept in a signed cookie: the persons checked for eligibility, the
 * verification under way, when rebooking the booking being moved, and the invitation code of a citizen who has one.
 */
record Flow(
        List<Applicant> persons,
        @Nullable UUID verificationId,
        @Nullable MessageChannel channel,
        @Nullable String address,
        @Nullable String rebookCode,
        @Nullable LocalDate rebookBirthDate,
        @Nullable String invitationCode) {

    static final Flow EMPTY = new Flow(List.of(), null, null, null, null, null, null);

    Flow {
        persons = List.copyOf(persons);
    }

    Flow withPersons(List<Applicant> persons) {
        return new Flow(persons, verificationId, channel, address, null, null, invitationCode);
    }

    Flow withVerification(UUID id, MessageChannel channel, String address) {
        return new Flow(persons, id, channel, address, rebookCode, rebookBirthDate, invitationCode);
    }

    Flow rebooking(List<Applicant> persons, String code, LocalDate birthDate) {
        return new Flow(persons, verificationId, channel, address, code, birthDate, invitationCode);
    }

    Flow withoutRebooking() {
        return new Flow(persons, verificationId, channel, address, null, null, invitationCode);
    }

    /** The invitation code the citizen typed and that was found valid; it opens the release it was issued for. */
    Flow withInvitation(@Nullable String code) {
        return new Flow(persons, verificationId, channel, address, rebookCode, rebookBirthDate, code);
    }

    boolean hasPersons() {
        return !persons.isEmpty();
    }

    boolean isRebooking() {
        return rebookCode != null && rebookBirthDate != null;
    }
}
