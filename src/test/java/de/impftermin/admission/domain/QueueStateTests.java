package de.impftermin.admission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueueStateTests {

    private static final Instant NOW = Instant.parse("2021-03-01T07:00:00Z");

    @Test
    void admitsTicketsBelowTheServingCounter() {
        QueueState state = new QueueState("q", 10, 10, false, false, 100, 40.5, NOW, null, 0, null, null);
        assertThat(state.standing(new Ticket("q", 40, null), NOW, false).kind()).isEqualTo(Standing.Kind.ADMITTED);
        Standing waiting = state.standing(new Ticket("q", 41, null), NOW, false);
        assertThat(waiting.kind()).isEqualTo(Standing.Kind.WAITING);
        assertThat(waiting.position()).isEqualTo(2);
        assertThat(waiting.etaSeconds()).isEqualTo(1);
    }

    @Test
    void computesTheEtaAtTheRateInEffectNotAtTheCeiling() {
        QueueState state = new QueueState("q", 1000, 50, true, false, 1000, 100, NOW, null, 0, null, null);
        Standing waiting = state.standing(new Ticket("q", 599, null), NOW, false);
        assertThat(waiting.position()).isEqualTo(500);
        assertThat(waiting.etaSeconds()).isEqualTo(10);
    }

    @Test
    void computesTheEtaAlongTheDoublingRateWhileItStillRisesFromItsStart() {
        QueueState rising = new QueueState("q", 1000, 50, true, true, 1000, 100, NOW, null, 0, null, null);
        Standing waiting = rising.standing(new Ticket("q", 599, null), NOW, false);
        assertThat(waiting.position()).isEqualTo(500);
        assertThat(waiting.etaSeconds())
                .as("50/s doubling every second admits 500 within log2(1 + 500 ln2 / 50) = 3.0 s")
                .isEqualTo(3);
        QueueState settled = new QueueState("q", 1000, 50, true, false, 1000, 100, NOW, null, 0, null, null);
        assertThat(settled.standing(new Ticket("q", 599, null), NOW, false).etaSeconds())
                .as("after the first congestion, at the rate in effect")
                .isEqualTo(10);
    }

    @Test
    void estimatesTicketsBeyondTheDoublingAtTheCeiling() {
        QueueState rising = new QueueState("q", 3000, 50, true, true, 200_000, 0, NOW, null, 0, null, null);
        Standing last = rising.standing(new Ticket("q", 99_999, null), NOW, false);
        assertThat(last.position()).isEqualTo(100_000);
        assertThat(last.etaSeconds())
                .as("5.9 s of doubling up to 3,000/s admit 4,256, the other 95,744 take 31.9 s at the ceiling")
                .isEqualTo(38);
        QueueState atTheCeiling = new QueueState("q", 3000, 3000, true, true, 200_000, 0, NOW, null, 0, null, null);
        assertThat(atTheCeiling
                        .standing(new Ticket("q", 99_999, null), NOW, false)
                        .etaSeconds())
                .isEqualTo(34);
    }

    @Test
    void tellsWaitingTicketsWhenSoldOutButKeepsAdmittedOnes() {
        QueueState state = new QueueState("q", 10, 10, false, false, 100, 40, NOW, null, 0, null, null);
        assertThat(state.standing(new Ticket("q", 39, null), NOW, true).kind()).isEqualTo(Standing.Kind.ADMITTED);
        assertThat(state.standing(new Ticket("q", 60, null), NOW, true).kind()).isEqualTo(Standing.Kind.SOLD_OUT);
    }

    @Test
    void keepsThePrequeueUnorderedUntilTheOpeningInstant() {
        Instant opens = NOW.plusSeconds(60);
        QueueState before = new QueueState("q", 10, 10, false, false, 50, 10, NOW, opens, 10, null, null);
        Ticket ticket = new Ticket("q", 12, opens.getEpochSecond());
        Standing standing = before.standing(ticket, NOW, true);
        assertThat(standing.kind()).isEqualTo(Standing.Kind.WAITING);
        assertThat(standing.position()).isEqualTo(40);
        assertThat(standing.etaSeconds()).isEqualTo(60 + 2);
        assertThat(before.place(ticket)).isEqualTo(-1);

        QueueState after = new QueueState("q", 10, 10, false, false, 50, 10, opens, opens, 10, 40L, 99L);
        assertThat(after.place(ticket)).isEqualTo(10 + new Shuffle(99L, 40).place(2));
    }

    @Test
    void estimatesAnUnshuffledPrequeueAtTheStartingRateEvenWhileRising() {
        Instant opens = NOW.plusSeconds(20);
        QueueState rising = new QueueState("q", 3000, 50, true, true, 2000, 0, NOW, opens, 0, null, null);
        Standing standing = rising.standing(new Ticket("q", 1500, opens.getEpochSecond()), NOW, false);
        assertThat(standing.position()).isEqualTo(2000);
        assertThat(standing.etaSeconds())
                .as("20 s until the opening, then half of 2,000 at 50/s")
                .isEqualTo(20 + 20);
    }

    @Test
    void ticketsOfAnEarlierPrequeueKeepTheirNumber() {
        Instant opens = NOW.plusSeconds(60);
        QueueState state = new QueueState("q", 10, 10, false, false, 50, 10, NOW, opens, 10, 40L, 99L);
        assertThat(state.place(new Ticket("q", 7, NOW.minusSeconds(3600).getEpochSecond())))
                .isEqualTo(7);
    }
}
