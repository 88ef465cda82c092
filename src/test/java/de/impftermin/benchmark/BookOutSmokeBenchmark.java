package de.impftermin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.IntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A CI-sized book-out: 600 series over 3 centres booked out through the real HTTP path (waiting room, hold,
 * confirm) by open-loop citizens, then the invariants checked in SQL. The full runs are {@code bench/run.sh}.
 */
@IntegrationTest
class BookOutSmokeBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void booksOutAReleaseWithoutOverbookingOrLostAcknowledgements() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        BookOut bookOut = new BookOut(
                new Http("http://localhost:" + port, "test-admin"),
                jdbc,
                new BookOut.Config(run, 3, 200, 0, 200, 100, 0, false, 120));
        Instant opensAt = bookOut.setUp(false);
        BookOut.Result result = bookOut.run(opensAt);
        for (String op : java.util.List.of("join", "poll", "hold", "confirm")) {
            System.out.println(result.recorder()
                    .summary(op, s -> s < 300 || s == 409, result.seconds())
                    .row());
        }

        assertThat(result.series()).isEqualTo(600);
        assertThat(result.acknowledged())
                .as(result.recorder().outcomes().toString())
                .isEqualTo(600);
        assertThat(result.recorder().outcomes().keySet())
                .as("only 201 and 409 (gone) on the booking path")
                .allMatch(k -> k.startsWith("join 201")
                        || k.startsWith("poll 200")
                        || k.startsWith("hold 201")
                        || k.startsWith("hold 409")
                        || k.startsWith("confirm 201")
                        || k.endsWith(" 503"));
        InvariantCheck.Outcome invariants = InvariantCheck.check(jdbc, result.centreIds(), result.codes());
        assertThat(invariants.violations()).isEmpty();
        assertThat(invariants.soldPairs()).isEqualTo(600);
    }
}
