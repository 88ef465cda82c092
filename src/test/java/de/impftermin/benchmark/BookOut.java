package de.impftermin.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The book-out scenario, open-loop: verified citizens arrive at a fixed rate (the first {@code prequeued} of them
 * before the opening instant), take a waiting-room ticket, poll until admitted, then hold and confirm one series.
 * Like a person looking at the list, an admitted citizen picks a centre and day that the availability feed shows with
 * free series (weighted by how many), not one at random that may have sold out long ago; a hold answered 409 (gone)
 * picks again. One generator thread reads the feed for all citizens every {@value #FEED_EVERY_MILLIS} ms (the feed's
 * own load is the feed scenario). It ends when every citizen is done or all series are sold. Verification is not part of the measured path: tokens are signed with the instances' shared key, read
 * from the database as a second app instance would.
 */
final class BookOut {

    private static final long FEED_EVERY_MILLIS = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A centre and first-dose day with free series, as the feed showed it. */
    record Choice(String centreId, LocalDate day, long free) {}

    record Config(
            String runId,
            int centres,
            int seriesPerCentre,
            int prequeued,
            double arrivalsPerSecond,
            double admissionRate,
            int opensInSeconds,
            boolean hotSpot,
            int maxSeconds,
            boolean adaptive,
            boolean emailToo) {}

    record Result(
            Recorder recorder,
            double seconds,
            double soldOutAfterSeconds,
            long acknowledged,
            long series,
            List<String> centreIds,
            Set<String> codes,
            long falseGone,
            List<Double> admittingRates) {}

    private final Http http;
    private final JdbcClient jdbc;
    private final Config config;
    private final Recorder recorder = new Recorder();
    private final Set<String> codes = ConcurrentHashMap.newKeySet();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicBoolean over = new AtomicBoolean();
    private final AtomicLong lastConfirmNanos = new AtomicLong();
    private final AtomicLong lastHoldNanos = new AtomicLong();
    private final java.util.Queue<Long> goneAt = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<String> centreIds = new ArrayList<>();
    private final List<LocalDate> days = new ArrayList<>();
    private byte[] key = new byte[0];
    private volatile List<Choice> choices = List.of();

    BookOut(Http http, JdbcClient jdbc, Config config) {
        this.http = http;
        this.jdbc = jdbc;
        this.config = config;
    }

    /** Creates the centres, opening days, deliveries and releases; returns the opening instant. */
    Instant setUp(boolean prequeue) {
        key = jdbc.sql("select value from platform_secret where name = 'token-hmac'")
                .query(byte[].class)
                .single();
        LocalDate first = LocalDate.now().plusDays(14);
        int firstDays = config.hotSpot() ? 1 : 2;
        int lanes = Math.min(100, (int) Math.ceil(config.seriesPerCentre() / (firstDays * 144.0)) + 1);
        Instant opensAt = Instant.now().plusSeconds(config.opensInSeconds()).truncatedTo(ChronoUnit.SECONDS);
        for (int d = 0; d < firstDays; d++) {
            days.add(first.plusDays(d));
        }
        for (int c = 0; c < config.centres(); c++) {
            String id = "b" + config.runId() + "-" + c;
            centreIds.add(id);
            http.adminPost("/api/v1/admin/centres", """
                    {"id":"%s","name":"Impfzentrum Bench %d","county":"Bench","postalCode":"46282",
                     "address":"Benchstraße %d","phoneOnly":false}""".formatted(id, c, c));
            for (int d = 0; d < firstDays; d++) {
                for (LocalDate day : List.of(first.plusDays(d), first.plusDays(d + 21))) {
                    http.adminPost("/api/v1/admin/centres/" + id + "/opening-days", """
                            {"date":"%s","opens":"08:00","closes":"20:00","lanes":%d,"slotMinutes":5}""".formatted(day, lanes));
                }
            }
            http.adminPost("/api/v1/admin/centres/" + id + "/deliveries", """
                    {"vaccine":"comirnaty","doses":%d,"arrives":"%s"}""".formatted(
                            2 * config.seriesPerCentre() + 10, first.minusDays(1)));
            http.adminPost("/api/v1/admin/releases", """
                    {"centreId":"%s","vaccine":"comirnaty","firstDoseFrom":"%s","firstDoseTo":"%s","series":%d,
                     "opensAt":"%s","channel":"ONLINE"}""".formatted(
                            id, first, first.plusDays(firstDays - 1), config.seriesPerCentre(), opensAt));
        }
        if (prequeue) {
            Http.Answer set = http.adminPut(
                    "/api/v1/admin/waiting-room", """
                    {"ratePerSecond":%s,"prequeueOpensAt":"%s","adaptive":%s}""".formatted(config.admissionRate(), opensAt, config.adaptive()));
            if (set.status() != 200) {
                throw new IllegalStateException("waiting room: " + set.status() + " " + set.body());
            }
        }
        return opensAt;
    }

