package de.impftermin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxSettingsTests {

    private final OutboxSettings settings = new OutboxSettings(
            50, 8, Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofMinutes(5), 12, Duration.ofMinutes(1));

    @Test
    void doublesTheBackoffWithEveryFailure() {
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.backoff(5)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void capsTheBackoffAtItsMaximum() {
        assertThat(settings.backoff(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.backoff(1_000)).isEqualTo(Duration.ofMinutes(5));
    }
}
