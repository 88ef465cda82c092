package de.impftermin.admission;

import de.impftermin.admission.domain.QueueState;
import de.impftermin.admission.domain.Standing;
import de.impftermin.admission.domain.Ticket;
import de.impftermin.platform.Refusal;
import de.impftermin.platform.Signer;
import de.impftermin.shared.BerlinTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The admission module's API: a fair waiting room in front of the booking path.
 *
 * <p>A ticket is a signed token carrying its join number; where it stands is computed from the token and the queue's
 * counters, which every instance keeps in memory and refreshes every {@code step} from the shared row. So polling
 * costs no database access at all, and joining costs one database write per block of numbers; while people join, the
 * next block is reserved in the background, so that a join does not wait for a database write. Tickets taken before
 * an opening instant form a pre-queue that is shuffled at that instant; later ones queue in join order. An admitted
 * ticket gets a short-lived signed admission pass, bound to the verified address when one is given.
 */
@Service
public class WaitingRoom {

    static final String DEFAULT_QUEUE = "main";
    private static final Logger log = LoggerFactory.getLogger(WaitingRoom.class);
    private static final long SLOW_TICK_MILLIS = 1000;
    private static final String TICKET = "ticket";
    private static final String PASS = "pass";
    private static final int MAX_BLOCK = 1024;
    private static final Duration SPARE_MAX_AGE = Duration.ofSeconds(2);

    private final String queue;
    private final WaitingRoomRepository repository;
    private final Signer signer;
    private final Clock clock;
    private final WaitingRoomProperties properties;
    private final SeriesLeft seriesLeft;
    private final SecureRandom random = new SecureRandom();
    private final ReentrantLock blockLock = new ReentrantLock();
    private volatile QueueState state;
    private Block block = Block.EMPTY;
    private @Nullable Block spare;
    private int blockSize = 1;
    private final AtomicLong joinsSinceTick = new AtomicLong();
    /** Tickets whose holder waits on an open request for their turn; one entry per open request, none per ticket. */
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();

    private volatile long tickedAt = System.nanoTime();

    @Autowired
    WaitingRoom(
            WaitingRoomRepository repository,
            Signer signer,
            Clock clock,
            WaitingRoomProperties properties,
            SeriesLeft seriesLeft) {
        this(DEFAULT_QUEUE, repository, signer, clock, properties, seriesLeft);
    }

    WaitingRoom(
            String queue,
            WaitingRoomRepository repository,
            Signer signer,
            Clock clock,
            WaitingRoomProperties properties,
            SeriesLeft seriesLeft) {
        this.queue = queue;
        this.repository = repository;
        this.signer = signer;
        this.clock = clock;
        this.properties = properties;
        this.seriesLeft = seriesLeft;
        this.state = repository.ensure(
                queue, properties.starting(properties.rate(), properties.adaptive()), properties.adaptive(), now());
    }

    public TicketStatus join() {
        return join(null);
    }

    /** A new ticket; without a rush it is admitted at once. {@code subject} binds the pass to a verified address. */
    public TicketStatus join(@Nullable String subject) {
        Instant now = now();
        if (state.shuffleDue(now)) {
            shuffle(now);
        }
        Ticket ticket = nextTicket(now);
        String token = signer.sign(TICKET, ticket.payload(), now.plus(properties.ticketValidity()));
        return status(token, ticket, subject, now);
    }

    public TicketStatus status(String token) {
        return status(token, null);
    }

    /**
     * Where the ticket stands, computed from the token and the counters in memory: no database access.
     *
     * @throws Refusal {@code UNKNOWN_TICKET} (404) for a forged, foreign or expired ticket
     */
    public TicketStatus status(String token, @Nullable String subject) {
        Ticket ticket = signer.verify(TICKET, token)
                .flatMap(Ticket::parse)
                .filter(t -> t.queue().equals(queue))
                .orElseThrow(() -> new Refusal(
                        HttpStatus.NOT_FOUND, "UNKNOWN_TICKET", "This waiting-room ticket is unknown or expired."));
        return status(token, ticket, subject, now());
    }

