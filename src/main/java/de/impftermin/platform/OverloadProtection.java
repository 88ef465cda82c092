package de.impftermin.platform;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounded concurrency in front of everything that needs the database (holds, bookings, verifications, hotline, admin
 * and form writes). At most {@code maxConcurrent} such requests run at once; a request that cannot get a slot within
 * {@code maxWait} is answered {@code 503} with {@code Retry-After} at once, as problem+json for the API and as a short
 * plain-language page for browsers. So a rush never piles up requests, threads or connections: the connection pool
 * (and PostgreSQL's {@code max_connections}, sized for several instances' pools) is never asked for more than it has.
 * Reads served from memory (the availability feed, the centre list, waiting-room polls, the portal's centre list, day
 * calendar and eligibility check) are never limited; the portal's pages that read the database are.
 *
 * <p>It counts how each limited request fared (passed, delayed beyond {@code delayTarget}, refused), for the waiting
 * room's admission rate ({@link BookingPressure}) and as the metric {@code impftermin.overload.requests} with the tag
 * {@code outcome}. A delayed request is the early sign: the slots are all taken before anyone is refused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OverloadProtection extends OncePerRequestFilter implements BookingPressure, MeterBinder {

    /**
     * The portal's pages that read the database on every request: the time choice (free times of a day), a held
     * appointment, the confirmation and its calendar file, a looked-up booking, a waitlist registration and a
     * call-back's status. The centre list, the day calendar and the eligibility check are answered from the
     * availability snapshot and stay unlimited.
     */
    private static final Pattern PORTAL_DATABASE_READS = Pattern.compile(
            "/appointments/[^/]+/[^/]+|/confirmation|/booking/calendar\\.ics|/manage/.+|/warteliste/.+|/rueckruf/status");

    private final Semaphore slots;
    private final Limits limits;
    private final byte[] problem;
    private final LongAdder passed = new LongAdder();
    private final LongAdder delayed = new LongAdder();
    private final LongAdder refused = new LongAdder();

    OverloadProtection(Limits limits, JsonMapper json) {
        this.limits = limits;
        this.slots = new Semaphore(limits.maxConcurrent(), true);
        this.problem = json.writeValueAsBytes(Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "OVERLOADED",
                "Too many people are booking at this moment. Nothing was changed; please try again in "
                        + limits.retryAfter().toSeconds() + " seconds."));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !databaseBound(request.getMethod(), request.getRequestURI());
    }

    static boolean databaseBound(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (path.startsWith("/api/v1/waiting-room/") || path.equals("/api/v1/waiting-room")) {
            return false;
        }
        if (path.startsWith("/api/v1/bookings") || path.startsWith("/api/v1/hotline/")) {
            return true;
        }
        return !read || PORTAL_DATABASE_READS.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        boolean acquired;
        try {
            acquired = slots.tryAcquire(limits.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            refused.increment();
            refuse(request, response);
            return;
        }
        (System.nanoTime() - start > limits.delayTarget().toNanos() ? delayed : passed).increment();
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
        }
    }

    int available() {
        return slots.availablePermits();
    }

    int queued() {
        return slots.getQueueLength();
    }

    @Override
    public Pressure totals() {
        return new Pressure(passed.sum(), delayed.sum(), refused.sum());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        count(registry, "passed", passed);
        count(registry, "delayed", delayed);
        count(registry, "refused", refused);
    }

    private static void count(MeterRegistry registry, String outcome, LongAdder adder) {
        FunctionCounter.builder("impftermin.overload.requests", adder, LongAdder::doubleValue)
                .tag("outcome", outcome)
                .description("database-bound requests by how they got a slot: passed, delayed or refused (503)")
                .register(registry);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long seconds = Math.max(1, limits.retryAfter().toSeconds());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (!request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html")) {
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(page(seconds).getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(problem);
        }
    }

    /**
     * The plain-language page for browsers. It does not reload itself: an automatic refresh is a time limit the
     * person cannot control (WCAG 2.2.1), and what was refused is nearly always a form, which only the browser can
     * send again with what was typed.
     */
    static String page(long seconds) {
        return """
                <!DOCTYPE html>
                <html lang="de"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Gerade sehr viel los – Impftermin</title>
                <link rel="stylesheet" href="/css/overload.css">
                </head><body><main>
                <h1>Gerade buchen sehr viele Menschen gleichzeitig.</h1>
                <p>Ihre Eingaben sind nicht verloren und Ihr Platz in der Warteschlange bleibt erhalten.</p>
                <p>Bitte warten Sie %1$d Sekunden. Gehen Sie dann im Browser einen Schritt zurück und schicken Sie das
                Formular noch einmal ab.</p>
                <p lang="en">Too many people are booking at once. You keep your place. Please wait %1$d seconds, then go
                back one step in your browser and send the form again.</p>
                </main></body></html>
                """.formatted(seconds);
    }

    /**
     * {@code impftermin.overload.*}: concurrent database-bound requests per instance (by default a few fewer than the
     * 24 connections of the pool: the waiting room's block reservations, the outbox and the availability snapshot
     * then always find a connection instead of queueing behind a rush of bookings, which made joins wait seconds),
     * how long a request may wait for a slot, the {@code Retry-After} it is told otherwise, and the wait beyond which
     * a request that got its slot counts as delayed (a sign of congestion; well below {@code maxWait}). At 20 ms the
     * adaptive admission let the book-out run at p99 273–359 ms for hold and confirm (two runs); at 5 ms p99 was
     * 209–321 ms over five runs, inside the 250 ms target in two of them.
     */
    @ConfigurationProperties("impftermin.overload")
    record Limits(
            @DefaultValue("20") int maxConcurrent,
            @DefaultValue("250ms") Duration maxWait,
            @DefaultValue("5s") Duration retryAfter,
            @DefaultValue("5ms") Duration delayTarget) {}
}
