package de.impftermin.waitlist;

import de.impftermin.platform.Signer;
import de.impftermin.waitlist.domain.Offer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What proves the holder of a registration: its own token (random, stored only as a keyed hash), or the signed link
 * of an offer, which names the registration and the offer's hold and expires with the offer. A link stops working
 * for a newer offer: an old message cannot accept what was offered later.
 */
@Component
class Proofs {

    private static final String OFFER = "waitlist-offer";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Signer signer;

    Proofs(Signer signer) {
        this.signer = signer;
    }

    String newToken() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    String hash(String token) {
        return HexFormat.of().formatHex(signer.mac(token));
    }

    String offerToken(UUID registrationId, Offer offer) {
        return signer.sign(OFFER, registrationId + "|" + offer.holdId(), offer.expiresAt());
    }

    boolean proves(Entry entry, @Nullable String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        if (token.startsWith(OFFER + ".")) {
            // checked without its deadline, so that a late click is told "expired" instead of "not found"
            return signer.verify(OFFER, token, Instant.MIN)
                    .filter(payload -> payload.startsWith(entry.id() + "|"))
                    .filter(payload -> entry.offer() == null
                            || payload.equals(entry.id() + "|" + entry.offer().holdId()))
                    .isPresent();
        }
        return java.security.MessageDigest.isEqual(
                hash(token).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                entry.tokenHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
