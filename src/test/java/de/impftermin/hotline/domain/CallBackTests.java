package de.impftermin.hotline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.impftermin.hotline.CallBackOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallBackTests {

    private static final Instant NOW = Instant.parse("2022-01-10T08:00:00Z");
    private static final CallBack.RetryPolicy POLICY = new CallBack.RetryPolicy(3, Duration.ofMinutes(15));
    private static final Duration LEASE = Duration.ofMinutes(20);

    private static CallBack queued() {
        return CallBack.queue(UUID.randomUUID(), "+4917012345678", "46282", 2, NOW);
    }

    @Test
    void aNewRequestIsQueuedAndDueAtOnce() {
        CallBack callBack = queued();
        assertThat(callBack.status()).isEqualTo(CallBack.Status.QUEUED);
        assertThat(callBack.claimableAt(NOW)).isTrue();
    }

    @Test
    void aTakenRequestIsNotClaimableUntilItsLeaseEnds() {
        CallBack calling = queued().takenBy("anna", NOW, LEASE);
        assertThat(calling.status()).isEqualTo(CallBack.Status.CALLING);
        assertThat(calling.claimableAt(NOW.plus(LEASE).minusSeconds(1))).isFalse();
        assertThat(calling.claimableAt(NOW.plus(LEASE))).isTrue();
        assertThat(calling.takenBy("ben", NOW.plus(LEASE), LEASE).agent()).isEqualTo("ben");
    }

    @Test
    void refusesToTakeARequestThatIsBeingCalled() {
        CallBack calling = queued().takenBy("anna", NOW, LEASE);
        assertThatThrownBy(() -> calling.takenBy("ben", NOW.plusSeconds(60), LEASE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void notReachedQueuesItAgainAfterTheRetryDelay() {
        CallBack calling = queued().takenBy("anna", NOW, LEASE);
        Resolution resolution = calling.resolve(CallBackOutcome.NOT_REACHED, null, "anna", NOW, POLICY);
        CallBack next = ((Resolution.Resolved) resolution).next();
        assertThat(next.status()).isEqualTo(CallBack.Status.QUEUED);
        assertThat(next.attempts()).isEqualTo(1);
        assertThat(next.claimableAt(NOW.plus(Duration.ofMinutes(14)))).isFalse();
        assertThat(next.claimableAt(NOW.plus(Duration.ofMinutes(15)))).isTrue();
    }

    @Test
    void theThirdNotReachedClosesTheRequestAndGivesUp() {
        CallBack callBack = queued();
        Resolution resolution = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant at = NOW.plus(Duration.ofHours(attempt));
            resolution =
                    callBack.takenBy("anna", at, LEASE).resolve(CallBackOutcome.NOT_REACHED, null, "anna", at, POLICY);
            callBack = ((Resolution.Resolved) resolution).next();
        }
        assertThat(callBack.status()).isEqualTo(CallBack.Status.DONE);
        assertThat(callBack.attempts()).isEqualTo(3);
        assertThat(((Resolution.Resolved) resolution).givenUp()).isTrue();
    }

    @Test
    void bookedNeedsTheBookingCode() {
        CallBack calling = queued().takenBy("anna", NOW, LEASE);
        assertThat(calling.resolve(CallBackOutcome.BOOKED, " ", "anna", NOW, POLICY))
                .isEqualTo(new Resolution.Refused(Resolution.Reason.BOOKING_CODE_REQUIRED));
        Resolution booked = calling.resolve(CallBackOutcome.BOOKED, "ABCD-1234", "anna", NOW, POLICY);
        assertThat(((Resolution.Resolved) booked).next().bookingCode()).isEqualTo("ABCD-1234");
        assertThat(((Resolution.Resolved) booked).next().status()).isEqualTo(CallBack.Status.DONE);
    }

    @Test
    void refusesAnOutcomeOfARequestNobodyIsCalling() {
        assertThat(queued().resolve(CallBackOutcome.NO_LONGER_NEEDED, null, "anna", NOW, POLICY))
                .isEqualTo(new Resolution.Refused(Resolution.Reason.NOT_BEING_CALLED));
    }

    @Test
    void refusesAnOutcomeFromAnAgentWhoseLeaseWasTakenOver() {
        CallBack retaken = queued().takenBy("anna", NOW, LEASE).takenBy("ben", NOW.plus(LEASE), LEASE);
        assertThat(retaken.resolve(CallBackOutcome.NO_LONGER_NEEDED, null, "anna", NOW.plus(LEASE), POLICY))
                .isEqualTo(new Resolution.Refused(Resolution.Reason.TAKEN_BY_ANOTHER_AGENT));
    }
}