    /**
     * Where the ticket stands once it is no longer waiting, or after {@code wait} at the latest: a long poll, so that a
     * waiting page or API client asks once per {@code wait} instead of polling, and learns of its turn within one
     * {@code step}. Answers at once when the ticket is not waiting. Nothing is kept for the ticket beyond the open
     * request; each step looks at the open ones.
     *
     * @throws Refusal {@code UNKNOWN_TICKET} (404) for a forged, foreign or expired ticket
     */
    public CompletableFuture<TicketStatus> statusOnceMoved(String token, @Nullable String subject, Duration wait) {
        TicketStatus now = status(token, subject);
        if (now.state() != TicketStatus.State.WAITING || wait.isZero() || wait.isNegative()) {
            return CompletableFuture.completedFuture(now);
        }
        Ticket ticket = Ticket.parse(signer.verify(TICKET, token).orElseThrow()).orElseThrow();
        Watch watch = new Watch(token, ticket, subject, System.nanoTime() + wait.toNanos(), new CompletableFuture<>());
        watches.add(watch);
        // a stalled step (the database away) must not keep the request open: answer where it stands after the wait
        watch.answer()
                .completeOnTimeout(null, wait.toMillis() + properties.step().toMillis() * 2, TimeUnit.MILLISECONDS);
        return watch.answer().handle((status, failure) -> {
            watches.remove(watch);
            return status != null ? status : status(token, subject);
        });
    }

    /** Answers every open long poll with where its ticket stands now: on shutdown, so that none holds the stop. */
    @EventListener(ContextClosedEvent.class)
    void answerWatches() {
        Instant now = now();
        for (Watch watch : List.copyOf(watches)) {
            watch.answer().complete(status(watch.token(), watch.ticket(), watch.subject(), now));
        }
    }

    /** After each step: answers the long polls whose ticket moved out of waiting or whose wait is over. */
    private void answerMovedWatches(Instant now) {
        if (watches.isEmpty()) {
            return;
        }
        QueueState s = state;
        boolean soldOut = soldOut();
        long nanos = System.nanoTime();
        for (Watch watch : watches) {
            if (s.standing(watch.ticket(), now, soldOut).kind() != Standing.Kind.WAITING
                    || nanos - watch.deadline() >= 0) {
                watch.answer().complete(status(watch.token(), watch.ticket(), watch.subject(), now));
            }
        }
    }

    private record Watch(
            String token,
            Ticket ticket,
            @Nullable String subject,
            long deadline,
            CompletableFuture<@Nullable TicketStatus> answer) {}

    /** Whether the pass is genuine, unexpired and of this queue. */
    public boolean admits(String pass) {
        return signer.verify(PASS, pass)
                .map(p -> p.split("\\|", -1))
                .filter(p -> p.length == 3 && p[0].equals(queue))
                .isPresent();
    }

    /** Whether the pass admits this verified subject: genuine, unexpired, and bound to the subject if bound at all. */
    public boolean admits(String pass, String subject) {
        return signer.verify(PASS, pass)
                .map(p -> p.split("\\|", -1))
                .filter(p -> p.length == 3 && p[0].equals(queue))
                .filter(p -> p[2].isEmpty() || p[2].equals(subject))
                .isPresent();
    }

    public QueueSettings settings() {
        QueueState s = state;
        return new QueueSettings(
                queue,
                s.ratePerSecond(),
                s.admittingRate(),
                s.adaptive(),
                s.issued(),
                (long) Math.floor(s.served()),
                s.waiting(),
                s.opensAt() == null ? null : BerlinTime.show(s.opensAt()),
                s.prequeueSize(),
                soldOut());
    }

