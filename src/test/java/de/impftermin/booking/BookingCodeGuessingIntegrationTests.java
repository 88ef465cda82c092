package de.impftermin.booking;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.booking.domain.BookingCode;
import de.impftermin.platform.GuessThrottle;
import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Guessing a booking's birth date, or booking codes, through the public API: a few wrong tries are free, then every
 * further one waits a doubling delay, counted per booking code and per client address. Behind the proxy the client
 * address is the one nginx reports in {@code X-Forwarded-For}; from anyone else that header is ignored, so a client
 * cannot spread its guesses over addresses it makes up. Clients here connect through the test profile's trusted proxy
 * (127.0.0.2) with addresses of their own, or as the untrusted 127.0.0.3, so that they share no counts with the other
 * tests (127.0.0.1).
 */
@IntegrationTest
class BookingCodeGuessingIntegrationTests extends ApiTestSupport {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final int FREE_PER_CODE = 5;
    private static final int FREE_PER_CLIENT = 100; // application-test.properties

    @Autowired
    GuessThrottle throttle;

    @Test
    void wrongBirthDatesForOneCodeAreDelayedAfterTheFreeOnesFromWhateverAddress() {
        Booked booked = book();
        for (int i = 0; i < FREE_PER_CODE; i++) {
            ApiResponse wrong = viaProxy(freshAddress())
                    .get(lookUp(booked.code(), booked.birthDate().plusDays(i + 1)));
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(404);
        }

        ApiResponse right = viaProxy(freshAddress()).get(lookUp(booked.code(), booked.birthDate()));
        assertThat(right.status()).as("the right birth date, too, waits").isEqualTo(429);
        assertThat(right.problemCode()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(right.header("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 2));
        String typedOtherwise = booked.code().replace("-", "").toLowerCase(Locale.ROOT);
        assertThat(viaProxy(freshAddress())
                        .get(lookUp(typedOtherwise, booked.birthDate()))
                        .status())
                .as("the same code typed otherwise")
                .isEqualTo(429);
    }

    @Test
    void cancellingWithAWrongBirthDateCountsAsAGuessAndCancelsNothing() {
        Booked booked = book();
        for (int i = 0; i < FREE_PER_CODE; i++) {
            ApiResponse wrong = viaProxy(freshAddress())
                    .post(
                            cancel(booked.code()),
                            obj("birthDate", booked.birthDate().minusDays(i + 1)));
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(404);
        }
        ApiResponse delayed =
                viaProxy(freshAddress()).post(cancel(booked.code()), obj("birthDate", booked.birthDate()));
        assertThat(delayed.status()).isEqualTo(429);
        assertThat(count("select count(*) from booking where code = ? and status = 'CONFIRMED'", booked.code()))
                .isEqualTo(1);
    }

    @Test
    void aClientTryingManyCodesIsDelayedWhileOthersAreNot() {
        Api guesser = viaProxy(freshAddress());
        for (int i = 0; i < FREE_PER_CLIENT; i++) {
            assertThat(guesser.get(lookUp(BookingCode.random().value(), LocalDate.of(1950, 1, 1)))
                            .status())
                    .isEqualTo(404);
        }
        assertThat(guesser.get(lookUp(BookingCode.random().value(), LocalDate.of(1950, 1, 1)))
                        .status())
                .isEqualTo(429);
        assertThat(viaProxy(freshAddress())
                        .get(lookUp(BookingCode.random().value(), LocalDate.of(1950, 1, 1)))
                        .status())
                .as("another client")
                .isEqualTo(404);
    }

    @Test
    void aForgedForwardedForFromAnUntrustedAddressCountsAgainstThatAddress() {
        String reported = freshAddress();
        viaProxy(reported).get(lookUp(BookingCode.random().value(), LocalDate.of(1950, 1, 1)));
        assertThat(failuresOf(reported)).as("the proxy's report is believed").isEqualTo(1);

        Api outsider = Api.from("127.0.0.3", port);
        int before = failuresOf("127.0.0.3");
        String forged = freshAddress();
        ApiResponse answer =
                outsider.get(lookUp(BookingCode.random().value(), LocalDate.of(1950, 1, 1)), "X-Forwarded-For", forged);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(failuresOf(forged)).as("the forged address").isZero();
        assertThat(failuresOf("127.0.0.3")).isEqualTo(before + 1);

        for (int i = before + 1; i < FREE_PER_CLIENT; i++) {
            outsider.get(
                    lookUp(BookingCode.random().value(), LocalDate.of(1950, 1, 1)), "X-Forwarded-For", freshAddress());
        }
        ApiResponse delayed = outsider.get(
                lookUp(BookingCode.random().value(), LocalDate.of(1950, 1, 1)), "X-Forwarded-For", freshAddress());
        assertThat(delayed.status())
                .as("a new forged address every time does not help")
                .isEqualTo(429);
    }

    @Test
    void theDelayDoublesWithEveryFailureAndEndsWithTheWindow() {
        String scope = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.parse("2031-03-01T10:00:00Z");
        for (int i = 0; i < FREE_PER_CODE - 1; i++) {
            throttle.failed(scope, "client-" + i, "CODE", t);
        }
        assertThat(throttle.wait(scope, "client-x", "CODE", t)).isEmpty();

        throttle.failed(scope, "client-x", "CODE", t);
        assertThat(throttle.wait(scope, "client-y", "CODE", t)).contains(Duration.ofSeconds(1));
        assertThat(throttle.wait(scope, "client-y", "CODE", t.plusSeconds(1))).isEmpty();
        throttle.failed(scope, "client-y", "CODE", t.plusSeconds(1));
        assertThat(throttle.wait(scope, "client-z", "CODE", t.plusSeconds(1))).contains(Duration.ofSeconds(2));
        throttle.failed(scope, "client-z", "CODE", t.plusSeconds(3));
        assertThat(throttle.wait(scope, "client-z", "CODE", t.plusSeconds(3))).contains(Duration.ofSeconds(4));
        assertThat(throttle.wait(scope, "client-z", "OTHER", t.plusSeconds(3)))
                .as("another code, another client")
                .isEmpty();
        assertThat(throttle.wait(scope, "client-z", "CODE", t.plus(Duration.ofHours(25))))
                .as("a day later")
                .isEmpty();
    }

    private Booked book() {
        TestCentre centre = TestCentre.bookable(admin, TestCentre.day(6), 4);
        Person person = Person.unique();
        ApiResponse booked = citizens.book(citizens.citizen(), centre.id(), TestCentre.day(6), "09:00", person);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return new Booked(booked.json().path("code").asString(), person.birthDate());
    }

    private Api viaProxy(String clientAddress) {
        return Api.from(Api.TRUSTED_PROXY, port).forwardingFor(clientAddress);
    }

    private int failuresOf(String client) {
        return count(
                "select count(*) from guess_failure where scope = 'booking-code' and key_kind = 'CLIENT'"
                        + " and key_value = ?",
                client);
    }

    private static String freshAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private static String lookUp(String code, LocalDate birthDate) {
        return "/api/v1/bookings/" + code + "?birthDate=" + birthDate;
    }

    private static String cancel(String code) {
        return "/api/v1/bookings/" + code + "/cancel";
    }

    private record Booked(String code, LocalDate birthDate) {}
}
