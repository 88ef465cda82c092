package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per family of security headers, each over a sample of every kind of answer: portal and console pages,
 * the JSON API, static files, the actuator, and the refusals (404, 401, 403, 405) that are rendered by other code
 * paths than the pages. HSTS and the {@code Secure} cookie attribute depend on TLS, which the trusted proxy reports
 * with {@code X-Forwarded-Proto} and nobody else can fake.
 */
@IntegrationTest
class SecurityHeadersIntegrationTests extends ApiTestSupport {

    private static final String HTML = "text/html";

    private List<ApiResponse> everyKindOfAnswer() {
        return List.of(
                page("/"),
                page("/eligibility"),
                page("/manage"),
                page("/staff/login"),
                page("/staff/office"), // redirect to the sign-in
                page("/no/such/page"),
                api.get("/api/v1/centres"),
                api.get("/api/v1/no/such/endpoint"),
                api.get("/api/v1/admin/centres"), // 401
                api.as("nobody", "wrong-password-123").get("/api/v1/admin/audit"), // 401
                api.send("DELETE", "/api/v1/centres", null), // 405
                api.post("/api/v1/holds", "{not json"), // 400
                api.get("/css/portal.css"),
                api.get("/js/portal.js"),
                api.get("/actuator/health"),
                api.get("/actuator/prometheus"), // 401
                api.get("/v3/api-docs"));
    }

    @Test
    void everyAnswerHasAContentSecurityPolicyWithoutInlineCodeOrFraming() {
        for (ApiResponse answer : everyKindOfAnswer()) {
            String csp = single(answer, "Content-Security-Policy");
            assertThat(csp)
                    .as(answer.toString())
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'")
                    .contains("frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(single(answer, "X-Frame-Options")).as(answer.toString()).isEqualTo("DENY");
        }
    }

    @Test
    void everyAnswerKeepsItsAddressFromOtherSites() {
        for (ApiResponse answer : everyKindOfAnswer()) {
            assertThat(single(answer, "Referrer-Policy")).as(answer.toString()).isEqualTo("same-origin");
            assertThat(single(answer, "Permissions-Policy"))
                    .as(answer.toString())
                    .contains("camera=()");
        }
    }

    @Test
    void everyAnswerForbidsContentSniffing() {
        for (ApiResponse answer : everyKindOfAnswer()) {
            assertThat(single(answer, "X-Content-Type-Options"))
                    .as(answer.toString())
                    .isEqualTo("nosniff");
        }
    }

    @Test
    void strictTransportSecurityOnlyWhenTheTrustedProxyReportsTls() {
        assertThat(page("/").header("Strict-Transport-Security")).isEmpty();

        Api proxy = Api.from(Api.TRUSTED_PROXY, port);
        ApiResponse overTls = proxy.get("/", "Accept", HTML, "X-Forwarded-Proto", "https");
        assertThat(single(overTls, "Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(single(proxy.get("/api/v1/centres", "X-Forwarded-Proto", "https"), "Strict-Transport-Security"))
                .startsWith("max-age=");
        assertThat(proxy.get("/", "Accept", HTML).header("Strict-Transport-Security"))
                .as("plain HTTP from the proxy")
                .isEmpty();

        Api outsider = Api.from("127.0.0.3", port);
        assertThat(outsider.get("/", "Accept", HTML, "X-Forwarded-Proto", "https")
                        .header("Strict-Transport-Security"))
                .as("a forged X-Forwarded-Proto from someone else")
                .isEmpty();
    }

    @Test
    void everyCookieIsHttpOnlyAndSameSiteAndSecureOverTls() {
        Map<String, List<String>> plain = cookiesOf(api);
        assertThat(plain.keySet()).contains("impf_lang", "XSRF-TOKEN", "JSESSIONID");
        plain.forEach((name, cookies) -> cookies.forEach(cookie -> {
            assertThat(cookie).as(name).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
            assertThat(cookie).as(name).doesNotContainIgnoringCase("Secure");
        }));

        Map<String, List<String>> overTls = cookiesOf(Api.from(Api.TRUSTED_PROXY, port));
        assertThat(overTls.keySet()).contains("impf_lang", "XSRF-TOKEN", "JSESSIONID");
        overTls.forEach((name, cookies) -> cookies.forEach(cookie -> assertThat(cookie)
                .as(name)
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Secure")));
    }

    /** The cookies the portal's and the console's first pages set, by name; over TLS when the client is the proxy. */
    private Map<String, List<String>> cookiesOf(Api client) {
        var found = new java.util.TreeMap<String, List<String>>();
        for (String path : List.of("/?lang=en", "/eligibility", "/staff/login")) {
            ApiResponse answer = client.get(path, "Accept", HTML, "X-Forwarded-Proto", "https");
            for (String cookie : answer.headers().allValues("Set-Cookie")) {
                String name = cookie.substring(0, cookie.indexOf('='));
                found.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(cookie);
            }
        }
        return found;
    }

    private ApiResponse page(String path) {
        return api.get(path, "Accept", HTML);
    }

    private static String single(ApiResponse answer, String header) {
        List<String> values = answer.headers().allValues(header);
        assertThat(values).as(header + " of " + answer).hasSize(1);
        return values.getFirst();
    }
}
