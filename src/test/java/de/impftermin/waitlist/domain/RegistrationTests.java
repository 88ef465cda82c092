package de.impftermin.waitlist.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegistrationTests {

    private static final Instant NOW = Instant.parse("2022-01-10T08:00:00Z");
    private static final Offer OFFER = new Offer(UUID.randomUUID(), "dorsten", NOW, NOW.plusSeconds(7200));

    @Test
    void anOfferIsBookableWhileLiveAndExpiredAtItsDeadline() {
        Registration registration = Registration.waiting(UUID.randomUUID());
        registration.offer(OFFER);

        assertThat(registration.accept(NOW.plusSeconds(7199))).isInstanceOf(Registration.Acceptance.Bookable.class);
        assertThat(registration.accept(NOW.plusSeconds(7200))).isInstanceOf(Registration.Acceptance.Expired.class);
    }

    @Test
    void aWaitingRegistrationHasNoOfferToAccept() {
        assertThat(Registration.waiting(UUID.randomUUID()).accept(NOW))
                .isEqualTo(new Registration.Acceptance.NoOffer(Registration.Status.WAITING));
    }

    @Test
    void refusesASecondOfferWhileOneIsLive() {
        Registration registration = Registration.waiting(UUID.randomUUID());
        registration.offer(OFFER);

        assertThatThrownBy(() -> registration.offer(OFFER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void goesBackInLineAfterAMissedOfferAndEndsAfterTheLastAllowed() {
        Registration registration = Registration.waiting(UUID.randomUUID());
        registration.offer(OFFER);
        assertThat(registration.missed(2)).isEqualTo(Registration.AfterMiss.BACK_IN_LINE);
        assertThat(registration.status()).isEqualTo(Registration.Status.WAITING);

        registration.offer(OFFER);
        assertThat(registration.missed(2)).isEqualTo(Registration.AfterMiss.ENDED);
        assertThat(registration.status()).isEqualTo(Registration.Status.ENDED);
    }

    @Test
    void aBookedRegistrationCannotBeWithdrawn() {
        Registration registration = Registration.waiting(UUID.randomUUID());
        registration.offer(OFFER);
        registration.booked();

        assertThat(registration.withdraw()).isFalse();
        assertThat(registration.status()).isEqualTo(Registration.Status.BOOKED);
    }
}
