package de.impftermin.hotline.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The two ways to find a caller's booking. */
final class LookupForms {

    private LookupForms() {}

    /** By booking code and the birth date of one of its persons. */
    record ByCode(
            @NotBlank(message = "hotline.error.code.missing")
            @Pattern(regexp = "(|[0-9A-Za-z -]{12,20})", message = "hotline.error.code.invalid")
            String code,

            @NotBlank(message = "hotline.error.birthDate.missing")
            @Pattern(regexp = "(|" + ConsoleDates.FORMAT + ")", message = "hotline.error.birthDate.invalid")
            String codeBirthDate) {

        ByCode {
            code = code == null ? "" : code.strip();
            codeBirthDate = codeBirthDate == null ? "" : codeBirthDate.strip();
        }

        static ByCode blank() {
            return new ByCode("", "");
        }
    }

    /** By last name (first name optional), birth date and postal code, for a caller who lost the code. */
    record ByName(
            @Size(max = 100) String firstName,

            @NotBlank(message = "hotline.error.lastName.missing") @Size(max = 100)
            String lastName,

            @NotBlank(message = "hotline.error.birthDate.missing")
            @Pattern(regexp = "(|" + ConsoleDates.FORMAT + ")", message = "hotline.error.birthDate.invalid")
            String birthDate,

            @NotBlank(message = "hotline.error.postalCode.missing")
            @Pattern(regexp = "(|[0-9]{5})", message = "hotline.error.postalCode.invalid")
            String postalCode) {

        ByName {
            firstName = firstName == null ? "" : firstName.strip();
            lastName = lastName == null ? "" : lastName.strip();
            birthDate = birthDate == null ? "" : birthDate.strip();
            postalCode = postalCode == null ? "" : postalCode.strip();
        }

        static ByName blank() {
            return new ByName("", "", "", "");
        }
    }
}
