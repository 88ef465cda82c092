package de.impftermin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Real HTTP against the running application, as an outside client sees it. Thread-safe: one instance may serve many
 * racing threads. {@link #asAdmin()} and {@link #as} return a copy that sends HTTP Basic credentials.
 *
 * <p>Headers are passed as alternating names and values: {@code api.post("/api/v1/holds", body, "X-Admission-Pass",
 * pass)}.
 */
public final class Api {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "test-admin";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** The trusted reverse proxy of the test profile ({@code server.tomcat.remoteip.internal-proxies}). */
    public static final String TRUSTED_PROXY = "127.0.0.2";

    private final String base;
    private final @Nullable String authorization;
    private final HttpClient client;
    private final @Nullable String forwardedFor;

    private Api(String base, @Nullable String authorization, HttpClient client) {
        this(base, authorization, client, null);
    }

    private Api(String base, @Nullable String authorization, HttpClient client, @Nullable String forwardedFor) {
        this.base = base;
        this.authorization = authorization;
        this.client = client;
        this.forwardedFor = forwardedFor;
    }

    /** A copy that sends {@code X-Forwarded-For: client} with every request, as nginx does in front of the app. */
    public Api forwardingFor(String client) {
        return new Api(base, authorization, this.client, client);
    }

    /** The application on {@code http://localhost:port}, without credentials. */
    public static Api on(int port) {
        return new Api("http://localhost:" + port, null, CLIENT);
    }

    /**
     * The application as a client at another loopback address sees it, e.g. {@link #TRUSTED_PROXY} (nginx in front of
     * the app) or {@code 127.0.0.3} (someone the app does not trust): the connection leaves from that address.
     */
    public static Api from(String localAddress, int port) {
        try {
            HttpClient bound = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .localAddress(java.net.InetAddress.getByName(localAddress))
                    .build();
            return new Api("http://127.0.0.1:" + port, null, bound);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(localAddress, e);
        }
    }

    public Api asAdmin() {
        return as(ADMIN_USER, ADMIN_PASSWORD);
    }

    public Api as(String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(base, "Basic " + basic, client);
    }

    public Api anonymous() {
        return new Api(base, null, client);
    }

    public String baseUrl() {
        return base;
    }

    public ApiResponse get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** POSTs {@code body} as JSON; a {@link String} body is sent as it is (for malformed JSON). */
    public ApiResponse post(String path, @Nullable Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    public ApiResponse send(String method, String path, @Nullable Object body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers must be name/value pairs");
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        request.header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                request.setHeader(headers[i], headers[i + 1]);
            }
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }
}
