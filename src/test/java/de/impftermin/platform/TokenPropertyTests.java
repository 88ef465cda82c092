package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of signed tokens over generated purposes, payloads (any Unicode, dots and bars included), lifetimes and
 * alterations: a genuine token gives back its payload until it expires and is "expired" after; any other token,
 * however it was changed, is refused; and checking never throws, whatever arrives.
 */
class TokenPropertyTests {

    private static final Instant NOW = Instant.parse("2031-05-01T08:00:00Z");
    private static final Signer SIGNER = SignerRotationTests.signer(new Signer.Keys(null, List.of()));

    private static Gen<String> purposes() {
        return Generate.pick(List.of("verified", "ticket", "pass", "portal-flow", "portal-booking", "offer"));
    }

    private static Gen<String> payloads() {
        return strings().allPossible().ofLengthBetween(0, 200);
    }

    @Test
    void aGenuineTokenCarriesItsPayloadUntilItExpires() {
        qt().withExamples(2_000)
                .forAll(purposes(), payloads(), integers().between(-100_000, 100_000))
                .checkAssert((purpose, payload, seconds) -> {
                    String token = SIGNER.sign(purpose, payload, NOW.plusSeconds(seconds));
                    Signer.Check check = SIGNER.check(purpose, token, NOW);
                    if (seconds >= 0) {
                        String expected = new String(
                                payload.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                java.nio.charset.StandardCharsets.UTF_8);
                        assertThat(check).isEqualTo(new Signer.Check.Valid(expected));
                    } else {
                        assertThat(check).isInstanceOf(Signer.Check.Expired.class);
                    }
                });
    }

    @Test
    void aTokenWithAnyCharacterChangedIsRefused() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        qt().withExamples(5_000)
                .forAll(
                        purposes(),
                        payloads(),
                        integers().between(0, 10_000),
                        integers().between(0, alphabet.length() - 1))
                .checkAssert((purpose, payload, position, replacement) -> {
                    String token = SIGNER.sign(purpose, payload, NOW.plusSeconds(3600));
                    int at = position % token.length();
                    char changed = alphabet.charAt(replacement);
                    if (token.charAt(at) == changed) {
                        return;
                    }
                    String tampered = token.substring(0, at) + changed + token.substring(at + 1);
                    assertThat(SIGNER.check(purpose, tampered, NOW))
                            .as(tampered)
                            .isNotInstanceOf(Signer.Check.Valid.class);
                });
    }

    @Test
    void aTokenIsGoodForItsOwnPurposeOnly() {
        qt().withExamples(1_000).forAll(purposes(), purposes(), payloads()).checkAssert((signed, asked, payload) -> {
            String token = SIGNER.sign(signed, payload, NOW.plusSeconds(60));
            assertThat(SIGNER.check(asked, token, NOW) instanceof Signer.Check.Valid)
                    .isEqualTo(signed.equals(asked));
        });
    }

    @Test
    void checkingAnythingNeverThrows() {
        qt().withExamples(5_000)
                .forAll(purposes(), strings().allPossible().ofLengthBetween(0, 300))
                .checkAssert((purpose, text) ->
                        assertThat(SIGNER.check(purpose, text, NOW)).isNotNull());
        assertThat(SIGNER.check("verified", "verified.x.99999999999999999999.y", NOW))
                .isInstanceOf(Signer.Check.Invalid.class);
    }
}
