package de.impftermin.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs and checks short self-contained tokens ({@code purpose.payload.expiry.signature}) with HMAC-SHA256. Checking
 * a token costs no database access, which is what lets a million waiting citizens poll their queue position for free.
 *
 * <p><b>Keys.</b> By default one key signs and checks everything: a random key created at the first start and shared
 * by all instances through the database ({@code platform_secret}). An operator rotates it with
 * {@code impftermin.tokens.signing-key} (base64, at least 32 bytes) and {@code impftermin.tokens.accepted-keys}
 * (keys that are still checked but no longer sign; {@code database} names the database key). Since every key that is
 * accepted is tried, a token signed before a rotation stays valid until it expires, and a rotation is three rolling
 * deployments that never log anybody out (docs/security.md): accept the new key everywhere; sign with it and still
 * accept the old one; drop the old one after the longest token life (a day).
 *
 * <p>{@link #mac} is a keyed hash of values stored in the database (verification codes, waitlist tokens) and always
 * uses the database key: rotating the signing key must not make stored hashes unmatchable.
 */
@Component
public class Signer {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final byte[] storageKey;
    private final List<byte[]> keys;
    private final Clock clock;

    @Autowired
    Signer(JdbcClient jdbc, Clock clock, Keys configured) {
        this(databaseKey(jdbc), configured, clock);
    }

    Signer(byte[] databaseKey, Keys configured, Clock clock) {
        this.storageKey = databaseKey.clone();
        this.keys = configured.resolve(databaseKey);
        this.clock = clock;
    }

    private static byte[] databaseKey(JdbcClient jdbc) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into platform_secret (name, value) values ('token-hmac', ?) on conflict do nothing")
                .param(fresh)
                .update();
        return jdbc.sql("select value from platform_secret where name = 'token-hmac'")
                .query(byte[].class)
                .single();
    }

    /** A token for {@code purpose} carrying {@code payload} until {@code expiresAt}, signed with the signing key. */
    public String sign(String purpose, String payload, Instant expiresAt) {
        String body = purpose + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + expiresAt.getEpochSecond();
        return body + "." + new String(signature(keys.getFirst(), body), StandardCharsets.US_ASCII);
    }

    private static byte[] signature(byte[] key, String body) {
        return B64.encode(hmac(key, body));
    }

    /** The payload of a valid, unexpired token for {@code purpose}; empty for anything else. */
    public Optional<String> verify(String purpose, String token) {
        return verify(purpose, token, clock.instant());
    }

    public Optional<String> verify(String purpose, String token, Instant now) {
        return check(purpose, token, now) instanceof Check.Valid valid
                ? Optional.of(valid.payload())
                : Optional.empty();
    }

    /**
     * What a token is worth at {@code now}: valid with its payload, genuine but expired, or not genuine (tampered, made
     * with a key no longer accepted, for another purpose, or not a token at all). Never throws.
     */
    public Check check(String purpose, String token, Instant now) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return new Check.Invalid();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(purpose)) {
            return new Check.Invalid();
        }
        try {
            String body = parts[0] + "." + parts[1] + "." + parts[2];
            // compared as text: base64 leaves spare bits in the last character, so a decoded comparison would also
            // take a few altered spellings of a genuine signature
            byte[] signature = parts[3].getBytes(StandardCharsets.US_ASCII);
            if (keys.stream().noneMatch(key -> MessageDigest.isEqual(signature(key, body), signature))) {
                return new Check.Invalid();
            }
            if (Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(now)) {
                return new Check.Expired();
            }
            return new Check.Valid(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return new Check.Invalid();
        }
    }

    /** A keyed hash, e.g. of a verification code, so that a stolen database reveals no codes. */
    public byte[] mac(String value) {
        return hmac(storageKey, value);
    }

    private static byte[] hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The outcome of checking a token. */
    public sealed interface Check {
        record Valid(String payload) implements Check {}

        record Expired() implements Check {}

        record Invalid() implements Check {}
    }

    /**
     * {@code impftermin.tokens.*}: the key that signs (base64 of at least 32 random bytes; none: the database key) and
     * the keys still accepted while a rotation runs ({@code database} for the database key).
     */
    @ConfigurationProperties("impftermin.tokens")
    public record Keys(
            @Nullable String signingKey, @DefaultValue List<String> acceptedKeys) {

        public static final String DATABASE = "database";
        static final int MIN_BYTES = 32;

        /** The signing key first, then every accepted key, without repeats. */
        List<byte[]> resolve(byte[] databaseKey) {
            List<byte[]> resolved = new ArrayList<>();
            resolved.add(decode(signingKey == null || signingKey.isBlank() ? DATABASE : signingKey, databaseKey));
            for (String accepted : acceptedKeys) {
                byte[] key = decode(accepted, databaseKey);
                if (resolved.stream().noneMatch(k -> MessageDigest.isEqual(k, key))) {
                    resolved.add(key);
                }
            }
            return List.copyOf(resolved);
        }

        private static byte[] decode(String key, byte[] databaseKey) {
            if (key.strip().equals(DATABASE)) {
                return databaseKey.clone();
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(key.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("impftermin.tokens: a key is not base64", e);
            }
            if (bytes.length < MIN_BYTES) {
                throw new IllegalStateException("impftermin.tokens: a key must have at least " + MIN_BYTES
                        + " bytes, this one has " + bytes.length);
            }
            return bytes;
        }
    }
}