    long seriesCreated() {
        return jdbc.sql("select count(*) from appointment_pair where centre_id = any(?)")
                .param(de.impftermin.platform.SqlArrays.of("text", centreIds.toArray()))
                .query(Long.class)
                .single();
    }

    Result run(Instant opensAt) throws InterruptedException {
        long series = seriesCreated();
        long deadline = System.nanoTime() + (config.maxSeconds() + config.opensInSeconds()) * 1_000_000_000L;
        long opened;
        Thread feedReader = Thread.ofVirtual().start(this::readFeed);
        List<Double> admittingRates = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread rateReader = Thread.ofVirtual().start(() -> readAdmittingRate(admittingRates));
        try (ExecutorService citizens = Executors.newVirtualThreadPerTaskExecutor()) {
            long n = 0;
            for (; n < config.prequeued(); n++) {
                long citizen = n;
                citizens.submit(() -> citizen(citizen, series));
            }
            long untilOpening = opensAt.toEpochMilli() - System.currentTimeMillis();
            if (untilOpening > 0) {
                TimeUnit.MILLISECONDS.sleep(untilOpening);
            }
            opened = System.nanoTime();
            long citizensNeeded = series + series / 10;
            for (long k = 0; n < citizensNeeded; n++, k++) {
                long wait = opened + (long) (k / config.arrivalsPerSecond() * 1e9) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (System.nanoTime() > deadline || confirmed.get() >= series) {
                    break;
                }
                long citizen = n;
                citizens.submit(() -> citizen(citizen, series));
            }
            while (confirmed.get() < series && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            over.set(true);
            citizens.shutdownNow();
        }
        feedReader.interrupt();
        rateReader.interrupt();
        long lastHold = lastHoldNanos.get();
        long falseGone = goneAt.stream().filter(at -> at < lastHold).count();
        return new Result(
                recorder,
                (System.nanoTime() - opened) / 1e9,
                (lastConfirmNanos.get() - opened) / 1e9,
                codes.size(),
                series,
                List.copyOf(centreIds),
                Set.copyOf(codes),
                config.hotSpot() ? falseGone : -1,
                List.copyOf(admittingRates));
    }

    private void citizen(long n, long series) {
        SplittableRandom random = new SplittableRandom(n * 7919 + 17);
        String subject = "SMS:+4915" + config.runId().hashCode() % 1000 + String.format("%09d", n);
        String token = sign("verified", subject, Instant.now().plusSeconds(7200));
        String[] auth = {"X-Verification-Token", token};
        long t = recorder.start();
        Http.Answer ticket = http.post("/api/v1/waiting-room/tickets", "", auth);
        record("join", t, ticket);
        String id = ticket.field("ticket");
        String state = ticket.field("state");
        while ("WAITING".equals(state) && !over.get()) {
            // as the portal's waiting page does: a long poll, answered at the ticket's turn or after 25 s
            t = recorder.start();
            ticket = http.get("/api/v1/waiting-room/tickets/" + id + "?wait=25", auth);
            record("poll", t, ticket);
            state = ticket.field("state");
        }
        if (!"ADMITTED".equals(state)) {
            recorder.count("citizen " + state);
            return;
        }
        String pass = ticket.field("pass");
        for (int attempt = 0; attempt < 20 && !over.get(); attempt++) {
            Choice choice = config.hotSpot() ? new Choice(centreIds.getFirst(), days.getFirst(), 1) : choose(random);
            if (choice == null) {
                recorder.count("citizen found nothing free");
                return;
            }
            String centre = choice.centreId();
            LocalDate day = choice.day();
            String birth = LocalDate.of(1930, 1, 1).plusDays(n % 10000).toString();
            String wanted = "%02d:%02d".formatted(8 + random.nextInt(12), 5 * random.nextInt(12));
            Http.Answer hold = retryWhileOverloaded(
                    "hold",
                    () -> http.post(
                            "/api/v1/holds",
                            """
                    {"centreId":"%s","date":"%s","time":"%s","vaccine":"comirnaty",
                     "persons":[{"birthDate":"%s","postalCode":"46282"}]}""".formatted(centre, day, wanted, birth),
                            "X-Verification-Token",
                            token,
                            "X-Admission-Pass",
                            pass));
            if (hold.status() == 409) {
                goneAt.add(System.nanoTime());
                if (confirmed.get() >= series) {
                    return;
                }
                continue;
            }
            if (hold.status() != 201) {
                return;
            }
            lastHoldNanos.accumulateAndGet(System.nanoTime(), Math::max);
            String key = UUID.randomUUID().toString();
            Http.Answer booking = retryWhileOverloaded(
                    "confirm",
                    () -> http.post(
                            "/api/v1/bookings",
                            """
                    {"holdId":"%s","persons":[{"firstName":"Bench","lastName":"Citizen %s-%d","birthDate":"%s",
                     "postalCode":"46282"}],"contact":%s}""".formatted(hold.field("id"), config.runId(), n, birth, contact(n)),
                            "X-Verification-Token",
                            token,
                            "Idempotency-Key",
                            key));
            if (booking.status() == 201) {
                codes.add(booking.field("code"));
                confirmed.incrementAndGet();
                lastConfirmNanos.set(System.nanoTime());
            }
            return;
        }
    }

    /** A citizen's contact: a mobile number, and an e-mail address too if the run asks for it. */
    private String contact(long n) {
        return config.emailToo()
                ? "{\"phone\":\"+4915%09d\",\"email\":\"citizen%d@bench.example\"}".formatted(n, n)
                : "{\"phone\":\"+4915%09d\"}".formatted(n);
    }

    /**
     * Records an answer; a 5xx also under its problem code and its {@code Retry-After} (or its lack), so that a run can
     * tell a clean refusal ({@code 503} with {@code Retry-After}) from a failure.
     */
    private void record(String op, long startedNanos, Http.Answer answer) {
        recorder.record(op, startedNanos, answer.status(), answer.retryAfter() != null);
        if (answer.status() >= 500 && answer.status() < 598) {
            String code = answer.field("code");
            recorder.count(op + " " + answer.status() + " " + (code.isEmpty() ? "-" : code) + ", "
                    + (answer.retryAfter() == null ? "no Retry-After" : "Retry-After " + answer.retryAfter()));
        }
    }

    /**
     * The queue's admission rate in effect once a second, read from the shared row as an operator's console would;
     * a second the database cannot be read (a chaos run kills it) is skipped.
     */
    private void readAdmittingRate(List<Double> rates) {
        while (!over.get() && !Thread.currentThread().isInterrupted()) {
            try {
                rates.add(jdbc.sql("select admitting_rate from waiting_queue where name = 'main'")
                        .query(Double.class)
                        .single());
            } catch (org.springframework.dao.DataAccessException e) {
                recorder.count("admitting rate unreadable");
            }
            sleep(1000);
        }
    }

    /** Reads the feed until the run is over; keeps the run's centre-days that have free series. */
    private void readFeed() {
        Set<String> ours = Set.copyOf(centreIds);
        while (!over.get() && !Thread.currentThread().isInterrupted()) {
            Http.Answer feed = http.get("/api/v1/availability");
            if (feed.status() == 200) {
                List<Choice> next = new ArrayList<>();
                for (JsonNode centre : JSON.readTree(feed.body()).path("centres")) {
                    String id = centre.path("id").asString();
                    if (!ours.contains(id)) {
                        continue;
                    }
                    for (JsonNode day : centre.path("days")) {
                        long free = day.path("freeSeries").asLong();
                        if (free > 0) {
                            next.add(new Choice(
                                    id, LocalDate.parse(day.path("date").asString()), free));
                        }
                    }
                }
                choices = List.copyOf(next);
            }
            sleep(FEED_EVERY_MILLIS);
        }
    }

    /**
     * A centre-day with free series, chosen with probability in proportion to its free series; waits for the next
     * read of the feed while it shows none, and gives up (null) once the run is over.
     */
    private @Nullable Choice choose(SplittableRandom random) {
        while (!over.get()) {
            List<Choice> now = choices;
            long total = now.stream().mapToLong(Choice::free).sum();
            if (total > 0) {
                long pick = random.nextLong(total);
                for (Choice choice : now) {
                    pick -= choice.free();
                    if (pick < 0) {
                        return choice;
                    }
                }
            }
            sleep(FEED_EVERY_MILLIS);
        }
        return null;
    }

    /** Sends again after a 503 as a patient browser would (it keeps its place), recording every answer. */
    private Http.Answer retryWhileOverloaded(String op, java.util.function.Supplier<Http.Answer> request) {
        Http.Answer answer;
        int tries = 0;
        do {
            long t = recorder.start();
            answer = request.get();
            record(op, t, answer);
            if (answer.status() == 503) {
                sleep(500 + java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
            }
        } while (answer.status() == 503 && ++tries < 30 && !over.get());
        return answer;
    }

    /** The instances' token format: {@code purpose.b64(payload).expiry.b64(hmac)}. */
    private String sign(String purpose, String payload, Instant expiresAt) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String body = purpose + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + expiresAt.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return body + "." + b64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
