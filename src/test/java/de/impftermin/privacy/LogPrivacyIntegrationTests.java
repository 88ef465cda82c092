package de.impftermin.privacy;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.notifications.MessageChannel;
import de.impftermin.notifications.gateway.LocalSmsGateway;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.SmsRoutes;
import de.impftermin.support.TestCentre;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Logs carry no personal data: the whole booking flow of one person over the API (verification by SMS and by e-mail,
 * waiting room, hold, confirmation, look-up, cancellation, their stored data and its erasure), with the things that
 * make code log (a gateway failure whose text names the recipient, a second booking refused by the unique index,
 * malformed input), runs with the output captured, and none of the person's names, birth date, phone number, e-mail
 * address, booking code or verification codes appears in it, in any spelling the platform uses.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyIntegrationTests extends ApiTestSupport {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    SmsRoutes sms;

    @Test
    void theBookingFlowLogsNothingThatIdentifiesThePerson(CapturedOutput output) {
        LocalDate day = TestCentre.day(12);
        TestCentre centre = TestCentre.bookable(admin, day, 6);
        String suffix = Long.toString(System.nanoTime(), 36);
        Person person = new Person("Wilhelmine" + suffix, "Datenschutz" + suffix, LocalDate.of(1937, 8, 19), "46282");
        String phone = Citizens.freshPhone();
        String email = Citizens.freshEmail();
        List<String> codes = new ArrayList<>();
        // the provider refuses the first SMS with a text naming the number, as real providers do; then the local
        // gateway of the development run takes them
        AtomicBoolean failedOnce = new AtomicBoolean();
        LocalSmsGateway local = new LocalSmsGateway();
        sms.route(phone, (to, text) -> {
            if (failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("SMS gateway answered 503: cannot reach " + to + " right now");
            }
            local.send(to, text);
        });
        try {
            String token = verify(MessageChannel.SMS, phone, codes);
            verify(MessageChannel.EMAIL, email, codes);
            String pass = citizens.admissionPass();
            ApiResponse hold = api.post(
                    "/api/v1/holds",
                    Requests.hold(centre.id(), day, "09:00", person),
                    "X-Verification-Token",
                    token,
                    "X-Admission-Pass",
                    pass);
            assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
            ApiResponse booked = api.post(
                    "/api/v1/bookings",
                    obj(
                            "holdId",
                            hold.json().path("id").asString(),
                            "persons",
                            List.of(Requests.details(person)),
                            "contact",
                            obj("phone", phone, "email", email)),
                    "X-Verification-Token",
                    token,
                    "Idempotency-Key",
                    UUID.randomUUID().toString());
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
            String code = booked.json().path("code").asString();
            ApiResponse again = citizens.book(citizens.citizen(), centre.id(), day, "09:30", person);
            assertThat(again.status()).as("the same person again").isEqualTo(409);
            assertThat(api.get("/api/v1/bookings/" + code + "?birthDate=" + person.birthDate())
                            .status())
                    .isEqualTo(200);
            assertThat(api.get("/api/v1/bookings/" + code + "?birthDate=19.08.1937")
                            .status())
                    .isEqualTo(400);
            assertThat(api.post("/api/v1/bookings/" + code + "/cancel", obj("birthDate", "1937-08-19x"))
                            .status())
                    .isIn(400, 422);
            ApiResponse cancelled = api.post(
                    "/api/v1/bookings/" + code + "/cancel",
                    obj("birthDate", person.birthDate().toString()));
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            awaitSent(phone, "abgesagt");
            assertThat(api.get(
                                    "/api/v1/bookings/" + code + "/personal-data?birthDate=" + person.birthDate(),
                                    "X-Verification-Token",
                                    token)
                            .status())
                    .isEqualTo(200);
            assertThat(api.post(
                                    "/api/v1/bookings/" + code + "/erase",
                                    obj("birthDate", person.birthDate().toString()),
                                    "X-Verification-Token",
                                    token)
                            .status())
                    .isEqualTo(200);
            assertThat(failedOnce).as("the gateway failure happened").isTrue();

            assertThat(leaks(output.getAll(), person, phone, email, code, codes))
                    .isEmpty();
        } finally {
            sms.unroute(phone);
        }
    }

    /** Every piece of the person's data found in the log, with the line it was found in. */
    private static Map<String, String> leaks(
            String log, Person person, String phone, String email, String code, List<String> verificationCodes) {
        Map<String, String> searched = new LinkedHashMap<>();
        searched.put("first name", person.firstName());
        searched.put("last name", person.lastName());
        searched.put("birth date", person.birthDate().toString());
        searched.put(
                "birth date (German)", DateTimeFormatter.ofPattern("dd.MM.yyyy").format(person.birthDate()));
        searched.put("phone", phone.substring(3));
        searched.put("e-mail", email);
        searched.put("e-mail (local part)", email.substring(0, email.indexOf('@')));
        searched.put("booking code", code);
        searched.put("booking code (without hyphens)", code.replace("-", ""));
        Map<String, String> found = new LinkedHashMap<>();
        searched.forEach((what, value) -> lineWith(log, value).ifPresent(line -> found.put(what, line)));
        for (String verificationCode : verificationCodes) {
            Matcher sixDigits = SIX_DIGITS.matcher(log);
            while (sixDigits.find()) {
                if (sixDigits.group(1).equals(verificationCode)) {
                    found.put("verification code " + verificationCode, lineAround(log, sixDigits.start()));
                }
            }
        }
        return found;
    }

    private static java.util.Optional<String> lineWith(String log, String value) {
        int at = log.toLowerCase().indexOf(value.toLowerCase());
        return at < 0 ? java.util.Optional.empty() : java.util.Optional.of(lineAround(log, at));
    }

    private static String lineAround(String log, int at) {
        int start = log.lastIndexOf('\n', at) + 1;
        int end = log.indexOf('\n', at);
        return log.substring(start, end < 0 ? log.length() : end);
    }

    /** Verifies the address over HTTP, as a browser does, and keeps the code it was sent. */
    private String verify(MessageChannel channel, String address, List<String> codes) {
        ApiResponse started = api.post("/api/v1/verifications", obj("channel", channel.name(), "address", address));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String code = citizens.codeFromInbox(address, Duration.ofSeconds(30));
        codes.add(code);
        ApiResponse confirmed = api.post(
                "/api/v1/verifications/" + started.json().path("id").asString() + "/confirm", obj("code", code));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return confirmed.json().path("token").asString();
    }

    private void awaitSent(String to, String text) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (count(
                        "select count(*) from outbox_message where recipient = ? and strpos(body, ?) > 0 and sent_at is not null",
                        to,
                        text)
                == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("a message was not sent in time");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
