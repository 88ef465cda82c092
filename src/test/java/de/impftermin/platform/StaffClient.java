package de.impftermin.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: one cookie jar (so one session), form posts, and redirects either shown
 * ({@link #on}) or followed ({@link #following}), also across hosts (the identity provider of the OIDC test).
 */
public final class StaffClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** One answer: status, where a redirect points, the page. */
    public record Page(int status, String location, String body, HttpHeaders headers, URI uri) {
        List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }
    }

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final String base;

    private StaffClient(String base, HttpClient.Redirect redirect) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(redirect)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static StaffClient on(int port) {
        return new StaffClient("http://localhost:" + port, HttpClient.Redirect.NEVER);
    }

    static StaffClient following(String base) {
        return new StaffClient(base, HttpClient.Redirect.NORMAL);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form with the CSRF token of the page it is on, as a browser would. */
    public Page submit(String pagePath, String action, Map<String, String> fields) {
        Page page = get(pagePath);
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf(page.body()));
        return post(action, form);
    }

    public Page signIn(String username, String password) {
        return submit("/staff/login", "/staff/login", Map.of("username", username, "password", password));
    }

    Page signOut() {
        return submit("/staff", "/staff/logout", Map.of());
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page: " + html);
        }
        return m.group(1);
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(
                    request.timeout(Duration.ofSeconds(30))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(""),
                    response.body(),
                    response.headers(),
                    response.uri());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
