package de.impftermin.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import de.impftermin.ImpfterminApplication;
import de.impftermin.portal.PortalBrowser;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The app as an operator starts and stops it, in its own JVM with the demo region on a fresh embedded database:
 * ready means the region is listed, and SIGTERM ends it within 5 s although a browser holds the live centre list open,
 * with its embedded PostgreSQL stopped.
 */
class StartAndStopIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Process app;

    @AfterEach
    void killLeftovers() {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
        }
    }

    @Test
    void isReadyOnlyWithTheDemoRegionListedAndStopsWithinFiveSecondsOfSigterm() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "start-stop-");
        int port = freePort();
        Instant launched = Instant.now();
        app = launch(dataDir, port);

        HttpResponse<String> ready = awaitReadiness(port, Duration.ofSeconds(180));
        String centres = get(port, "/api/v1/centres").body();
        System.out.printf(
                "start to ready: %d ms%n",
                Duration.between(launched, Instant.now()).toMillis());
        assertThat(ready.body()).contains("\"UP\"");
        assertThat(centres.split("\"id\":\"wl-", -1))
                .as("centres listed when ready")
                .hasSize(28);
        startPageShowsTheDemoRegion(port);

        CompletableFuture<String> stream = openStream(port);
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .getFirst()
                .strip());
        Thread.sleep(500); // the stream has sent its first event

        Instant terminated = Instant.now();
        app.destroy(); // SIGTERM
        boolean exited = app.waitFor(5, TimeUnit.SECONDS);
        System.out.printf(
                "SIGTERM to exit: %d ms%n",
                Duration.between(terminated, Instant.now()).toMillis());

        assertThat(exited).as("exited within 5 s of SIGTERM").isTrue();
        assertThat(stream.get(1, TimeUnit.SECONDS))
                .as("the live stream ended cleanly")
                .startsWith("event:");
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    /** The README's screenshots of the start page are taken here, where the demo region is what people see. */
    private static void startPageShowsTheDemoRegion(int port) {
        try (PortalBrowser browser = new PortalBrowser(port)) {
            Page page = browser.newPage();
            page.navigate("/");
            assertThat(page.locator("#centre-wl-bielefeld")).containsText("Impfzentrum Bielefeld");
            assertThat(page.locator("#centre-wl-herne")).containsText("ausgebucht");
            PortalBrowser.screenshot(page, "1-start");
            page.navigate("/?lang=en");
            assertThat(page.locator("#centre-wl-bielefeld")).containsText("Impfzentrum Bielefeld");
            PortalBrowser.screenshot(page, "1-start-english");
        }
    }

    private static Process launch(Path dataDir, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(List.of(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ImpfterminApplication.class.getName(),
                        "--server.port=" + port,
                        "--impftermin.data-dir=" + dataDir,
                        "--impftermin.demo-data=true",
                        "--impftermin.admin-password=start-stop-admin"))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app.log").toFile())
                .start();
    }

    /** Polls the readiness probe; before it says UP the port must not answer anything else either. */
    private HttpResponse<String> awaitReadiness(int port, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.isAlive()).as("the app is running").isTrue();
            try {
                HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
                if (readiness.statusCode() == 200) {
                    return readiness;
                }
            } catch (ConnectException notYetListening) {
                // the port opens once the demo region is loaded
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within " + patience);
    }

    /** Reads the live centre list until the server ends it; completes with what arrived, or exceptionally. */
    private static CompletableFuture<String> openStream(int port) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/availability/stream"))
                .header("Accept", "text/event-stream")
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApplyAsync(response -> {
                    try (InputStream body = response.body()) {
                        return new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
