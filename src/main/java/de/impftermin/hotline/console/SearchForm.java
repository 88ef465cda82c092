package de.impftermin.hotline.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the caller asks for: a household of 1–4 people (birth date and postal code each), where (a postal code or a
 * county; empty: the first person's postal code), the wanted 1st-dose day, the time of day and the vaccine. Only the
 * first {@code household} person rows count, so rows the page hides are neither checked nor kept. A caller with an
 * invitation letter gives its code, which limits the offers to the release it opens.
 */
record SearchForm(
        @NotNull @Min(1) @Max(4) Integer household,
        @Valid @Size(min = 1, max = 4) List<PersonRow> persons,

        @Size(max = 80, message = "hotline.error.place.invalid")
        String place,

        String vaccine,

        @NotBlank(message = "hotline.error.day.missing")
        @Pattern(regexp = "(|" + ConsoleDates.FORMAT + ")", message = "hotline.error.day.invalid")
        String day,

        TimeOfDay timeOfDay,

        @Size(max = 40, message = "hotline.error.invitation.unknown")
        String invitationCode)
        implements Serializable {

    static final int MAX_PERSONS = 4;

    /** Birth date and postal code of one person of the household. */
    record PersonRow(
            @NotBlank(message = "hotline.error.birthDate.missing")
            @Pattern(regexp = "(|" + ConsoleDates.FORMAT + ")", message = "hotline.error.birthDate.invalid")
            String birthDate,

            @NotBlank(message = "hotline.error.postalCode.missing")
            @Pattern(regexp = "(|[0-9]{5})", message = "hotline.error.postalCode.invalid")
            String postalCode)
            implements Serializable {

        PersonRow {
            birthDate = birthDate == null ? "" : birthDate.strip();
            // typed fast as 03051941 or 1941-05-03, shown back the way it is read: 03.05.1941
            birthDate = ConsoleDates.parse(birthDate).map(ConsoleDates::show).orElse(birthDate);
            postalCode = postalCode == null ? "" : postalCode.replaceAll("\\s", "");
        }
    }

    SearchForm {
        household = household == null ? 1 : household;
        List<PersonRow> rows = new ArrayList<>(persons == null ? List.of() : persons);
        rows.replaceAll(r -> r == null ? new PersonRow("", "") : r);
        persons = List.copyOf(rows.subList(0, Math.max(0, Math.min(household, rows.size()))));
        place = place == null ? "" : place.strip();
        vaccine = vaccine == null ? "" : vaccine.strip();
        day = day == null ? "" : day.strip();
        timeOfDay = timeOfDay == null ? TimeOfDay.ANY : timeOfDay;
        invitationCode = invitationCode == null ? "" : invitationCode.strip();
    }

    /** A search without an invitation code. */
    SearchForm(
            Integer household, List<PersonRow> persons, String place, String vaccine, String day, TimeOfDay timeOfDay) {
        this(household, persons, place, vaccine, day, timeOfDay, "");
    }

    static SearchForm empty() {
        return new SearchForm(1, List.of(new PersonRow("", "")), "", "", "", TimeOfDay.ANY);
    }

    /** The caller's invitation code, if they read one from their letter. */
    @Nullable
    String invitation() {
        return invitationCode.isEmpty() ? null : invitationCode;
    }

    /** The rows to show: the household's, then blank ones up to four (the page hides those beyond the household). */
    public List<PersonRow> rows() {
        List<PersonRow> rows = new ArrayList<>(persons);
        while (rows.size() < MAX_PERSONS) {
            rows.add(new PersonRow("", ""));
        }
        return rows;
    }

    /** Where to look: the place typed, else the first person's postal code. */
    public String where() {
        return place.isEmpty() && !persons.isEmpty() ? persons.getFirst().postalCode() : place;
    }

    @Nullable
    String firstBirthDate() {
        return persons.isEmpty() ? null : persons.getFirst().birthDate();
    }
}
