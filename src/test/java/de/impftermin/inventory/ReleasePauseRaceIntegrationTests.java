package de.impftermin.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.eligibility.Applicant;
import de.impftermin.platform.Refusal;
import de.impftermin.platform.SqlArrays;
import de.impftermin.shared.Channel;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Race;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Pausing and withdrawing a release while citizens hold its series from real threads (the module API, so the holds'
 * group commit is in play): no seat is ever in two pairs, no held series is withdrawn, and no hold that began after
 * the pause returned gets a series of it.
 */
@IntegrationTest
class ReleasePauseRaceIntegrationTests extends ApiTestSupport {

    private static final int CITIZENS = 12;
    /** Attempts per citizen once the change has returned. */
    private static final int AFTER = 3;

    private static final int MOST = 200;

    @Autowired
    Holds holds;

    @Autowired
    Releases releases;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** One citizen's hold attempt: when it began, and the pairs it got (empty: refused). */
    record Attempt(long startedNanos, List<Long> pairs) {}

    @Test
    void holdsRacingWithAPauseNeverGetItsSeriesOnceThePauseHasReturned() {
        LocalDate day = TestCentre.day(70);
        TestCentre centre = TestCentre.bookable(admin, day, 120);
        long release = releaseOf(centre);
        AtomicLong pausedAt = new AtomicLong(Long.MAX_VALUE);
        CountDownLatch underWay = new CountDownLatch(CITIZENS);

        List<List<Attempt>> attempts = Race.run(CITIZENS + 1, i -> {
            if (i == CITIZENS) {
                signInAsAdmin();
                await(underWay);
                assertThat(releases.pause(release)).isInstanceOf(ReleaseChange.Done.class);
                pausedAt.set(System.nanoTime());
                return List.of();
            }
            return holdRepeatedly(centre.id(), day, i, underWay, () -> pausedAt.get() != Long.MAX_VALUE);
        });

        List<Attempt> all = attempts.stream().flatMap(List::stream).toList();
        assertThat(all).filteredOn(a -> !a.pairs().isEmpty()).isNotEmpty();
        assertThat(all)
                .as("holds that began after the pause returned")
                .filteredOn(a -> a.startedNanos() > pausedAt.get())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.pairs()).isEmpty());
        assertHeldPairsIntact(all);
        invariants.check(centre.id());
    }

    @Test
    void holdsRacingWithAWithdrawalKeepEverySeriesTheyGotAndNoSeatIsInTwoPairs() {
        for (int round = 0; round < 3; round++) {
            LocalDate day = TestCentre.day(71 + round);
            TestCentre centre = TestCentre.bookable(admin, day, 120);
            long release = releaseOf(centre);
            AtomicBoolean withdrawn = new AtomicBoolean();
            AtomicBoolean returned = new AtomicBoolean();
            CountDownLatch underWay = new CountDownLatch(CITIZENS);

            List<List<Attempt>> attempts = Race.run(CITIZENS + 1, i -> {
                if (i == CITIZENS) {
                    signInAsAdmin();
                    await(underWay);
                    withdrawn.set(releases.withdraw(release) instanceof ReleaseChange.Done);
                    returned.set(true);
                    return List.of();
                }
                return holdRepeatedly(centre.id(), day, i, underWay, returned::get);
            });

            assertThat(withdrawn).isTrue();
            List<Attempt> all = attempts.stream().flatMap(List::stream).toList();
            assertHeldPairsIntact(all);
            int held = (int) all.stream().mapToLong(a -> a.pairs().size()).sum();
            // what is left of the release is exactly what was held; the rest went back
            assertThat(invariants.pairsOfRelease(release)).hasSize(held);
            assertThat(count("select series_withdrawn from release where id = ?", release))
                    .isEqualTo(120 - held);
            assertThat(count("select count(*) from seat where centre_id = ? and pair_id is not null", centre.id()))
                    .isEqualTo(2 * held);
            invariants.check(centre.id());
        }
    }

    /**
     * Holds again and again, each time for someone else, counting down {@code underWay} after the first attempt and
     * going on until {@code changed} has been true for {@link #AFTER} attempts (at most {@link #MOST} in all).
     */
    private List<Attempt> holdRepeatedly(
            String centreId, LocalDate day, int citizen, CountDownLatch underWay, BooleanSupplier changed) {
        List<Attempt> attempts = new ArrayList<>();
        int after = 0;
        for (int n = 0; n < MOST && after < AFTER; n++) {
            if (changed.getAsBoolean()) {
                after++;
            }
            long started = System.nanoTime();
            HoldRequest request = new HoldRequest(
                    centreId,
                    day,
                    LocalTime.of(9, (citizen * 5 + n) % 60),
                    null,
                    List.of(new Applicant(LocalDate.of(1950, 1, 1).plusDays(n), TestCentre.POSTAL_CODE)),
                    "race:" + centreId + ":" + citizen + ":" + n,
                    List.of(Channel.ONLINE));
            try {
                Hold hold = holds.hold(request);
                attempts.add(new Attempt(
                        started, hold.series().stream().map(Series::pairId).toList()));
            } catch (Refusal refused) {
                assertThat(refused.code()).isEqualTo("NO_APPOINTMENTS");
                attempts.add(new Attempt(started, List.of()));
            }
            if (n == 0) {
                underWay.countDown();
            }
        }
        return attempts;
    }

    /** Every pair a hold got still exists, still carries a live hold, and no pair went to two holds. */
    private void assertHeldPairsIntact(List<Attempt> attempts) {
        List<Long> held = attempts.stream().flatMap(a -> a.pairs().stream()).toList();
        assertThat(held).doesNotHaveDuplicates();
        if (held.isEmpty()) {
            return;
        }
        assertThat(jdbc.sql("select count(*) from appointment_pair where id = any(?) and hold_expires_at > now()")
                        .param(SqlArrays.of("bigint", held.toArray()))
                        .query(Integer.class)
                        .single())
                .as("held series still there and held")
                .isEqualTo(held.size());
    }

    private long releaseOf(TestCentre centre) {
        return jdbc.sql("select id from release where centre_id = ?")
                .param(centre.id())
                .query(Long.class)
                .single();
    }

    private static void signInAsAdmin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "admin", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    }

    /** Waits until every citizen's first hold is done, so that the change lands among their holds. */
    private static void await(CountDownLatch underWay) {
        try {
            assertThat(underWay.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
