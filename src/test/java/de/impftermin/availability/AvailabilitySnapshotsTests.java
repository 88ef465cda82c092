package de.impftermin.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.inventory.Releases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AvailabilitySnapshotsTests {

    private static final Centre OLD = new Centre("alt", "Altes Zentrum", "Kreis", "48155", "Weg 1", false, null);
    private static final Centre NEW = new Centre("neu", "Neues Zentrum", "Kreis", "48155", "Weg 2", false, null);

    private final Centres centres = mock(Centres.class);
    private final Releases releases = mock(Releases.class);
    private final AvailabilitySnapshots snapshots = new AvailabilitySnapshots(
            centres, releases, Clock.systemUTC(), JsonMapper.builder().build());

    AvailabilitySnapshotsTests() {
        when(releases.freeSeries(any())).thenReturn(List.of());
        when(releases.all()).thenReturn(List.of());
    }

    @Test
    void aReadAfterACommittedCentreWaitsForTheRebuildThatIncludesItInsteadOfServingTheOldSnapshot() throws Exception {
        when(centres.all()).thenReturn(List.of(OLD));
        assertThat(ids(snapshots.current())).containsExactly("alt");

        // The office commits a new centre; the scheduled rebuild starts after that and is slow to read the centres.
        snapshots.structureChanged();
        CountDownLatch rebuildReading = new CountDownLatch(1);
        CountDownLatch letRebuildFinish = new CountDownLatch(1);
        when(centres.all()).thenAnswer(invocation -> {
            rebuildReading.countDown();
            letRebuildFinish.await(10, TimeUnit.SECONDS);
            return List.of(OLD, NEW);
        });
        CompletableFuture<Void> scheduled = CompletableFuture.runAsync(snapshots::refresh);
        assertThat(rebuildReading.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Snapshot> read = new CompletableFuture<>();
        Thread reader = new Thread(() -> read.complete(snapshots.current()));
        reader.start();
        // Let the rebuild finish only once the reader has either answered or is waiting for the rebuild.
        while (!read.isDone() && reader.getState() != Thread.State.BLOCKED) {
            Thread.onSpinWait();
        }
        letRebuildFinish.countDown();
        scheduled.get(10, TimeUnit.SECONDS);

        assertThat(ids(read.get(10, TimeUnit.SECONDS))).containsExactly("alt", "neu");
    }

    @Test
    void aFailingSubscriberIsDroppedAndDoesNotKeepTheSnapshotFromTheOthers() {
        when(centres.all()).thenReturn(List.of(OLD));
        snapshots.current();
        List<Snapshot> received = new ArrayList<>();
        AtomicReference<Integer> failures = new AtomicReference<>(0);
        snapshots.subscribe(s -> {
            failures.set(failures.get() + 1);
            throw new IllegalStateException("the browser went away");
        });
        snapshots.subscribe(received::add);

        when(centres.all()).thenReturn(List.of(OLD, NEW));
        snapshots.refresh();
        when(centres.all()).thenReturn(List.of(NEW));
        snapshots.refresh();

        assertThat(received).hasSize(2);
        assertThat(ids(received.get(1))).containsExactly("neu");
        assertThat(failures.get()).isEqualTo(1);
    }

    private static List<String> ids(Snapshot snapshot) {
        return snapshot.centres().stream().map(CentreSummary::id).toList();
    }
}
