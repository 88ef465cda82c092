package de.impftermin.notifications.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * An SMS provider reached over HTTP: POSTs a body built from a template ({@code {to}} and {@code {text}} are
 * replaced, JSON-escaped) with optional Basic credentials. A 2xx answer means accepted. A 4xx answer (the number or
 * the request refused) is permanent, except 408 and 429 (try later); 5xx, timeouts and broken connections are
 * failures to retry.
 */
public class HttpSmsGateway implements SmsGateway {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private final String bodyTemplate;
    private final @Nullable String username;
    private final @Nullable String password;

    public HttpSmsGateway(URI url, String bodyTemplate, @Nullable String username, @Nullable String password) {
        this.url = url;
        this.bodyTemplate = bodyTemplate;
        this.username = username;
        this.password = password;
    }

    @Override
    public void send(String to, String text) throws Exception {
        String body = bodyTemplate.replace("{to}", json(to)).replace("{text}", json(text));
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (username != null && password != null) {
            String credentials =
                    Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + credentials);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String answer = "SMS gateway answered " + status + ": " + abbreviate(response.body());
        if (status / 100 == 4 && status != 408 && status != 429) {
            throw new PermanentDeliveryFailure(answer);
        }
        throw new IllegalStateException(answer);
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
