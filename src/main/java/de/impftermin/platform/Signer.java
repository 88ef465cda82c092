package de.impftermin.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs and checks short self-contained tokens ({@code purpose.payload.expiry.signature}) with an HMAC key that all
 * instances share through the database. Checking a token costs no database access, which is what lets a million
 * waiting citizens poll their queue position for free.
 */
@Component
public class Signer {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] key;
    private final Clock clock;

    Signer(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into platform_secret (name, value) values ('token-hmac', ?) on conflict do nothing")
                .param(fresh)
                .update();
        this.key = jdbc.sql("select value from platform_secret where name = 'token-hmac'")
                .query(byte[].class)
                .single();
    }

    /** A token for {@code purpose} carrying {@code payload} (no dots) until {@code expiresAt}. */
    public String sign(String purpose, String payload, Instant expiresAt) {
        String body = purpose + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + expiresAt.getEpochSecond();
        return body + "." + B64.encodeToString(mac(body));
    }

    /** The payload of a valid, unexpired token for {@code purpose}; empty for anything else. */
    public Optional<String> verify(String purpose, String token) {
        return verify(purpose, token, clock.instant());
    }

    public Optional<String> verify(String purpose, String token, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(purpose) || token.length() > 2048) {
            return Optional.empty();
        }
        try {
            String body = parts[0] + "." + parts[1] + "." + parts[2];
            if (!MessageDigest.isEqual(mac(body), B64D.decode(parts[3]))) {
                return Optional.empty();
            }
            if (Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(now)) {
                return Optional.empty();
            }
            return Optional.of(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A keyed hash, e.g. of a verification code, so that a stolen database reveals no codes. */
    public byte[] mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
