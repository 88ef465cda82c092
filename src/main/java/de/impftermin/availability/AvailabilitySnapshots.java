package de.impftermin.availability;

import de.impftermin.centres.Centre;
import de.impftermin.centres.CentreClosed;
import de.impftermin.centres.CentreRegistered;
import de.impftermin.centres.CentreReopened;
import de.impftermin.centres.Centres;
import de.impftermin.centres.OpeningDayScheduled;
import de.impftermin.inventory.FreeSeries;
import de.impftermin.inventory.InventoryChanged;
import de.impftermin.inventory.Release;
import de.impftermin.inventory.ReleaseScheduled;
import de.impftermin.inventory.Releases;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/** The availability module's API: the current snapshot, and subscriptions to new versions. */
@Service
public class AvailabilitySnapshots {

    private static final Logger log = LoggerFactory.getLogger(AvailabilitySnapshots.class);
    /**
     * How old a snapshot may get before a rebuild even without a local change, since other instances' bookings are
     * seen only by rebuilding. Half a second plus the refresh cadence keeps what is served under the feed's promise of
     * at most one second; with a full second the benchmark saw snapshots 1.7–2.7 s old at p99.
     */
    private static final Duration MAX_AGE = Duration.ofMillis(500);

    private final Centres centres;
    private final Releases releases;
    private final Clock clock;
    private final JsonMapper json;
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    /** Counts structural changes (centres, opening days, releases) committed on this instance. */
    private final AtomicLong structuralChanges = new AtomicLong();

    private final List<Consumer<Snapshot>> subscribers = new CopyOnWriteArrayList<>();
    private volatile Snapshot current;
    private volatile Instant builtAt = Instant.EPOCH;
    /** The value of {@link #structuralChanges} read before the current snapshot's reads began. */
    private volatile long builtAfterChanges = -1;

    AvailabilitySnapshots(Centres centres, Releases releases, Clock clock, JsonMapper json) {
        this.centres = centres;
        this.releases = releases;
        this.clock = clock;
        this.json = json;
        this.current = new Snapshot(
                0,
                List.of(),
                new Feed(BerlinTime.show(clock.instant()), List.of()),
                new byte[0],
                "",
                List.of(),
                List.of());
    }

    /**
     * The current snapshot. After a change by staff on this instance (a centre, an opening day, a release) the next
     * read rebuilds first, so that staff see their change at once; bookings only mark the snapshot for the next
     * scheduled rebuild, which keeps reads cheap under the rush.
     */
    public Snapshot current() {
        if (builtAfterChanges < structuralChanges.get()) {
            refreshIfBehind();
        }
        return current;
    }

    /**
     * Rebuilds unless a rebuild that began after the last structural change has finished meanwhile. A flag cleared when
     * a rebuild begins is not enough: a reader that saw it cleared while that rebuild was still running was served the
     * snapshot from before the change.
     */
    private synchronized void refreshIfBehind() {
        if (builtAfterChanges < structuralChanges.get()) {
            refresh();
        }
    }

