package de.impftermin.inventory;

import de.impftermin.inventory.domain.InvitationCode;
import de.impftermin.platform.AuditLog;
import de.impftermin.platform.GuessThrottle;
import de.impftermin.shared.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation codes of an INVITATION release, issued by the state office in bulk. The codes are answered once, here,
 * and stored only as hashes; a hold presents one ({@link HoldRequest#invitationCode()}) and {@link Holds} claims it.
 */
@Service
public class Invitations {

    public static final int MAX_PER_REQUEST = 10_000;
    static final String GUESS_SCOPE = "invitation";

    /** The outcome of issuing codes. */
    public sealed interface Issue {
        /** The codes, as printed ({@code ABCD-EFGH-JKMNP}); nobody can read them again. */
        record Issued(long releaseId, List<String> codes) implements Issue {}

        record NoSuchRelease(long releaseId) implements Issue {}

        /** Codes exist only for releases with channel INVITATION. */
        record NotAnInvitationRelease(long releaseId, Channel channel) implements Issue {}
    }

    /** How many codes a release has and how many of them booked (also after its deadline spill). */
    public record Report(long releaseId, long issued, long used) {}

    /** A valid code: the release it opens and how many people may book with it. */
    public record Invitation(String code, Release release, int householdSize) {}

    /** What a typed code is, for the one who typed it. */
    public sealed interface Lookup {
        record Valid(Invitation invitation) implements Lookup {}

        /** No such code (mistyped, or guessed); counted against the limit. */
        record Unknown() implements Lookup {}

        /** Booked already, or held right now by someone else. */
        record Used() implements Lookup {}

        /** Too many wrong codes lately: nothing was looked at; try again after {@code retryAfter}. */
        record TooManyWrongCodes(Duration retryAfter) implements Lookup {}
    }

    private final ReleaseRepository releases;
    private final InvitationRepository invitations;
    private final GuessThrottle guesses;
    private final AuditLog audit;
    private final Clock clock;

    Invitations(
            ReleaseRepository releases,
            InvitationRepository invitations,
            GuessThrottle guesses,
            AuditLog audit,
            Clock clock) {
        this.releases = releases;
        this.invitations = invitations;
        this.guesses = guesses;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Looks a typed code up for {@code subject} (the verified address of a citizen, {@code STAFF:<agent>} for the
     * hotline): the portal and the console show what it opens before anything is held, and {@link Holds} checks every
     * code it is given here first. A code that is not one counts against the subject in the platform's guess limit
     * ({@link GuessThrottle}, scope {@value #GUESS_SCOPE}, keyed by the subject: a few wrong codes are free, then each
     * further try waits a delay that doubles); while a wait lasts, codes are refused unread, the right one too.
     */
    @Transactional
    public Lookup lookUp(String subject, String typed) {
        Instant now = clock.instant();
        Optional<Duration> locked = guesses.wait(GUESS_SCOPE, subject, subject, now);
        if (locked.isPresent()) {
            return new Lookup.TooManyWrongCodes(locked.get());
        }
        var code = InvitationCode.parse(typed);
        var stored = code.flatMap(c -> invitations.find(c.hash()));
        var release = stored.flatMap(s -> releases.find(s.releaseId()));
        if (code.isEmpty() || stored.isEmpty() || release.isEmpty()) {
            guesses.failed(GUESS_SCOPE, subject, subject, now);
            return new Lookup.Unknown();
        }
        if (stored.get().usedAgainst(subject, now)) {
            return new Lookup.Used();
        }
        return new Lookup.Valid(
                new Invitation(code.get().shown(), release.get(), stored.get().householdSize()));
    }

    /** Codes issued and used for a release; empty for an unknown release. */
    @Transactional(readOnly = true)
    public Optional<Report> report(long releaseId) {
        return releases.find(releaseId).map(release -> {
            long[] counts = invitations.counts(releaseId);
            return new Report(releaseId, counts[0], counts[1]);
        });
    }

    /**
     * Issues {@code count} codes (1 to {@value #MAX_PER_REQUEST}) for one person each, or for a household of up to
     * {@code householdSize} (1 to 4) people booking together. One insert for all of them; audited once as
     * {@code INVITATIONS_ISSUED}.
     */
    @Transactional
    public Issue issue(long releaseId, int count, int householdSize) {
        var release = releases.find(releaseId);
        if (release.isEmpty()) {
            return new Issue.NoSuchRelease(releaseId);
        }
        if (release.get().channel() != Channel.INVITATION) {
            return new Issue.NotAnInvitationRelease(releaseId, release.get().channel());
        }
        List<String> codes = new ArrayList<>(count);
        while (codes.size() < count) {
            List<InvitationCode> batch = new ArrayList<>();
            for (int i = codes.size(); i < count; i++) {
                batch.add(InvitationCode.generate());
            }
            int inserted = invitations.insert(
                    releaseId,
                    householdSize,
                    batch.stream().map(InvitationCode::hash).toList());
            if (inserted == batch.size()) {
                batch.forEach(code -> codes.add(code.shown()));
            }
        }
        audit.record(
                "INVITATIONS_ISSUED", "release " + releaseId, "count=" + count + " householdSize=" + householdSize);
        return new Issue.Issued(releaseId, codes);
    }
}
