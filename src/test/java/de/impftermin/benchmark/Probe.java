package de.impftermin.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Diagnosis: single requests one after another, then small concurrent batches, against a running jar. */
final class Probe {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path dataDir = Path.of(args[1]);
        int citizens = Integer.parseInt(args[2]);
        double rate = Double.parseDouble(args[3]);
        String port = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .get(3)
                .strip();
        JdbcClient jdbc = JdbcClient.create(
                new DriverManagerDataSource("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", ""));
        String run = UUID.randomUUID().toString().substring(0, 6);
        BookOut bookOut = new BookOut(
                new Http(base, System.getenv().getOrDefault("IMPFTERMIN_ADMIN_PASSWORD", "benchpw")),
                jdbc,
                new BookOut.Config(run, 2, citizens / 2, 0, rate, 100_000, 0, false, 120, false, false));
        var opensAt = bookOut.setUp(false);
        BookOut.Result result = bookOut.run(opensAt);
        System.out.println(Recorder.Summary.header());
        for (String op : java.util.List.of("join", "poll", "hold", "confirm")) {
            System.out.println(result.recorder()
                    .summary(op, s -> s < 300 || s == 409, result.seconds())
                    .row());
        }
        System.out.println(result.recorder().outcomes() + " sold out after " + result.soldOutAfterSeconds() + " s");
        System.out.println(
                InvariantCheck.check(jdbc, result.centreIds(), result.codes()).text());
    }
}
