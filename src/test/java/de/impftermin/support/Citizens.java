package de.impftermin.support;

import static de.impftermin.support.Json.obj;

import de.impftermin.notifications.MessageChannel;
import de.impftermin.verification.VerificationStarted;
import de.impftermin.verification.Verifications;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Makes verified citizens with admission passes. {@link #verifyOverHttp} walks the public path exactly as a
 * browser does (request a code, read it from the dev inbox, confirm it). {@link #citizen()} is the fast path for
 * tests that need hundreds of citizens: it starts the verification through the module API with a client address
 * of its own (so the per-client sending limit of the shared test address is not used up), reads the code from the
 * outbox table and confirms it over HTTP, so the token is a real one.
 */
public final class Citizens {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final AtomicLong NEXT =
            new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000L, 80_000_000L));

    private final Api api;
    private final JdbcClient jdbc;
    private final Verifications verifications;

    public Citizens(Api api, JdbcClient jdbc, Verifications verifications) {
        this.api = api;
        this.jdbc = jdbc;
        this.verifications = verifications;
    }

    /** A mobile number no other test uses (each address may get only 5 codes in 10 minutes). */
    public static String freshPhone() {
        return "+49170" + NEXT.incrementAndGet();
    }

    public static String freshEmail() {
        return "t" + NEXT.incrementAndGet() + "@example.org";
    }

    /** A verified citizen with an admission pass, made quickly (see the class comment). */
    public Citizen citizen() {
        String phone = freshPhone();
        return new Citizen(phone, verifyFast(phone), admissionPass());
    }

    /** A verification token for {@code phone}, started through the module API and confirmed over HTTP. */
    public String verifyFast(String phone) {
        VerificationStarted started =
                verifications.start(MessageChannel.SMS, phone, "test-client-" + UUID.randomUUID());
        String code = codeIn(jdbc.sql("select body from outbox_message where recipient = ? order by id desc limit 1")
                .param(phone)
                .query(String.class)
                .single());
        return confirm(started.id().toString(), code);
    }

    /** A verification token for {@code address} the way a browser gets one, the code read from the dev inbox. */
    public String verifyOverHttp(MessageChannel channel, String address) {
        ApiResponse started = api.post("/api/v1/verifications", obj("channel", channel.name(), "address", address));
        TestCentre.expect(started, 201, "start verification for " + address);
        String code = codeFromInbox(address, Duration.ofSeconds(15));
        return confirm(started.json().path("id").asString(), code);
    }

    /** Waits until the dev inbox shows a message to {@code address} and returns the newest code in it. */
    public String codeFromInbox(String address, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            ApiResponse inbox = api.get("/api/v1/dev/outbox?to="
                    + java.net.URLEncoder.encode(address, java.nio.charset.StandardCharsets.UTF_8));
            TestCentre.expect(inbox, 200, "read dev inbox");
            for (JsonNode message : inbox.json()) {
                Matcher code = CODE.matcher(message.path("body").asString(""));
                if (code.find()) {
                    return code.group(1);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no code for " + address + " in the dev inbox within " + patience);
            }
            sleep(50);
        }
    }

    /** An admission pass: takes a waiting-room ticket and polls it until admitted. */
    public String admissionPass() {
        ApiResponse ticket = api.post("/api/v1/waiting-room/tickets", null);
        TestCentre.expect(ticket, 201, "take a waiting-room ticket");
        JsonNode status = ticket.json();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"ADMITTED".equals(status.path("state").asString())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("ticket not admitted in time: " + status);
            }
            sleep(100);
            ApiResponse polled = api.get(
                    "/api/v1/waiting-room/tickets/" + status.path("ticket").asString());
            TestCentre.expect(polled, 200, "poll waiting-room ticket");
            status = polled.json();
        }
        return status.path("pass").asString();
    }

    /** Holds for {@code persons} at the centre on {@code date}, nearest to {@code time} (may be null). */
    public ApiResponse hold(
            Citizen citizen, String centreId, java.time.LocalDate date, String time, Requests.Person... persons) {
        return api.post("/api/v1/holds", Requests.hold(centreId, date, time, persons), citizen.holdHeaders());
    }

    /** Hold and confirm in one go; asserts the hold was granted and returns the confirmation's answer. */
    public ApiResponse book(
            Citizen citizen, String centreId, java.time.LocalDate date, String time, Requests.Person... persons) {
        ApiResponse hold = hold(citizen, centreId, date, time, persons);
        TestCentre.expect(hold, 201, "hold at " + centreId);
        return api.post(
                "/api/v1/bookings",
                Requests.booking(hold.json().path("id").asString(), persons),
                citizen.bookingHeaders(UUID.randomUUID().toString()));
    }

    private String confirm(String verificationId, String code) {
        ApiResponse confirmed = api.post("/api/v1/verifications/" + verificationId + "/confirm", obj("code", code));
        TestCentre.expect(confirmed, 200, "confirm verification " + verificationId);
        return confirmed.json().path("token").asString();
    }

    private static String codeIn(String body) {
        Matcher code = CODE.matcher(body);
        if (!code.find()) {
            throw new AssertionError("no 6-digit code in " + body);
        }
        return code.group(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
