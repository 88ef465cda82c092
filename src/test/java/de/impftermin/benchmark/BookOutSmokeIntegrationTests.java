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
 * A CI-sized book-out: 2,000 series over 4 centres booked out through the real HTTP path (waiting room, hold,
 * confirm) by open-loop citizens who retry after a 503 as a browser would, then the invariants checked in SQL. It
 * asserts correctness and completion, not speed (the machine may be busy); the full runs are {@code bench/run.sh}.
 */
@IntegrationTest
class BookOutSmokeIntegrationTests {

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
                new BookOut.Config(run, 4, 500, 0, 400, 300, 0, false, 240, false, false));
        Instant opensAt = bookOut.setUp(false);
        BookOut.Result result = bookOut.run(opensAt);
        for (String op : java.util.List.of("join", "poll", "hold", "confirm")) {
            System.out.println(result.recorder()
                    .summary(op, s -> s < 300 || s == 409, result.seconds())
                    .row());
        }

        assertThat(result.series()).isEqualTo(2000);
        assertThat(result.acknowledged())
                .as(result.recorder().outcomes().toString())
                .isEqualTo(2000);
        assertThat(result.recorder().outcomes().keySet())
                .as("only 201, 409 (gone) and 503 (come back later) on the booking path; 598 is the generator"
                        + " stopping its last citizens once everything is sold")
                .allMatch(k -> k.startsWith("join 201")
                        || k.startsWith("poll 200")
                        || k.startsWith("hold 201")
                        || k.startsWith("hold 409")
                        || k.startsWith("confirm 201")
                        || k.endsWith(" 503")
                        || k.matches("\\w+ 503 OVERLOADED, Retry-After \\d+")
                        || k.endsWith(" 598")
                        || k.startsWith("citizen "));
        InvariantCheck.Outcome invariants = InvariantCheck.check(jdbc, result.centreIds(), result.codes());
        assertThat(invariants.violations()).isEmpty();
        assertThat(invariants.soldPairs()).isEqualTo(2000);
    }
}
