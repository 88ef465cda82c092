package de.impftermin.hotline;

import static de.impftermin.hotline.CallBackSupport.emptyQueue;
import static de.impftermin.hotline.CallBackSupport.next;
import static de.impftermin.hotline.CallBackSupport.outcome;
import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Race;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@IntegrationTest
class CallBackIntegrationTests extends ApiTestSupport {

    private String phone;
    private String token;

    @BeforeEach
    void verifiedPhone() {
        emptyQueue(jdbc);
        phone = Citizens.freshPhone();
        token = citizens.verifyFast(phone);
    }

    private ApiResponse request(Object body) {
        return api.post("/api/v1/callbacks", body, "X-Verification-Token", token);
    }

    private int smsTo(String text) {
        return count(
                "select count(*) from outbox_message where recipient = ? and body like ?", phone, "%" + text + "%");
    }

    private int rowsOfPhone() {
        return count("select count(*) from call_back where phone = ?", phone);
    }

    @Test
    void aVerifiedPhoneIsQueuedWithItsPositionAndGetsAnSmsWithTheExpectedTime() {
        ApiResponse queued = request(obj("postalCode", "46282", "persons", 2));

        assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
        assertThat(queued.json().path("status").asString()).isEqualTo("QUEUED");
        assertThat(queued.json().path("position").asInt()).isEqualTo(1);
        assertThat(queued.json().path("id").asString()).isNotBlank();
        assertThat(queued.json().path("expectedAt").asString()).isNotBlank();
        assertThat(smsTo("Platz 1")).isEqualTo(1);
        ApiResponse mine = api.get("/api/v1/callbacks/mine", "X-Verification-Token", token);
        assertThat(mine.json().path("id").asString())
                .isEqualTo(queued.json().path("id").asString());
    }

    @Test
    void theSamePhoneWhileARequestIsOpenGetsThatRequestBack() {
        ApiResponse first = request(obj("postalCode", "46282", "persons", 2));
        ApiResponse again = request(obj("postalCode", "45127", "persons", 1));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(again.json().path("postalCode").asString()).isEqualTo("46282");
        assertThat(rowsOfPhone()).isEqualTo(1);
        assertThat(smsTo("Platz")).as("no second SMS").isEqualTo(1);
    }