    public void subscribe(Consumer<Snapshot> subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(Consumer<Snapshot> subscriber) {
        subscribers.remove(subscriber);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void inventoryChanged(InventoryChanged event) {
        dirty.set(true);
    }

    @TransactionalEventListener(
            classes = {
                CentreRegistered.class,
                CentreClosed.class,
                CentreReopened.class,
                OpeningDayScheduled.class,
                ReleaseScheduled.class
            },
            fallbackExecution = true)
    void structureChanged() {
        structuralChanges.incrementAndGet();
    }

    /** Rebuilds after a local change (within ~250 ms) and at least every {@link #MAX_AGE} for other instances'. */
    @Scheduled(fixedDelayString = "${impftermin.availability.refresh:250ms}")
    void refreshIfDue() {
        if (dirty.get() || Duration.between(builtAt, clock.instant()).compareTo(MAX_AGE) >= 0) {
            refresh();
        }
    }

    public synchronized void refresh() {
        dirty.set(false);
        long changes = structuralChanges.get();
        Instant now = clock.instant();
        try {
            Snapshot next = build(now);
            builtAt = now;
            builtAfterChanges = changes;
            boolean changed = !next.etag().equals(current.etag());
            current = changed
                    ? next
                    : new Snapshot(
                            current.version(),
                            next.centres(),
                            next.feed(),
                            next.feedJson(),
                            current.etag(),
                            next.online(),
                            next.releases());
            if (changed) {
                notifySubscribers(current);
            }
        } catch (RuntimeException e) {
            dirty.set(true);
            log.warn("Could not rebuild the availability snapshot; serving the previous one", e);
        }
    }

    /**
     * Hands the snapshot to every subscriber; one that fails (a stream whose browser went away in a way the container
     * reports late) is dropped and does not keep the snapshot from those after it.
     */
    private void notifySubscribers(Snapshot snapshot) {
        for (Consumer<Snapshot> subscriber : subscribers) {
            try {
                subscriber.accept(snapshot);
            } catch (RuntimeException e) {
                subscribers.remove(subscriber);
                log.debug("Dropped an availability subscriber that failed", e);
            }
        }
    }

    private Snapshot build(Instant now) {
        List<FreeSeries> free = releases.freeSeries(now);
        List<Release> allReleases = releases.all();
        Map<String, List<Release>> releasesByCentre =
                allReleases.stream().collect(Collectors.groupingBy(Release::centreId));
        List<CentreSummary> summaries = new ArrayList<>();
        List<Feed.CentreDays> feedCentres = new ArrayList<>();
        Map<Long, Release> releasesById =
                releasesByCentre.values().stream().flatMap(List::stream).collect(Collectors.toMap(Release::id, r -> r));
        List<Snapshot.OnlineSeries> bookableOnline = new ArrayList<>();
        for (Centre centre : centres.all()) {
            List<Release> ofCentre = releasesByCentre.getOrDefault(centre.id(), List.of());
            List<FreeSeries> online = free.stream()
                    .filter(f -> f.centreId().equals(centre.id()))
                    .filter(f -> centre.phoneOnly() || f.channel() == Channel.ONLINE)
                    .toList();
            int byPhone = free.stream()
                    .filter(f -> f.centreId().equals(centre.id()) && f.channel() == Channel.PHONE)
                    .mapToInt(FreeSeries::free)
                    .sum();
            summaries.add(CentreStatuses.summarise(centre, ofCentre, online, byPhone, now));
            List<Feed.Day> days = online.stream()
                    .collect(Collectors.groupingBy(
                            f -> new Feed.Day(f.day(), f.vaccine(), 0), Collectors.summingInt(FreeSeries::free)))
                    .entrySet()
                    .stream()
                    .map(e -> new Feed.Day(e.getKey().date(), e.getKey().vaccine(), e.getValue()))
                    .sorted(Comparator.comparing(Feed.Day::date)
                            .thenComparing(d -> d.vaccine().id()))
                    .toList();
            feedCentres.add(new Feed.CentreDays(centre.id(), days));
            if (!centre.phoneOnly()) {
                for (FreeSeries f : online) {
                    Release release = releasesById.get(f.releaseId());
                    if (release != null) {
                        bookableOnline.add(new Snapshot.OnlineSeries(
                                f.centreId(), f.day(), f.vaccine(), release.eligibility(), f.free()));
                    }
                }
            }
        }
        String etag = etag(json.writeValueAsBytes(List.of(summaries, feedCentres)));
        Feed feed = new Feed(BerlinTime.show(now), feedCentres);
        return new Snapshot(
                current.version() + 1,
                List.copyOf(summaries),
                feed,
                json.writeValueAsBytes(feed),
                etag,
                List.copyOf(bookableOnline),
                List.copyOf(allReleases));
    }

    private static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
