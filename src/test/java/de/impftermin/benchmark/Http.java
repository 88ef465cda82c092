package de.impftermin.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small JSON-over-HTTP client for the generator: one shared {@link HttpClient} on virtual threads. */
final class Http {

    record Answer(int status, String body) {

        private static final Map<String, Pattern> TEXTS = new ConcurrentHashMap<>();
        private static final Map<String, Pattern> NUMBERS = new ConcurrentHashMap<>();

        String field(String name) {
            Matcher m = TEXTS.computeIfAbsent(name, n -> Pattern.compile("\"" + n + "\":\"([^\"]*)\""))
                    .matcher(body);
            return m.find() ? m.group(1) : "";
        }

        long number(String name) {
            Matcher m = NUMBERS.computeIfAbsent(name, n -> Pattern.compile("\"" + n + "\":(\\d+)"))
                    .matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final String base;
    private final String admin;

    Http(String base, String adminPassword) {
        this.base = base;
        this.admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes());
    }

    Answer get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    Answer post(String path, String json, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer put(String path, String json, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer adminPost(String path, String json) {
        Answer answer = post(path, json, "Authorization", admin);
        if (answer.status() >= 300) {
            throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    String adminAuthorization() {
        return admin;
    }

    Answer adminPut(String path, String json) {
        return put(path, json, "Authorization", admin);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(599, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(598, "interrupted");
        }
    }
}
