package de.impftermin.support;

import static de.impftermin.support.Json.obj;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Bodies of the citizen and hotline booking endpoints, as in API.md. */
public final class Requests {

    private Requests() {}

    /** A person to book; for a hold only birth date and postal code are sent (see {@link #applicant}). */
    public record Person(String firstName, String lastName, LocalDate birthDate, String postalCode) {

        public static Person of(String firstName, String lastName, String birthDate) {
            return new Person(firstName, lastName, LocalDate.parse(birthDate), TestCentre.POSTAL_CODE);
        }

        /** A person with a unique name, born 1950 (eligible for any rule a test does not set otherwise). */
        public static Person unique() {
            String suffix =
                    Long.toString(System.nanoTime() ^ Thread.currentThread().threadId(), 36);
            return new Person(
                    "Test",
                    "Person" + suffix + Citizens.freshPhone().substring(6),
                    LocalDate.of(1950, 5, 3),
                    TestCentre.POSTAL_CODE);
        }
    }

    public static Map<String, Object> applicant(Person person) {
        return obj("birthDate", person.birthDate().toString(), "postalCode", person.postalCode());
    }

    public static Map<String, Object> details(Person person) {
        return obj(
                "firstName", person.firstName(),
                "lastName", person.lastName(),
                "birthDate", person.birthDate().toString(),
                "postalCode", person.postalCode());
    }

    public static Map<String, Object> hold(String centreId, LocalDate date, @Nullable String time, Person... persons) {
        return obj(
                "centreId",
                centreId,
                "date",
                date.toString(),
                "time",
                time,
                "vaccine",
                null,
                "persons",
                Arrays.stream(persons).map(Requests::applicant).toList());
    }

    public static Map<String, Object> booking(String holdId, Person... persons) {
        return obj(
                "holdId", holdId,
                "persons", Arrays.stream(persons).map(Requests::details).toList(),
                "contact", obj("phone", null, "email", null));
    }

    public static Map<String, Object> phoneBooking(
            String centreId, LocalDate date, @Nullable String time, Person... persons) {
        List<Map<String, Object>> people =
                Arrays.stream(persons).map(Requests::details).toList();
        return obj(
                "centreId",
                centreId,
                "date",
                date.toString(),
                "time",
                time,
                "vaccine",
                null,
                "persons",
                people,
                "contact",
                obj("phone", null, "email", null));
    }
}
