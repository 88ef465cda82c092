package de.impftermin.hotline.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of the held persons and, both optional, the caller's phone and e-mail: without them the agent reads the
 * booking code aloud and offers the printed letter.
 */
record ConfirmForm(
        @Valid List<NameRow> names,

        @Size(max = 30, message = "hotline.error.phone.invalid")
        @Pattern(regexp = "(|\\+?[0-9 ()/-]{6,30})", message = "hotline.error.phone.invalid")
        String phone,

        @Size(max = 200, message = "hotline.error.email.invalid") @Email(message = "hotline.error.email.invalid")
        String email)
        implements Serializable {

    record NameRow(
            @NotBlank(message = "hotline.error.firstName.missing")
            @Size(max = 100, message = "hotline.error.firstName.missing")
            String firstName,

            @NotBlank(message = "hotline.error.lastName.missing")
            @Size(max = 100, message = "hotline.error.lastName.missing")
            String lastName)
            implements Serializable {

        NameRow {
            firstName = firstName == null ? "" : firstName.strip();
            lastName = lastName == null ? "" : lastName.strip();
        }
    }

    ConfirmForm {
        names = List.copyOf(
                names == null
                        ? List.of()
                        : names.stream()
                                .map(n -> n == null ? new NameRow("", "") : n)
                                .toList());
        phone = phone == null ? "" : phone.strip();
        email = email == null ? "" : email.strip();
    }

    /** A form for {@code persons} people, blank. */
    static ConfirmForm blank(int persons) {
        List<NameRow> names = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            names.add(new NameRow("", ""));
        }
        return new ConfirmForm(names, "", "");
    }

    ConfirmForm withPhone(String number) {
        return new ConfirmForm(names, number, email);
    }

    /** The phone number as stored: without spaces and separators, keeping a leading {@code +}. */
    String phoneNumber() {
        return phone.replaceAll("[ ()/-]", "");
    }
}
