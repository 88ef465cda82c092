package de.impftermin.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal data is kept ({@code impftermin.retention.*}); {@code docs/privacy.md} gives the reasons. The
 * interval between two runs of the job is {@code impftermin.retention.interval} (default 1 hour).
 *
 * @param enabled whether the scheduled job runs (a test drives it itself)
 * @param batch records per transaction
 * @param bookings after a booking's last appointment (or its cancellation, if earlier), its names, birth dates,
 *     postal codes and contact are deleted
 * @param verifications after a code was sent, its verification record (address, client address) is deleted
 * @param outbox after a message was written, it is deleted once sent or given up
 * @param callBacks after a call-back request was closed, it is deleted
 * @param waitlist after a waitlist registration ended, it is deleted with its offers
 * @param audit after an audit entry was written, it is deleted; the database keeps every entry at least a year
 *     whatever this says
 */
@ConfigurationProperties("impftermin.retention")
public record RetentionSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") int batch,
        @DefaultValue("30d") Duration bookings,
        @DefaultValue("1d") Duration verifications,
        @DefaultValue("7d") Duration outbox,
        @DefaultValue("30d") Duration callBacks,
        @DefaultValue("30d") Duration waitlist,
        @DefaultValue("730d") Duration audit) {

    public RetentionSettings {
        if (batch < 1) {
            throw new IllegalArgumentException("impftermin.retention.batch must be positive");
        }
        for (Duration period : new Duration[] {bookings, verifications, outbox, callBacks, waitlist, audit}) {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("every impftermin.retention period must be positive");
            }
        }
    }
}