    /**
     * Sets the admission rate (time already passed still counts at the old rate) and, if given, opens a pre-queue
     * that is shuffled at {@code prequeueOpensAt}. For an adaptive queue the rate set is the ceiling: the rate in
     * effect starts over at the configured initial rate and follows the booking path from there; otherwise it is the
     * rate set.
     *
     * @param adaptive whether the queue adapts from now on; {@code null} keeps what it does
     */
    public QueueSettings configure(
            double ratePerSecond, @Nullable Instant prequeueOpensAt, @Nullable Boolean adaptive) {
        if (!(ratePerSecond > 0) || ratePerSecond > 1_000_000) {
            throw Refusal.invalid("INVALID_RATE", "The admission rate must be between 0 and 1,000,000 per second.");
        }
        Instant now = now();
        if (prequeueOpensAt != null && !prequeueOpensAt.isAfter(now)) {
            throw Refusal.invalid("OPENING_IN_PAST", "The pre-queue must open in the future.");
        }
        QueueState advanced = repository.advance(queue, now, paused(state), 0).orElseGet(() -> repository.load(queue));
        boolean adapting = adaptive == null ? advanced.adaptive() : adaptive;
        repository.configure(queue, properties.starting(ratePerSecond, adapting), adapting, now);
        if (prequeueOpensAt != null) {
            repository.openPrequeue(queue, prequeueOpensAt.truncatedTo(ChronoUnit.MICROS));
        }
        state = repository.load(queue);
        return settings();
    }

    /** Steps the shared serving counter (one instance per step wins) and refreshes this instance's view of it. */
    @Scheduled(fixedDelayString = "${impftermin.waiting-room.step:100ms}")
    void tick() {
        long started = System.nanoTime();
        Instant now = now();
        if (state.shuffleDue(now)) {
            shuffle(now);
        }
        state = repository
                .advance(queue, now, paused(state), properties.step().toMillis())
                .orElseGet(() -> repository.load(queue));
        reserveSpare(now);
        tickedAt = System.nanoTime();
        answerMovedWatches(now);
        long millis = (tickedAt - started) / 1_000_000;
        if (millis > SLOW_TICK_MILLIS) {
            log.warn("The waiting-room step took {} ms; polls saw a standing serving counter meanwhile", millis);
        }
    }

    /**
     * Seconds since this instance last stepped the counter and refreshed its view of it (every {@code step} normally).
     * Everything a poll answers comes from that view, so when this grows, nobody is admitted here: a benchmark run once
     * admitted nobody for about 60 s with nothing logged, which this makes visible as a metric.
     */
    double secondsSinceTick() {
        return (System.nanoTime() - tickedAt) / 1e9;
    }

    /**
     * While people join, keeps a spare block of about one second's joins ready, reserved here on the scheduler's
     * thread and not by a join that would have to wait for the write (and for a connection the booking path uses).
     */
    private void reserveSpare(Instant now) {
        double perSecond = joinsSinceTick.getAndSet(0)
                * 1000.0
                / Math.max(1, properties.step().toMillis());
        if (perSecond == 0) {
            return;
        }
        blockLock.lock();
        try {
            if (spare != null || block.remaining() > perSecond / 2) {
                return;
            }
        } finally {
            blockLock.unlock();
        }
        int size = (int) Math.min(MAX_BLOCK, Math.max(1, Math.ceil(perSecond)));
        QueueState reserved = repository.reserve(queue, size);
        Long prequeue = reserved.prequeueOpen(now) ? reserved.prequeueId() : null;
        Block next = new Block(reserved.issued() - size, reserved.issued(), prequeue, now);
        blockLock.lock();
        try {
            spare = next;
            state = reserved;
        } finally {
            blockLock.unlock();
        }
    }

