package de.impftermin.verification;

import de.impftermin.notifications.MessageChannel;
import de.impftermin.notifications.Notifications;
import de.impftermin.platform.Refusal;
import de.impftermin.platform.Signer;
import de.impftermin.shared.Language;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The verification module's API. */
@Service
public class Verifications {

    static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    static final Duration TOKEN_VALIDITY = Duration.ofHours(2);
    static final int MAX_WRONG_CODES = 5;
    static final int MAX_PER_CLIENT = SendingLimits.MAX_PER_CLIENT;
    private static final String TOKEN_PURPOSE = "verified";

    private final VerificationRepository repository;
    private final Notifications notifications;
    private final Signer signer;
    private final Clock clock;
    private final SendingLimits limits;
    private final SecureRandom random = new SecureRandom();

    Verifications(
            VerificationRepository repository,
            Notifications notifications,
            Signer signer,
            Clock clock,
            SendingLimits limits) {
        this.repository = repository;
        this.notifications = notifications;
        this.signer = signer;
        this.clock = clock;
        this.limits = limits;
    }

    /** Sends a fresh code to the address, written in German. */
    @Transactional
    public VerificationStarted start(MessageChannel channel, String rawAddress, String client) {
        return start(channel, rawAddress, client, Language.DE);
    }

    /**
     * Sends a fresh code to the address, written in {@code language}.
     *
     * @param client the requesting client's address, for the per-client sending limit
     * @throws Refusal {@code TOO_MANY_REQUESTS} (429, with Retry-After) past the sending limits
     */
    @Transactional
    public VerificationStarted start(MessageChannel channel, String rawAddress, String client, Language language) {
        ContactAddress address = ContactAddress.of(channel, rawAddress);
        Instant now = clock.instant();
        var retryAfter = limits.exceeded("", address.value(), client, now, new SendingLimits.Counts() {
            @Override
            public long toAddress(String to, Instant since) {
                return repository.sentTo(to, since);
            }

            @Override
            public long byClient(String by, Instant since) {
                return repository.requestedBy(by, since);
            }
        });
        if (retryAfter.isPresent()) {
            throw new Refusal(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "TOO_MANY_REQUESTS",
                    "Too many codes were requested. Please wait a few minutes and use the code you already got.",
                    retryAfter.get());
        }
        UUID id = UUID.randomUUID();
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant expiresAt = now.plus(CODE_VALIDITY);
        repository.insert(id, address, hash(id, code), client, expiresAt);
        notifications.verificationCode(address.channel(), address.value(), code, CODE_VALIDITY, language);
        return new VerificationStarted(id, expiresAt);
    }

    /**
     * Checks a code. Wrong codes count; after {@value #MAX_WRONG_CODES} the verification is locked.
     *
     * @return a signed token proving control of the address for {@link #TOKEN_VALIDITY}
     */
    @Transactional(noRollbackFor = Refusal.class)
    public String confirm(UUID id, String code) {
        var verification = repository.lock(id).orElseThrow(() -> Refusal.notFound("Verification"));
        if (verification.failedTries() >= MAX_WRONG_CODES) {
            throw new Refusal(HttpStatus.LOCKED, "LOCKED", "Too many wrong codes. Please request a new code.");
        }
        Instant now = clock.instant();
        if (!verification.expiresAt().isAfter(now)) {
            throw new Refusal(HttpStatus.GONE, "EXPIRED", "This code has expired. Please request a new one.");
        }
        if (!MessageDigest.isEqual(hash(id, code), verification.codeHash())) {
            repository.countWrongCode(id);
            throw Refusal.invalid("WRONG_CODE", "This code is not correct. Please check it and try again.");
        }
        if (verification.confirmedAt() == null) {
            repository.markConfirmed(id, now);
        }
        return signer.sign(TOKEN_PURPOSE, verification.address().subject(), now.plus(TOKEN_VALIDITY));
    }

    /**
     * Deletes up to {@code batch} verifications whose code was sent before {@code cutoff} (address, client address,
     * code hash), claimed with {@code SKIP LOCKED}; returns how many. A token issued earlier stays valid: it is
     * signed, not stored. One batch, one transaction.
     */
    @Transactional
    public int purgeSentBefore(Instant cutoff, int batch) {
        return repository.deleteSentBefore(cutoff, batch);
    }

    /** The verified address a token proves, if the token is genuine and unexpired. */
    public Optional<ContactAddress> verifiedBy(String token) {
        return signer.verify(TOKEN_PURPOSE, token).map(ContactAddress::fromSubject);
    }

    private byte[] hash(UUID id, String code) {
        return signer.mac("verification:" + id + ":" + code);
    }
}
