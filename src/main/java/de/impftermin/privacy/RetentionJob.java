package de.impftermin.privacy;

import de.impftermin.booking.BookingRecords;
import de.impftermin.hotline.CallBackRecords;
import de.impftermin.notifications.MessageRecords;
import de.impftermin.platform.AuditLog;
import de.impftermin.verification.Verifications;
import de.impftermin.waitlist.RegistrationRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes or anonymises personal data whose period is over ({@link RetentionSettings}), every
 * {@code impftermin.retention.interval} on every instance. Each kind of record is worked through in batches, each
 * batch one transaction in the module that owns the rows, which claims them with {@code FOR UPDATE SKIP LOCKED}:
 * instances running at the same moment share the due rows and never process one twice, and a row that a use case
 * holds right now (a booking being cancelled) is simply left to the next run. Cut-offs count from this job's clock.
 * A run that removed anything writes one audit entry {@code PERSONAL_DATA_PURGED} with the counts and nothing else.
 * Its collaborators are the purges of six modules: composing them is what this class is for.
 */
@Component
class RetentionJob {

    static final String ACTOR = "retention";

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /** One module's purge of one batch: rows due before the cut-off, at most {@code batch}; returns how many. */
    private interface Purge {
        int batch(Instant cutoff, Instant now, int batch);
    }

    private final RetentionSettings settings;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Map<RetentionRun.Kind, Purge> purges = new EnumMap<>(RetentionRun.Kind.class);

    RetentionJob(
            RetentionSettings settings,
            Clock clock,
            BookingRecords bookings,
            Verifications verifications,
            MessageRecords messages,
            CallBackRecords callBacks,
            RegistrationRecords registrations,
            AuditLog audit,
            PlatformTransactionManager transactions) {
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        purges.put(RetentionRun.Kind.BOOKINGS, bookings::anonymiseEnded);
        purges.put(RetentionRun.Kind.VERIFICATIONS, (cutoff, now, n) -> verifications.purgeSentBefore(cutoff, n));
        purges.put(RetentionRun.Kind.OUTBOX, (cutoff, now, n) -> messages.purgeWrittenBefore(cutoff, n));
        purges.put(RetentionRun.Kind.CALL_BACKS, (cutoff, now, n) -> callBacks.purgeClosedBefore(cutoff, n));
        purges.put(RetentionRun.Kind.WAITLIST, (cutoff, now, n) -> registrations.purgeClosedBefore(cutoff, n));
        purges.put(RetentionRun.Kind.AUDIT, (cutoff, now, n) -> audit.purgeBefore(cutoff, n));
    }

    @Scheduled(
            fixedDelayString = "${impftermin.retention.interval:1h}",
            initialDelayString = "${impftermin.retention.initial-delay:5m}")
    void scheduled() {
        if (settings.enabled()) {
            runOnce();
        }
    }

    /** One run at the clock's current instant: every kind until nothing of it is due. */
    RetentionRun runOnce() {
        Instant now = clock.instant();
        Map<RetentionRun.Kind, Integer> counts = new EnumMap<>(RetentionRun.Kind.class);
        purges.forEach((kind, purge) -> counts.put(kind, purgeAll(kind, purge, now.minus(period(kind)), now)));
        RetentionRun run = new RetentionRun(counts);
        if (run.total() > 0) {
            transaction.executeWithoutResult(
                    status -> audit.record(ACTOR, "PERSONAL_DATA_PURGED", "", run.detail(), null));
        }
        return run;
    }

    private int purgeAll(RetentionRun.Kind kind, Purge purge, Instant cutoff, Instant now) {
        int total = 0;
        try {
            int purged;
            do {
                purged = purge.batch(cutoff, now, settings.batch());
                total += purged;
            } while (purged == settings.batch());
        } catch (RuntimeException e) {
            log.warn("Retention of {} stopped after {} record(s); the next run goes on", kind, total, e);
        }
        return total;
    }

    private Duration period(RetentionRun.Kind kind) {
        return switch (kind) {
            case BOOKINGS -> settings.bookings();
            case VERIFICATIONS -> settings.verifications();
            case OUTBOX -> settings.outbox();
            case CALL_BACKS -> settings.callBacks();
            case WAITLIST -> settings.waitlist();
            case AUDIT -> settings.audit();
        };
    }
}
