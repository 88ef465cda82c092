package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An unknown address answers in the language of whoever asked: problem+json for the API, a page for browsers. */
@IntegrationTest
class UnknownPathIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void unknownApiPathIsAProblem() {
        ApiResponse response = Api.on(port).get("/api/v1/no-such-thing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void unknownPageIsThePlainLanguageNotFoundPage() {
        ApiResponse response = Api.on(port).get("/no-such-page", "Accept", "text/html");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body()).doesNotContain("Whitelabel", "Exception");
    }
}
