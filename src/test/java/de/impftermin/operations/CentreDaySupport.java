package de.impftermin.operations;

import static de.impftermin.support.Json.obj;

import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.Citizens;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/** Books through the hotline endpoint (no verification needed) and makes operators. */
final class CentreDaySupport {

    static final String PASSWORD = "correct horse battery";

    private CentreDaySupport() {}

    /** A hotline booking for {@code persons} with a fresh phone number of its own; returns the answer. */
    static ApiResponse bookByPhone(
            Api admin, String centreId, LocalDate day, @Nullable String time, Person... persons) {
        return admin.post("/api/v1/hotline/bookings", body(centreId, day, time, Citizens.freshPhone(), persons));
    }

    static Map<String, Object> body(
            String centreId, LocalDate day, @Nullable String time, String phone, Person... persons) {
        List<Map<String, Object>> people =
                Arrays.stream(persons).map(Requests::details).toList();
        return obj(
                "centreId",
                centreId,
                "date",
                day.toString(),
                "time",
                time,
                "vaccine",
                null,
                "persons",
                people,
                "contact",
                obj("phone", phone, "email", null));
    }

    /** An operator of {@code centreIds}, signed in over HTTP Basic. */
    static Api operator(Api api, String... centreIds) {
        String username = "op-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        ApiResponse created = api.asAdmin()
                .post(
                        "/api/v1/admin/staff",
                        obj(
                                "username",
                                username,
                                "password",
                                PASSWORD,
                                "role",
                                "OPERATOR",
                                "centreIds",
                                List.of(centreIds)));
        TestCentre.expect(created, 201, "create operator " + username);
        return api.as(username, PASSWORD);
    }
}
