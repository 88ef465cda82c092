package de.impftermin.notifications.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMS provider on 127.0.0.1 and a random port (the JDK's HTTP server): it answers the scripted statuses first, then
 * 200 (or what {@link #otherwise} says), and records every request it accepted, with its body and
 * {@code Authorization} header.
 */
public final class FakeSmsProvider implements AutoCloseable {

    public record Request(String body, String authorization) {}

    private final HttpServer server;
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<Request> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();
    private volatile int otherwise = 200;
    private volatile int failEachMessage;
    private volatile Duration answerAfter = Duration.ZERO;

    public FakeSmsProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(answerAfter);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            requests.incrementAndGet();
            Integer scripted = script.poll();
            int status = scripted == null ? otherwise : scripted;
            if (seen.merge(body, 1, Integer::sum) <= failEachMessage) {
                status = 503;
            }
            if (status == 200) {
                accepted.add(new Request(
                        body, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
            }
            byte[] answer = (status == 200 ? "{\"id\":\"" + accepted.size() + "\"}" : "{\"error\":\"scripted\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    /** The next answers, one per request, before the provider accepts again. */
    public FakeSmsProvider failing(int... statuses) {
        for (int status : statuses) {
            script.add(status);
        }
        return this;
    }

    /** Answers 503 to the first {@code times} requests that carry a given body, whatever else is scripted. */
    public FakeSmsProvider failingEachMessage(int times) {
        this.failEachMessage = times;
        return this;
    }

    /** Keeps every request waiting this long before answering. */
    public FakeSmsProvider answeringAfter(Duration delay) {
        this.answerAfter = delay;
        return this;
    }

    /** The answer to every request after the scripted ones. */
    public FakeSmsProvider otherwise(int status) {
        this.otherwise = status;
        return this;
    }

    public List<Request> accepted() {
        return List.copyOf(accepted);
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
