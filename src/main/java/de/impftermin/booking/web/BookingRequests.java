package de.impftermin.booking.web;

import de.impftermin.booking.Contact;
import de.impftermin.booking.PersonDetails;
import de.impftermin.booking.WantedAppointments;
import de.impftermin.eligibility.Applicant;
import de.impftermin.platform.PlausibleDate;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.Language;
import de.impftermin.shared.Vaccine;
import de.impftermin.verification.ContactAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The request bodies of the booking endpoints, with their validation, shared by citizen and hotline. */
final class BookingRequests {

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final String NAME = "[^\\p{Cntrl}<>]+";

    private BookingRequests() {}

    record ApplicantBody(
            @NotNull @Past LocalDate birthDate,

            @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be a 5-digit German postal code")
            String postalCode) {

        Applicant applicant() {
            return new Applicant(checked(birthDate), postalCode);
        }
    }

    record PersonBody(
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "contains characters a name cannot have")
            String firstName,

            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "contains characters a name cannot have")
            String lastName,

            @NotNull @Past LocalDate birthDate,

            @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be a 5-digit German postal code")
            String postalCode) {

        PersonDetails details() {
            return new PersonDetails(firstName.strip(), lastName.strip(), checked(birthDate), postalCode);
        }

        Applicant applicant() {
            return new Applicant(checked(birthDate), postalCode);
        }
    }

    record ContactBody(
            @Nullable @Size(max = 30) String phone,
            @Nullable @Size(max = 254) @Email String email) {

        Contact contact(@Nullable Language language) {
            return new Contact(
                    phone == null || phone.isBlank() ? null : ContactAddress.phone(phone),
                    email == null || email.isBlank() ? null : email.strip(),
                    language == null ? Language.DE : language);
        }
    }

    private static Contact contactOrNone(@Nullable ContactBody contact, @Nullable Language language) {
        return contact == null ? new ContactBody(null, null).contact(language) : contact.contact(language);
    }

    record HoldBody(
            @NotBlank @Size(max = 64) String centreId,
            @NotNull @PlausibleDate LocalDate date,
            @Nullable LocalTime time,
            @Nullable Vaccine vaccine,

            @NotNull @Size(min = 1, max = 4, message = "must name 1 to 4 persons")
            List<@NotNull @Valid ApplicantBody> persons,

            @Nullable @Size(max = 64) String invitationCode) {

        WantedAppointments wanted() {
            return new WantedAppointments(
                    centreId,
                    date,
                    time,
                    vaccine,
                    persons.stream().map(ApplicantBody::applicant).toList(),
                    invitationCode);
        }
    }

    record BookingBody(
            @NotNull UUID holdId,

            @NotNull @Size(min = 1, max = 4, message = "must name 1 to 4 persons")
            List<@NotNull @Valid PersonBody> persons,

            @Nullable @Valid ContactBody contact,
            @Nullable Language language) {

        List<PersonDetails> details() {
            return persons.stream().map(PersonBody::details).toList();
        }

        Contact contactOrNone() {
            return BookingRequests.contactOrNone(contact, language);
        }
    }

    record PhoneBookingBody(
            @NotBlank @Size(max = 64) String centreId,
            @NotNull @PlausibleDate LocalDate date,
            @Nullable LocalTime time,
            @Nullable Vaccine vaccine,

            @NotNull @Size(min = 1, max = 4, message = "must name 1 to 4 persons")
            List<@NotNull @Valid PersonBody> persons,

            @Nullable @Valid ContactBody contact,
            @Nullable Language language) {

        WantedAppointments wanted() {
            return new WantedAppointments(
                    centreId,
                    date,
                    time,
                    vaccine,
                    persons.stream().map(PersonBody::applicant).toList());
        }

        List<PersonDetails> details() {
            return persons.stream().map(PersonBody::details).toList();
        }

        Contact contactOrNone() {
            return BookingRequests.contactOrNone(contact, language);
        }
    }

    record CancelBody(@NotNull @PlausibleDate LocalDate birthDate) {}

    record RebookBody(@NotNull LocalDate birthDate, @NotNull UUID holdId) {}

    private static LocalDate checked(LocalDate birthDate) {
        if (birthDate.isBefore(EARLIEST_BIRTH)) {
            throw Refusal.invalid("VALIDATION_FAILED", "birthDate must be after " + EARLIEST_BIRTH + ".");
        }
        return birthDate;
    }

    static @Nullable String idempotencyKey(@Nullable String key) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw Refusal.invalid("VALIDATION_FAILED", "Idempotency-Key must be 1 to 200 characters.");
        }
        return key;
    }
}