    /** The clock to the microsecond, as PostgreSQL keeps it, so that instants compare alike here and there. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    QueueState state() {
        return state;
    }

    /**
     * Those waiting whom the counter is working through right now: nobody while a pre-queue waits for its opening or
     * while the counter is paused (sold out), because the rate is not being tried then and may not grow on it.
     */
    long waitingForTheCounter() {
        QueueState s = state;
        return s.prequeueOpen(now()) || paused(s) ? 0 : s.waiting();
    }

    private TicketStatus status(String token, Ticket ticket, @Nullable String subject, Instant now) {
        QueueState s = state;
        Standing standing = s.standing(ticket, now, soldOut());
        String pass = standing.kind() == Standing.Kind.ADMITTED
                ? signer.sign(
                        PASS,
                        queue + "|" + ticket.number() + "|" + (subject == null ? "" : subject),
                        now.plus(properties.passValidity()))
                : null;
        return new TicketStatus(
                token,
                TicketStatus.State.valueOf(standing.kind().name()),
                standing.position(),
                standing.etaSeconds(),
                pass);
    }

    /** Sold out matters only while someone waits; an idle queue keeps admitting at once. */
    private boolean soldOut() {
        return !seriesLeft.any();
    }

    private boolean paused(QueueState s) {
        return s.waiting() > 0 && !s.prequeueOpen(now()) && soldOut();
    }

    private void shuffle(Instant now) {
        repository.shuffle(queue, now, random.nextLong());
        state = repository.load(queue);
    }

    private Ticket nextTicket(Instant now) {
        blockLock.lock();
        try {
            QueueState s = state;
            Long prequeue = s.prequeueOpen(now) ? s.prequeueId() : null;
            if (block.isUsedUp() || !Objects.equals(block.prequeue(), prequeue)) {
                Block next = spare;
                spare = null;
                if (next != null
                        && Objects.equals(next.prequeue(), prequeue)
                        && Duration.between(Objects.requireNonNull(next.reservedAt()), now)
                                        .compareTo(SPARE_MAX_AGE)
                                < 0) {
                    block = next;
                } else {
                    reserve(now);
                }
            }
            joinsSinceTick.incrementAndGet();
            return new Ticket(queue, block.take(), block.prequeue());
        } finally {
            blockLock.unlock();
        }
    }

    /**
     * Reserves the next block of numbers. Blocks grow while numbers go fast (one write per up to {@value #MAX_BLOCK}
     * joins) and shrink back to one when joins are rare, so unused numbers (which the counter passes as empty places)
     * stay few. A block reserved before the opening instant is never used after it.
     */
    private void reserve(Instant now) {
        boolean fast = block.reservedAt() != null
                && Duration.between(block.reservedAt(), now).toMillis() < 2000;
        blockSize = fast ? Math.min(MAX_BLOCK, blockSize * 2) : Math.max(1, blockSize / 4);
        QueueState reserved = repository.reserve(queue, blockSize);
        if (reserved.shuffleDue(now)) {
            shuffle(now);
            reserved = repository.reserve(queue, blockSize);
        }
        state = reserved;
        long first = reserved.issued() - blockSize;
        Long prequeue = reserved.prequeueOpen(now) ? reserved.prequeueId() : null;
        block = new Block(first, reserved.issued(), prequeue, now);
    }

    /** Numbers {@code [next, end)} reserved by this instance for tickets of one phase. */
    private static final class Block {

        static final Block EMPTY = new Block(0, 0, null, null);

        private long next;
        private final long end;
        private final @Nullable Long prequeue;
        private final @Nullable Instant reservedAt;

        Block(long next, long end, @Nullable Long prequeue, @Nullable Instant reservedAt) {
            this.next = next;
            this.end = end;
            this.prequeue = prequeue;
            this.reservedAt = reservedAt;
        }

        boolean isUsedUp() {
            return next >= end;
        }

        long remaining() {
            return end - next;
        }

        long take() {
            return next++;
        }

        @Nullable
        Long prequeue() {
            return prequeue;
        }

        @Nullable
        Instant reservedAt() {
            return reservedAt;
        }
    }
}
