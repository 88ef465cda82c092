package de.impftermin.verification;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.impftermin.notifications.MessageChannel;
import de.impftermin.platform.Refusal;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Overload;
import de.impftermin.support.Race;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

@IntegrationTest
class VerificationIntegrationTests extends ApiTestSupport {

    @Test
    void theCodeArrivesByTextMessageInTheDevInboxAndConfirmsTheNumber() {
        String phone = Citizens.freshPhone();
        ApiResponse started = start("SMS", phone);

        assertThat(started.status()).isEqualTo(201);
        assertThat(started.json().path("expiresAt").asString()).matches(".*T.*[+]0[12]:00");
        String code = citizens.codeFromInbox(phone, Duration.ofSeconds(15));
        ApiResponse inbox = api.get("/api/v1/dev/outbox?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        assertThat(inbox.json().get(0).path("channel").asString()).isEqualTo("SMS");
        assertThat(inbox.json().get(0).path("to").asString()).isEqualTo(phone);
        assertThat(inbox.json().get(0).has("sentAt")).isTrue();

        ApiResponse confirmed = confirm(started, code);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().path("token").asString()).isNotBlank();
        assertThat(verifications.verifiedBy(confirmed.json().path("token").asString()))
                .contains(new ContactAddress(MessageChannel.SMS, phone));
    }

    @Test
    void theCodeArrivesByEmailToo() {
        String email = Citizens.freshEmail();
        ApiResponse started = start("EMAIL", email.toUpperCase());

        assertThat(started.status()).isEqualTo(201);
        String code = citizens.codeFromInbox(email, Duration.ofSeconds(15));
        assertThat(confirm(started, code).status()).isEqualTo(200);
    }

    @Test
    void storesTheCodeOnlyAsAKeyedHash() {
        String phone = Citizens.freshPhone();
        ApiResponse started = start("SMS", phone);
        String code = citizens.codeFromInbox(phone, Duration.ofSeconds(15));

        String row = jdbc.sql("select (to_jsonb(v) - 'code_hash')::text from verification v where id = ?")
                .param(UUID.fromString(id(started)))
                .query(String.class)
                .single();
        byte[] hash = jdbc.sql("select code_hash from verification where id = ?")
                .param(UUID.fromString(id(started)))
                .query(byte[].class)
                .single();
        assertThat(row).doesNotContain(code);
        assertThat(hash).hasSize(32);
        assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain(code);
    }

