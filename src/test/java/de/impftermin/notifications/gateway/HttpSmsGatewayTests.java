package de.impftermin.notifications.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSmsGatewayTests {

    private static final String TEMPLATE = "{\"from\":\"Impftermin\",\"to\":\"{to}\",\"message\":\"{text}\"}";

    private final FakeSmsProvider provider = new FakeSmsProvider();

    HttpSmsGatewayTests() throws IOException {}

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void postsTheBodyTemplateWithEscapedTextAndBasicCredentials() throws Exception {
        gateway("impftermin", "geheim").send("+491701234567", "Code \"123456\"\nGültig 10 Minuten");

        assertThat(provider.accepted()).singleElement().satisfies(request -> {
            assertThat(request.body())
                    .isEqualTo("{\"from\":\"Impftermin\",\"to\":\"+491701234567\","
                            + "\"message\":\"Code \\\"123456\\\"\\nGültig 10 Minuten\"}");
            assertThat(request.authorization())
                    .isEqualTo("Basic "
                            + Base64.getEncoder().encodeToString("impftermin:geheim".getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Test
    void sendsNoCredentialsWhenNoneAreConfigured() throws Exception {
        gateway(null, null).send("+491701234567", "Hallo");

        assertThat(provider.accepted())
                .singleElement()
                .extracting(FakeSmsProvider.Request::authorization)
                .isEqualTo("null");
    }

    @Test
    void treatsServerErrorsAndThrottlingAsFailuresToRetry() {
        provider.failing(503, 429, 408);
        HttpSmsGateway gateway = gateway(null, null);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> gateway.send("+491701234567", "Hallo"))
                    .isInstanceOf(IllegalStateException.class)
                    .isNotInstanceOf(PermanentDeliveryFailure.class);
        }
        assertThat(provider.accepted()).isEmpty();
    }

    @Test
    void treatsARefusedRequestAsPermanent() {
        provider.failing(400);

        assertThatThrownBy(() -> gateway(null, null).send("+49170", "Hallo"))
                .isInstanceOf(PermanentDeliveryFailure.class)
                .hasMessageContaining("400")
                .hasMessageContaining("scripted");
    }

    @Test
    void failsWhenTheProviderCannotBeReached() {
        URI nowhere = provider.url();
        provider.close();

        assertThatThrownBy(() -> new HttpSmsGateway(nowhere, TEMPLATE, null, null).send("+491701234567", "Hallo"))
                .isInstanceOf(IOException.class);
    }

    private HttpSmsGateway gateway(String username, String password) {
        return new HttpSmsGateway(provider.url(), TEMPLATE, username, password);
    }
}