    @Test
    void twentyThreadsRegisteringTheSamePhoneMakeOneOpenRequest() {
        List<ApiResponse> answers = Race.run(20, i -> request(obj("postalCode", "46282", "persons", 1 + i % 4)));

        assertThat(answers)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(200, 201));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().map(a -> a.json().path("id").asString()).distinct())
                .hasSize(1);
        assertThat(count("select count(*) from call_back where phone = ? and status <> 'DONE'", phone))
                .isEqualTo(1);
        assertThat(smsTo("Platz")).isEqualTo(1);
    }

    @Test
    void withoutAVerifiedPhoneNothingIsQueued() {
        ApiResponse none = api.post("/api/v1/callbacks", obj("postalCode", "46282", "persons", 2));
        ApiResponse forged = api.post(
                "/api/v1/callbacks", obj("postalCode", "46282", "persons", 2), "X-Verification-Token", "forged");
        String email = Citizens.freshEmail();
        String emailToken = citizens.verifyOverHttp(de.impftermin.notifications.MessageChannel.EMAIL, email);
        ApiResponse byEmail = api.post(
                "/api/v1/callbacks", obj("postalCode", "46282", "persons", 2), "X-Verification-Token", emailToken);

        for (ApiResponse refused : List.of(none, forged, byEmail)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.problemCode()).isEqualTo("VERIFICATION_REQUIRED");
        }
        assertThat(count("select count(*) from call_back where phone = ? or phone = ?", phone, email))
                .isZero();
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        List<Object> bodies = List.of(
                obj("postalCode", "4628", "persons", 2),
                obj("postalCode", "46282x", "persons", 2),
                obj("postalCode", "46282", "persons", 0),
                obj("postalCode", "46282", "persons", 5),
                obj("postalCode", "46282", "persons", "two"),
                obj("postalCode", "46282"),
                obj("persons", 2),
                "{not json");
        for (Object body : bodies) {
            ApiResponse refused = request(body);
            assertThat(refused.status()).as(body + " → " + refused).isIn(400, 422);
            assertThat(refused.contentType()).contains("application/problem+json");
        }
        assertThat(rowsOfPhone()).isZero();
        assertThat(smsTo("Platz")).isZero();
    }

    @Test
    void anAgentTakesTheRequestAndTheCallerIsToldTheCallIsComing() {
        ApiResponse queued = request(obj("postalCode", "46282", "persons", 3));
        String id = queued.json().path("id").asString();

        ApiResponse taken = next(admin);

        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().path("id").asString()).isEqualTo(id);
        assertThat(taken.json().path("phone").asString()).isEqualTo(phone);
        assertThat(taken.json().path("postalCode").asString()).isEqualTo("46282");
        assertThat(taken.json().path("persons").asInt()).isEqualTo(3);
        assertThat(taken.json().path("attempts").asInt()).isZero();
        assertThat(next(admin).status()).as("nothing else waits").isEqualTo(204);
        assertThat(smsTo("ruft Sie jetzt an")).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'CALLBACK_TAKEN' and subject = ?", id))
                .isEqualTo(1);
        ApiResponse mine = api.get("/api/v1/callbacks/mine", "X-Verification-Token", token);
        assertThat(mine.json().path("status").asString()).isEqualTo("CALLING");

        ApiResponse booked = outcome(admin, id, "BOOKED", "ABCD-2345");
        assertThat(booked.status()).as(booked.toString()).isEqualTo(200);
        assertThat(booked.json().path("status").asString()).isEqualTo("DONE");
        assertThat(count("select count(*) from audit_event where action = 'CALLBACK_OUTCOME' and subject = ?", id))
                .isEqualTo(1);
        assertThat(request(obj("postalCode", "46282", "persons", 1)).status())
                .as("a closed request no longer blocks a new one")
                .isEqualTo(201);
    }

    @Test
    void aCallerNotReachedThreeTimesIsClosedAndToldHowToGoOn() {
        String id = request(obj("postalCode", "46282", "persons", 1))
                .json()
                .path("id")
                .asString();

        for (int attempt = 0; attempt < 3; attempt++) {
            ApiResponse taken = next(admin);
            assertThat(taken.json().path("id").asString()).isEqualTo(id);
            assertThat(taken.json().path("attempts").asInt()).isEqualTo(attempt);
            ApiResponse notReached = outcome(admin, id, "NOT_REACHED", null);
            assertThat(notReached.status()).as(notReached.toString()).isEqualTo(200);
            assertThat(notReached.json().path("status").asString()).isEqualTo(attempt < 2 ? "QUEUED" : "DONE");
        }

        assertThat(next(admin).status()).isEqualTo(204);
        assertThat(smsTo("3-mal nicht erreicht")).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'CALLBACK_OUTCOME' and subject = ?", id))
                .isEqualTo(3);
        ApiResponse late = outcome(admin, id, "NOT_REACHED", null);
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void badOutcomesAreRefusedAndChangeNothing() {
        String id = request(obj("postalCode", "46282", "persons", 1))
                .json()
                .path("id")
                .asString();
        assertThat(next(admin).status()).isEqualTo(200);
        Map<String, Object> row = jdbc.sql("select * from call_back where id = ?::uuid")
                .param(id)
                .query()
                .singleRow();

        ApiResponse withoutCode = outcome(admin, id, "BOOKED", null);
        ApiResponse unknownOutcome = outcome(admin, id, "MAYBE", null);
        ApiResponse unknownId = outcome(admin, java.util.UUID.randomUUID().toString(), "NOT_REACHED", null);
        ApiResponse malformedId = outcome(admin, "not-an-id", "NOT_REACHED", null);

        assertThat(withoutCode.status()).isEqualTo(422);
        assertThat(withoutCode.problemCode()).isEqualTo("BOOKING_CODE_REQUIRED");
        assertThat(unknownOutcome.status()).isEqualTo(400);
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(malformedId.status()).isEqualTo(400);
        assertThat(jdbc.sql("select * from call_back where id = ?::uuid")
                        .param(id)
                        .query()
                        .singleRow())
                .isEqualTo(row);
        assertThat(count("select count(*) from audit_event where action = 'CALLBACK_OUTCOME' and subject = ?", id))
                .isZero();
    }

    @Test
    void aTakeNotResolvedWithinItsLeaseIsTakenAgainAndTheFirstAgentCanNoLongerResolveIt() {
        String id = request(obj("postalCode", "46282", "persons", 1))
                .json()
                .path("id")
                .asString();
        assertThat(next(admin).json().path("id").asString()).isEqualTo(id);
        assertThat(next(admin).status()).as("leased").isEqualTo(204);
        String agentName = "t-agent-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        ApiResponse created = admin.post(
                "/api/v1/admin/staff",
                obj(
                        "username",
                        agentName,
                        "password",
                        "a long agent password",
                        "role",
                        "AGENT",
                        "centreIds",
                        List.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var agent = api.as(agentName, "a long agent password");
        // the lease ends: set back in time, as a clock twenty minutes later would see it
        jdbc.sql("update call_back set lease_expires_at = now() - interval '1 second' where id = ?::uuid")
                .param(id)
                .update();

        ApiResponse retaken = next(agent);

        assertThat(retaken.json().path("id").asString()).isEqualTo(id);
        assertThat(retaken.json().path("attempts").asInt())
                .as("a lost lease is no attempt")
                .isZero();
        ApiResponse late = outcome(admin, id, "NO_LONGER_NEEDED", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.problemCode()).isEqualTo("NOT_YOURS");
        assertThat(outcome(agent, id, "NO_LONGER_NEEDED", null).status()).isEqualTo(200);
    }

    @Test
    void citizensAndAnonymousCallersCannotTakeCallBacks() {
        assertThat(next(api).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/hotline/callbacks/stats").status()).isEqualTo(401);
    }

    @Test
    void theQueueStatisticsCountWaitingRequestsAndTakes() {
        request(obj("postalCode", "46282", "persons", 1));
        ApiResponse stats = admin.get("/api/v1/hotline/callbacks/stats");

        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().path("waiting").asInt()).isEqualTo(1);
        assertThat(stats.json().path("perHour").asInt()).isPositive();
        int takenBefore = stats.json().path("takenLastHour").asInt();
        next(admin);
        ApiResponse after = admin.get("/api/v1/hotline/callbacks/stats");
        assertThat(after.json().path("waiting").asInt()).isZero();
        assertThat(after.json().path("calling").asInt()).isEqualTo(1);
        assertThat(after.json().path("takenLastHour").asInt()).isEqualTo(takenBefore + 1);
    }

    @Test
    void aPhoneGetsAtMostFiveCallBacksInTenMinutes() {
        for (int i = 0; i < 5; i++) {
            ApiResponse queued = request(obj("postalCode", "46282", "persons", 1));
            assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
            String id = queued.json().path("id").asString();
            assertThat(next(admin).json().path("id").asString()).isEqualTo(id);
            assertThat(outcome(admin, id, "NO_LONGER_NEEDED", null).status()).isEqualTo(200);
        }

        ApiResponse sixth = request(obj("postalCode", "46282", "persons", 1));

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.problemCode()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(sixth.header("Retry-After")).isPresent();
        assertThat(rowsOfPhone()).isEqualTo(5);
    }
}
