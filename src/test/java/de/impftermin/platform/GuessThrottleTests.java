package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GuessThrottleTests {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void theFirstTriesCostNoWait() {
        for (int failures = 0; failures < 5; failures++) {
            assertThat(GuessThrottle.delay(failures, 5, SECOND, HOUR)).isZero();
        }
    }

    @Test
    void eachFailureBeyondTheFreeOnesDoublesTheWait() {
        assertThat(GuessThrottle.delay(5, 5, SECOND, HOUR)).isEqualTo(SECOND);
        assertThat(GuessThrottle.delay(6, 5, SECOND, HOUR)).isEqualTo(Duration.ofSeconds(2));
        assertThat(GuessThrottle.delay(7, 5, SECOND, HOUR)).isEqualTo(Duration.ofSeconds(4));
        assertThat(GuessThrottle.delay(15, 5, SECOND, HOUR)).isEqualTo(Duration.ofSeconds(1024));
    }

    @Test
    void theWaitStopsGrowingAtTheMaximum() {
        assertThat(GuessThrottle.delay(18, 5, SECOND, HOUR)).isEqualTo(HOUR);
        assertThat(GuessThrottle.delay(1_000_000, 5, SECOND, HOUR)).isEqualTo(HOUR);
    }
}
