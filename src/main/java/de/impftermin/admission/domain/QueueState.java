package de.impftermin.admission.domain;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One queue as all instances share it: join numbers are handed out below {@code issued}; every ticket whose place is
 * below the serving counter {@code served} is admitted. The counter advances at {@code admittingRate}, the rate in
 * effect: the operator's {@code ratePerSecond} is its ceiling, and an {@code adaptive} queue moves it below that with
 * the booking path's pressure ({@link AdmissionRate}); position and ETA use it too, and while it is still
 * {@code rising} from its start, the ETA assumes it keeps doubling every second up to the ceiling. While a pre-queue
 * is open ({@code opensAt} in the future) its tickets wait unordered; at the opening instant a random {@code seed} is drawn
 * and the {@code prequeueSize} tickets from {@code prequeueStart} on are shuffled into their places. Later tickets
 * queue in join order behind them.
 */
public record QueueState(
        String name,
        double ratePerSecond,
        double admittingRate,
        boolean adaptive,
        boolean rising,
        long issued,
        double served,
        Instant advancedAt,
        @Nullable Instant opensAt,
        long prequeueStart,
        @Nullable Long prequeueSize,
        @Nullable Long seed) {

    private static final double LN2 = Math.log(2);

    public AdmissionRate admission() {
        return new AdmissionRate(admittingRate, ratePerSecond);
    }

    /** Whether tickets taken at {@code now} join the (not yet shuffled) pre-queue. */
    public boolean prequeueOpen(Instant now) {
        return opensAt != null && now.isBefore(opensAt);
    }

    /** Whether the opening instant has passed but nobody has drawn the shuffle yet. */
    public boolean shuffleDue(Instant now) {
        return opensAt != null && !now.isBefore(opensAt) && seed == null;
    }

    public @Nullable Long prequeueId() {
        return opensAt == null ? null : opensAt.getEpochSecond();
    }

    /** Tickets that have a number but are not admitted yet (approximate: unused numbers of reserved blocks count). */
    public long waiting() {
        return Math.max(0, issued - (long) Math.floor(served));
    }

    /** The ticket's place on the serving line; -1 while its pre-queue is not shuffled yet. */
    public long place(Ticket ticket) {
        Long prequeue = ticket.prequeue();
        if (prequeue == null || !prequeue.equals(prequeueId())) {
            return ticket.number();
        }
        if (seed == null || prequeueSize == null) {
            return -1;
        }
        long index = ticket.number() - prequeueStart;
        if (index < 0 || index >= prequeueSize) {
            return ticket.number();
        }
        return prequeueStart + new Shuffle(seed, prequeueSize).place(index);
    }

    /** Where the ticket stands; a waiting ticket learns at once when nothing is left for anyone waiting. */
    public Standing standing(Ticket ticket, Instant now, boolean soldOut) {
        long place = place(ticket);
        if (place >= 0 && place < served) {
            return new Standing(Standing.Kind.ADMITTED, 0, 0);
        }
        if (soldOut && !prequeueOpen(now)) {
            return new Standing(Standing.Kind.SOLD_OUT, 0, 0);
        }
        if (place < 0) {
            long size = Math.max(1, issued - prequeueStart);
            long untilOpening = opensAt == null
                    ? 0
                    : Math.max(0, Duration.between(now, opensAt).toSeconds());
            // at the starting rate, not the ceiling: an estimate at the ceiling made the whole pre-queue poll every
            // second in the last seconds before the opening (a million pages, a million polls a second)
            return new Standing(Standing.Kind.WAITING, size, untilOpening + seconds(size / 2.0, admittingRate));
        }
        double ahead = place - Math.floor(served);
        return new Standing(Standing.Kind.WAITING, (long) ahead + 1, seconds(ahead + 1));
    }

    /**
     * While an adaptive queue is still rising (no congestion since the rate was set) the rate in effect doubles every
     * second towards the ceiling, so the wait is estimated along that doubling: {@code n} tickets take
     * {@code log2(1 + n ln2 / r)} seconds from a rate {@code r}, and those beyond the ceiling go at the ceiling.
     * Estimated at the starting 50/s, the 2,000 people of a pre-queue were told 40 s, polled again only after 20 s,
     * and the rate could not rise for want of people arriving (it rises only when used). Estimated at the ceiling
     * (3,000/s), everyone was told one second and polled every second: 5,000 polls a second took the node's CPU from
     * the booking path, which then could not show the use the rate needs to rise, and the queue stayed at 50/s with
     * everyone polling for 50 s (book-out benchmark with an efficient load generator). Along the doubling, the last
     * of those 2,000 are told 5 s.
     */
    private long seconds(double tickets) {
        if (!rising || admittingRate >= ratePerSecond) {
            return seconds(tickets, admittingRate);
        }
        double doubling = (ratePerSecond - admittingRate) / LN2;
        double time = tickets <= doubling
                ? Math.log1p(tickets * LN2 / admittingRate) / LN2
                : Math.log(ratePerSecond / admittingRate) / LN2 + (tickets - doubling) / ratePerSecond;
        return (long) Math.ceil(time);
    }

    private static long seconds(double tickets, double rate) {
        return (long) Math.ceil(tickets / rate);
    }
}
