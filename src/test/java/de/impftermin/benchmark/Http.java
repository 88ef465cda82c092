package de.impftermin.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/** A small JSON-over-HTTP client for the generator, shared by all its virtual threads. */
final class Http {

    /** An answer as the server gave it, with its {@code Retry-After} header (null when it had none). */
    record Answer(int status, String body, @Nullable String retryAfter) {

        Answer(int status, String body) {
            this(status, body, null);
        }

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

    private final CloseableHttpClient client;
    private final String base;
    private final String admin;

    /**
     * Apache HttpClient's classic (blocking) client on the citizens' virtual threads, with a shared pool of up to
     * {@code bench.connections} keep-alive connections (default 2,000, Tomcat's limit). It replaced
     * {@code java.net.http.HttpClient}, which cost about as much CPU per request as the server (0.29 ms against the
     * app's 0.1 ms for a poll) and so took a third of the two cores from the system under test. No cookies (each
     * citizen is its own browser), no retries and no redirects: every answer is recorded as the server gave it.
     */
    Http(String base, String adminPassword) {
        this.base = base;
        this.admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes());
        int connections = Integer.getInteger("bench.connections", 2000);
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.ofSeconds(30))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.ofSeconds(30))
                        .setResponseTimeout(Timeout.ofSeconds(30))
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAuthCaching()
                .disableConnectionState()
                .build();
    }

    Answer get(String path, String... headers) {
        return send(new HttpGet(base + path), headers);
    }

    Answer post(String path, String json, String... headers) {
        HttpPost post = new HttpPost(base + path);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return send(post, headers);
    }

    Answer put(String path, String json, String... headers) {
        HttpPut put = new HttpPut(base + path);
        put.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return send(put, headers);
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

    private Answer send(HttpUriRequestBase request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        try {
            return client.execute(
                    request,
                    response -> new Answer(
                            response.getCode(),
                            response.getEntity() == null
                                    ? ""
                                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8),
                            response.getFirstHeader("Retry-After") == null
                                    ? null
                                    : response.getFirstHeader("Retry-After").getValue()));
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                return new Answer(598, "interrupted");
            }
            return new Answer(599, e.toString());
        }
    }
}
