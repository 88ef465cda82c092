package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizen;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every kind of signed token the API takes, tampered with or expired, is refused with the code the contract gives for
 * a missing one (the token is worth nothing): a verification token {@code 401 VERIFICATION_REQUIRED}, an admission
 * pass {@code 401 ADMISSION_REQUIRED}, a waiting-room ticket {@code 404 UNKNOWN_TICKET}. Nothing is held.
 */
@IntegrationTest
class TokenRefusalIntegrationTests extends ApiTestSupport {

    @Autowired
    Signer signer;

    private final LocalDate day = TestCentre.day(9);

    @Test
    void aTamperedOrExpiredVerificationTokenIsRefusedAsMissing() {
        TestCentre centre = TestCentre.bookable(admin, day, 4);
        Citizen citizen = citizens.citizen();
        for (String token : variants(citizen.token(), "verified")) {
            ApiResponse hold = api.post(
                    "/api/v1/holds",
                    Requests.hold(centre.id(), day, null, Person.unique()),
                    "X-Verification-Token",
                    token,
                    "X-Admission-Pass",
                    citizen.pass());
            assertThat(hold.status()).as(token).isEqualTo(401);
            assertThat(hold.problemCode()).as(token).isEqualTo("VERIFICATION_REQUIRED");
        }
        assertThat(count("select count(*) from hold where centre_id = ?", centre.id()))
                .isZero();
    }

    @Test
    void aTamperedOrExpiredAdmissionPassIsRefusedAsMissing() {
        TestCentre centre = TestCentre.bookable(admin, day, 4);
        Citizen citizen = citizens.citizen();
        for (String pass : variants(citizen.pass(), "pass")) {
            ApiResponse hold = api.post(
                    "/api/v1/holds",
                    Requests.hold(centre.id(), day, null, Person.unique()),
                    "X-Verification-Token",
                    citizen.token(),
                    "X-Admission-Pass",
                    pass);
            assertThat(hold.status()).as(pass).isEqualTo(401);
            assertThat(hold.problemCode()).as(pass).isEqualTo("ADMISSION_REQUIRED");
        }
        assertThat(count("select count(*) from hold where centre_id = ?", centre.id()))
                .isZero();
    }

    @Test
    void aTamperedOrExpiredWaitingRoomTicketIsUnknown() {
        String ticket = api.post("/api/v1/waiting-room/tickets", null)
                .json()
                .path("ticket")
                .asString();
        assertThat(api.get("/api/v1/waiting-room/tickets/" + ticket).status()).isEqualTo(200);
        for (String forged : variants(ticket, "ticket")) {
            ApiResponse status = api.get("/api/v1/waiting-room/tickets/" + forged);
            assertThat(status.status()).as(forged).isEqualTo(404);
            assertThat(status.problemCode()).isEqualTo("UNKNOWN_TICKET");
        }
    }

    /**
     * The genuine token with its payload changed, its expiry moved on, its signature changed, signed for another
     * purpose, and re-signed with the same payload but expired a second ago.
     */
    private String[] variants(String genuine, String purpose) {
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        UnaryOperator<String> flipLast = s -> s.substring(0, s.length() - 1) + (s.endsWith("A") ? "B" : "A");
        String otherPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((payload + "x").getBytes(StandardCharsets.UTF_8));
        return new String[] {
            parts[0] + "." + otherPayload + "." + parts[2] + "." + parts[3],
            parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 86_400) + "." + parts[3],
            parts[0] + "." + parts[1] + "." + parts[2] + "." + flipLast.apply(parts[3]),
            signer.sign(
                    purpose.equals("pass") ? "ticket" : "pass",
                    payload,
                    Instant.now().plusSeconds(600)),
            signer.sign(purpose, payload, Instant.now().minusSeconds(1))
        };
    }
}