    @Test
    void locksAfterFiveWrongCodesEvenForTheRightOne() {
        String phone = Citizens.freshPhone();
        ApiResponse started = start("SMS", phone);
        String code = citizens.codeFromInbox(phone, Duration.ofSeconds(15));
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 5; i++) {
            ApiResponse refused = confirm(started, wrong);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.problemCode()).isEqualTo("WRONG_CODE");
        }
        ApiResponse locked = confirm(started, code);

        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.problemCode()).isEqualTo("LOCKED");
        assertThat(locked.contentType()).startsWith("application/problem+json");
    }

    @Test
    void wrongCodesGuessedAtTheSameTimeStillLockAfterExactlyFive() {
        String phone = Citizens.freshPhone();
        ApiResponse started = start("SMS", phone);
        String code = citizens.codeFromInbox(phone, Duration.ofSeconds(15));

        List<ApiResponse> guesses = Race.run(
                12,
                i -> Overload.retry(() ->
                        confirm(started, String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000))));

        assertThat(guesses).filteredOn(g -> g.status() == 422).hasSize(5);
        assertThat(guesses).filteredOn(g -> g.status() == 423).hasSize(7);
        assertThat(confirm(started, code).status()).isEqualTo(423);
    }

    @Test
    void aCodeThatExpiredIsRefusedAsExpired() {
        String phone = Citizens.freshPhone();
        ApiResponse started = start("SMS", phone);
        String code = citizens.codeFromInbox(phone, Duration.ofSeconds(15));
        expire(started);

        ApiResponse expired = confirm(started, code);

        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.problemCode()).isEqualTo("EXPIRED");
    }

    @Test
    void aConfirmedCodeStopsMintingTokensOnceItExpired() {
        String phone = Citizens.freshPhone();
        ApiResponse started = start("SMS", phone);
        String code = citizens.codeFromInbox(phone, Duration.ofSeconds(15));
        assertThat(confirm(started, code).status()).isEqualTo(200);
        assertThat(confirm(started, code).status())
                .as("a reload within the validity")
                .isEqualTo(200);
        expire(started);

        ApiResponse late = confirm(started, code);

        assertThat(late.status()).isEqualTo(410);
        assertThat(late.problemCode()).isEqualTo("EXPIRED");
    }

    @Test
    void sendsAtMostFiveCodesToOneAddressInTenMinutes() {
        String phone = Citizens.freshPhone();
        for (int i = 0; i < 5; i++) {
            assertThat(start("SMS", phone).status()).isEqualTo(201);
        }

        ApiResponse limited = start("SMS", "0" + phone.substring(3)); // the same number, written nationally

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.problemCode()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(limited.header("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(s -> assertThat(s).isPositive());
        assertThat(count("select count(*) from verification where address = ?", phone))
                .isEqualTo(5);
    }

    @Test
    void theAddressLimitHoldsForRequestsAtTheSameTime() {
        String email = Citizens.freshEmail();

        List<ApiResponse> starts = Race.run(10, i -> Overload.retry(() -> start("EMAIL", email)));

        assertThat(starts).filteredOn(s -> s.status() == 201).hasSize(5);
        assertThat(starts).filteredOn(s -> s.status() == 429).hasSize(5);
        assertThat(count("select count(*) from verification where address = ?", email))
                .isEqualTo(5);
    }

    @Test
    void sendsAtMostFiveHundredCodesForOneClientInTenMinutes() {
        String client = "client-" + UUID.randomUUID();
        List<String> phones = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < Verifications.MAX_PER_CLIENT; i++) {
                phones.add(Citizens.freshPhone());
                verifications.start(MessageChannel.SMS, phones.getLast(), client);
            }

            assertThatThrownBy(() -> verifications.start(MessageChannel.SMS, Citizens.freshPhone(), client))
                    .isInstanceOfSatisfying(Refusal.class, refusal -> {
                        assertThat(refusal.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                        assertThat(refusal.retryAfter()).isPositive();
                    });
        } finally {
            // 500 codes nobody reads: keep them from delaying the messages other tests wait for
            jdbc.sql("delete from outbox_message where sent_at is null and recipient = any(?)")
                    .param(de.impftermin.platform.SqlArrays.of("text", phones.toArray()))
                    .update();
        }
    }

    @Test
    void refusesAnUnknownVerificationAndMalformedCodes() {
        ApiResponse unknown =
                api.post("/api/v1/verifications/" + UUID.randomUUID() + "/confirm", obj("code", "123456"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("NOT_FOUND");

        ApiResponse started = start("SMS", Citizens.freshPhone());
        for (String code : List.of("12345", "1234567", "abcdef", "")) {
            ApiResponse malformed = confirm(started, code);
            assertThat(malformed.status()).as(code).isEqualTo(422);
            assertThat(malformed.problemCode()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(count("select failed_tries from verification where id = ?", UUID.fromString(id(started))))
                .as("malformed codes are not guesses")
                .isZero();
    }

    private ApiResponse start(String channel, String address) {
        return api.post("/api/v1/verifications", obj("channel", channel, "address", address));
    }

    private ApiResponse confirm(ApiResponse started, String code) {
        return api.post("/api/v1/verifications/" + id(started) + "/confirm", obj("code", code));
    }

    private void expire(ApiResponse started) {
        jdbc.sql("update verification set expires_at = now() - interval '1 second' where id = ?")
                .param(UUID.fromString(id(started)))
                .update();
    }

    private static String id(ApiResponse started) {
        return started.json().path("id").asString();
    }
}
