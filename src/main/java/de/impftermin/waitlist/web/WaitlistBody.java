package de.impftermin.waitlist.web;

import de.impftermin.booking.Contact;
import de.impftermin.booking.PersonDetails;
import de.impftermin.shared.Language;
import de.impftermin.shared.Vaccine;
import de.impftermin.verification.ContactAddress;
import de.impftermin.waitlist.RegistrationRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/waitlist}, validated before anything is written. */
record WaitlistBody(
        @NotNull @Size(min = 1, max = 4, message = "must name 1 to 4 persons")
        List<@NotNull @Valid PersonBody> persons,

        @NotNull @Size(min = 1, max = 50, message = "must name 1 to 50 centres")
        List<@NotBlank @Size(max = 64) String> centreIds,

        @Nullable Vaccine vaccine,
        @Nullable @Valid ContactBody contact,
        @Nullable Language language) {

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    static final String NAME = "[^\\p{Cntrl}<>]+";

    record PersonBody(
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "contains characters a name cannot have")
            String firstName,

            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "contains characters a name cannot have")
            String lastName,

            @NotNull @Past LocalDate birthDate,

            @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be a 5-digit German postal code")
            String postalCode) {}

    record ContactBody(
            @Nullable @Size(max = 30) String phone,
            @Nullable @Size(max = 254) @Email String email) {}

    RegistrationRequest request() {
        List<PersonDetails> details = persons.stream()
                .map(p -> {
                    if (p.birthDate().isBefore(EARLIEST_BIRTH)) {
                        throw de.impftermin.platform.Refusal.invalid(
                                "INVALID_BIRTH_DATE", "A birth date before 1900 is not plausible.");
                    }
                    return new PersonDetails(
                            p.firstName().strip(), p.lastName().strip(), p.birthDate(), p.postalCode());
                })
                .toList();
        String phone =
                contact == null || contact.phone() == null || contact.phone().isBlank()
                        ? null
                        : ContactAddress.phone(contact.phone());
        String email =
                contact == null || contact.email() == null || contact.email().isBlank()
                        ? null
                        : contact.email().strip();
        return new RegistrationRequest(
                details,
                centreIds.stream().map(String::strip).toList(),
                vaccine,
                new Contact(phone, email, language == null ? Language.DE : language));
    }
}
