package de.impftermin.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.impftermin.eligibility.Applicant;
import de.impftermin.platform.GroupCommit;
import de.impftermin.platform.GroupCommits;
import de.impftermin.shared.BerlinTime;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.TestCentre;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The group commit ({@link GroupCommit}) with real claims against the real database: claims queued while a batch runs
 * go together into the next one, are answered only after it committed, and one claim's failure fails only that claim.
 */
@IntegrationTest
class HoldGroupCommitIntegrationTests extends ApiTestSupport {

    @Autowired
    GroupCommits groupCommits;

    @Autowired
    PairRepository pairs;

    @Autowired
    MeterRegistry meters;

    @Test
    void claimsWaitingTogetherCommitTogetherAndAFailingOneFailsAlone() throws Exception {
        LocalDate day = TestCentre.day(4);
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        long[] releases = {count("select min(id) from release where centre_id = ?", centre.id())};
        String name = "holds-test-" + UUID.randomUUID();
        GroupCommit batcher = groupCommits.create(name);
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch queued = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<Series>> blocker = threads.submit(() -> batcher.run(() -> {
                queued.countDown();
                await(blocking);
                return pairs.hold(
                        request(centre, day, "blocker"), releases, at(day), 32, now(), UUID.randomUUID(), later());
            }));
            assertThat(queued.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<List<Series>>> claims = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String subject = "citizen-" + i;
                boolean failing = i == 4;
                claims.add(threads.submit(() -> batcher.run(() -> {
                    List<Series> held = pairs.hold(
                            request(centre, day, subject), releases, at(day), 32, now(), UUID.randomUUID(), later());
                    if (failing) {
                        throw new IllegalStateException("this claim fails after holding");
                    }
                    return held;
                })));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (batcher.queued() < 10 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(batcher.queued())
                    .as("all ten wait behind the blocked batch")
                    .isEqualTo(10);
            assertThat(count("select count(*) from hold where centre_id = ?", centre.id()))
                    .as("nothing is visible while the batch before runs")
                    .isZero();
            blocking.countDown();

            assertThat(blocker.get(10, TimeUnit.SECONDS)).hasSize(1);
            for (int i = 0; i < claims.size(); i++) {
                Future<List<Series>> claim = claims.get(i);
                if (i == 4) {
                    assertThatThrownBy(claim::get).hasRootCauseMessage("this claim fails after holding");
                } else {
                    List<Series> held = claim.get(10, TimeUnit.SECONDS);
                    assertThat(held).hasSize(1);
                    assertThat(count(
                                    "select count(*) from appointment_pair where centre_id = ? and id = ?"
                                            + " and hold_expires_at > now()",
                                    centre.id(),
                                    held.getFirst().pairId()))
                            .as("answered only after its transaction committed")
                            .isEqualTo(1);
                }
            }
        }
        assertThat(count("select count(*) from hold where centre_id = ?", centre.id()))
                .as("the blocker and nine claims; the failing one's hold rolled back, nobody held twice")
                .isEqualTo(10);
        assertThat(count(
                        "select count(distinct hold_id) from appointment_pair where centre_id = ? and hold_id is not null",
                        centre.id()))
                .isEqualTo(10);
        assertThat(batches(name))
                .as("the ten queued behind the blocker went in one batch")
                .isEqualTo(2);
        batcher.close();
        invariants.check(centre.id());
    }

    private double batches(String name) {
        return meters.get("impftermin.group-commit.size")
                .tag("name", name)
                .summary()
                .count();
    }

    private static HoldRequest request(TestCentre centre, LocalDate day, String subject) {
        return new HoldRequest(
                centre.id(),
                day,
                LocalTime.of(9, 0),
                Vaccine.fromJson("comirnaty"),
                List.of(new Applicant(LocalDate.of(1950, 1, 1), "46282")),
                "TEST:" + subject + "-" + UUID.randomUUID(),
                List.of(Channel.ONLINE));
    }

    private static Instant at(LocalDate day) {
        return BerlinTime.at(day, LocalTime.of(9, 0));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant later() {
        return now().plusSeconds(600);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
