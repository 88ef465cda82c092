package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rotating the signing key as docs/security.md describes, on two instances that are never both on the same step of
 * a rolling deployment: at every moment each accepts what the other signs, so nobody is logged out mid-booking; after
 * the rotation the old key's tokens are refused, and the keyed hashes of stored values never change.
 */
class SignerRotationTests {

    private static final Instant NOW = Instant.parse("2031-05-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] DATABASE_KEY = random();
    private static final String NEW_KEY = Base64.getEncoder().encodeToString(random());

    /** The steps of the rotation, each one rolling deployment. */
    private static final List<Signer.Keys> STEPS = List.of(
            new Signer.Keys(null, List.of()),
            new Signer.Keys(null, List.of(NEW_KEY)),
            new Signer.Keys(NEW_KEY, List.of(Signer.Keys.DATABASE)),
            new Signer.Keys(NEW_KEY, List.of()));

    @Test
    void duringEachStepOfTheRotationBothInstancesAcceptWhatTheOtherSigns() {
        for (int step = 0; step + 1 < STEPS.size(); step++) {
            Signer done = signer(STEPS.get(step + 1));
            Signer notYet = signer(STEPS.get(step));
            String fromDone = done.sign("verified", "SMS:+491701234567", NOW.plusSeconds(600));
            String fromNotYet = notYet.sign("verified", "SMS:+491701234567", NOW.plusSeconds(600));
            assertThat(notYet.verify("verified", fromDone)).as("step %d", step).contains("SMS:+491701234567");
            assertThat(done.verify("verified", fromNotYet)).as("step %d", step).contains("SMS:+491701234567");
        }
    }

    @Test
    void aTokenSignedBeforeTheRotationIsRefusedOnceTheOldKeyIsDropped() {
        String old = signer(STEPS.getFirst()).sign("portal-flow", "{}", NOW.plus(Duration.ofDays(1)));
        assertThat(signer(STEPS.get(2)).verify("portal-flow", old)).isPresent();
        assertThat(signer(STEPS.getLast()).check("portal-flow", old, NOW)).isInstanceOf(Signer.Check.Invalid.class);
    }

    @Test
    void theNewKeySignsFromTheSecondDeploymentOn() {
        String signed = signer(STEPS.get(2)).sign("pass", "q|1|", NOW.plusSeconds(60));
        assertThat(signer(STEPS.getFirst()).verify("pass", signed)).isEmpty();
        assertThat(signer(STEPS.getLast()).verify("pass", signed)).contains("q|1|");
    }

    @Test
    void storedHashesDoNotDependOnTheSigningKey() {
        byte[] before = signer(STEPS.getFirst()).mac("verification:1:123456");
        for (Signer.Keys step : STEPS) {
            assertThat(signer(step).mac("verification:1:123456")).isEqualTo(before);
        }
    }

    @Test
    void tellsAnExpiredTokenFromATamperedOne() {
        Signer signer = signer(STEPS.getFirst());
        String token = signer.sign("verified", "SMS:+491701234567", NOW.minusSeconds(1));
        assertThat(signer.check("verified", token, NOW)).isInstanceOf(Signer.Check.Expired.class);
        String[] parts = token.split("\\.");
        String later = parts[0] + "." + parts[1] + "." + (NOW.getEpochSecond() + 3600) + "." + parts[3];
        assertThat(signer.check("verified", later, NOW)).isInstanceOf(Signer.Check.Invalid.class);
        assertThat(signer.check("pass", token, NOW.minusSeconds(5))).isInstanceOf(Signer.Check.Invalid.class);
    }

    @Test
    void refusesToStartWithAShortOrGarbledKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> signer(new Signer.Keys(shortKey, List.of())))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> signer(new Signer.Keys("not base64!", List.of())))
                .hasMessageContaining("not base64");
    }

    static Signer signer(Signer.Keys keys) {
        return new Signer(DATABASE_KEY, keys, CLOCK);
    }

    private static byte[] random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
