package de.impftermin.waitlist;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizen;
import de.impftermin.support.Citizens;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.waitlist.domain.Offer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;

/** Registering over the API and running the engine by hand (the scheduled run is off in tests). */
abstract class WaitlistTestSupport extends ApiTestSupport {

    @Autowired
    protected OfferEngine engine;

    protected record Registration(String id, String token, String email) {
        String[] headers() {
            return new String[] {"X-Waitlist-Token", token};
        }
    }

    protected Registration register(List<String> centreIds, Person... persons) {
        Citizen citizen = citizens.citizen();
        String email = Citizens.freshEmail();
        ApiResponse created =
                api.post("/api/v1/waitlist", body(centreIds, email, persons), "X-Verification-Token", citizen.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Registration(
                created.json().path("id").asString(),
                created.json().path("token").asString(),
                email);
    }

    protected static Map<String, Object> body(List<String> centreIds, String email, Person... persons) {
        return obj(
                "persons",
                Arrays.stream(persons).map(Requests::details).toList(),
                "centreIds",
                centreIds,
                "vaccine",
                null,
                "contact",
                obj("phone", null, "email", email));
    }

    protected int runEngine() {
        return engine.run();
    }

    protected int runEngine(Duration offerDuration, Consumer<Offer> beforeMessage) {
        return engine.run(offerDuration, beforeMessage);
    }

    protected String status(Registration registration) {
        return api.get("/api/v1/waitlist/" + registration.id(), registration.headers())
                .json()
                .path("status")
                .asString();
    }
}
