package de.impftermin.hotline;

import static de.impftermin.hotline.CallBackSupport.emptyQueue;
import static de.impftermin.hotline.CallBackSupport.takeAll;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.shared.Language;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Race;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Agents racing for the queue: every request is taken exactly once, whether two or eight agents take at the same
 * time. Also measures the claim rate with eight agents (printed; the take is one SKIP LOCKED claim, the aggregate's
 * versioned update, the attempt row, the audit row and the SMS in the outbox, all in one commit).
 */
@IntegrationTest
class CallBackClaimConcurrencyIntegrationTests extends ApiTestSupport {

    private static final int QUEUE = 200;

    @Autowired
    CallBacks callBacks;

    @BeforeEach
    void emptied() {
        emptyQueue(jdbc);
    }

    /** {@code n} call-back requests of fresh verified phones, made through the module API from a client of its own. */
    private Set<UUID> queueOf(int n) {
        String client = "test-client-" + UUID.randomUUID();
        List<UUID> ids = Race.prepare(n, i -> {
            String token = citizens.verifyFast(Citizens.freshPhone());
            CallBackRequested answer = callBacks.request(token, "46282", 1 + i % 4, client + i, Language.DE);
            return ((CallBackRequested.Queued) answer).callBack().id();
        });
        return new HashSet<>(ids);
    }

    @Test
    void twoAgentsOnTwoThreadsTakeEveryRequestOfAQueueOf200ExactlyOnce() {
        Set<UUID> queued = queueOf(QUEUE);

        List<List<UUID>> takes = Race.run(2, agent -> takeAll(admin));

        assertEveryRequestTakenExactlyOnce(queued, takes);
        assertThat(takes)
                .allSatisfy(t -> assertThat(t).as("both agents took some").isNotEmpty());
    }

    @Test
    void eightAgentsTakeEveryRequestExactlyOnceAndTheClaimRateIsMeasured() {
        Set<UUID> queued = queueOf(QUEUE);

        long started = System.nanoTime();
        List<List<UUID>> takes = Race.run(8, agent -> takeAll(admin));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEveryRequestTakenExactlyOnce(queued, takes);
        System.out.printf(
                "call-back claim rate, 8 agents over HTTP: %d claims in %.2f s = %.0f claims/s%n",
                QUEUE, seconds, QUEUE / seconds);

        Set<UUID> again = queueOf(QUEUE);
        started = System.nanoTime();
        List<List<UUID>> direct = Race.run(8, agent -> {
            List<UUID> mine = new ArrayList<>();
            for (Optional<TakenCallBack> taken = callBacks.takeNext("agent-" + agent);
                    taken.isPresent();
                    taken = callBacks.takeNext("agent-" + agent)) {
                mine.add(taken.get().id());
            }
            return mine;
        });
        seconds = (System.nanoTime() - started) / 1e9;
        assertEveryRequestTakenExactlyOnce(again, direct);
        System.out.printf(
                "call-back claim rate, 8 agents through the module API: %d claims in %.2f s = %.0f claims/s%n",
                QUEUE, seconds, QUEUE / seconds);
    }

    private void assertEveryRequestTakenExactlyOnce(Set<UUID> queued, List<List<UUID>> takes) {
        List<UUID> all = takes.stream().flatMap(List::stream).toList();
        assertThat(all).as("no request taken twice").doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).as("every request taken").isEqualTo(queued);
        assertThat(count(
                        "select count(*) from call_back where id = any(?::uuid[]) and status = 'CALLING'",
                        "{"
                                + String.join(
                                        ",", queued.stream().map(UUID::toString).toList()) + "}"))
                .isEqualTo(queued.size());
        assertThat(count(
                        "select count(*) from call_back_attempt where call_back_id = any(?::uuid[])",
                        "{"
                                + String.join(
                                        ",", queued.stream().map(UUID::toString).toList()) + "}"))
                .isEqualTo(queued.size());
    }
}
