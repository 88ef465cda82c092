package de.impftermin.administration;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/admin/audit}: filters, newest first, limits, bad input, and only for administrators. */
@IntegrationTest
class AuditApiIntegrationTests extends ApiTestSupport {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void findsEntriesByActorAndActionNewestFirst() {
        OffsetDateTime before = now();
        String first = createAccount("AGENT");
        String second = createAccount("OPERATOR");

        ApiResponse found = admin.get("/api/v1/admin/audit?actor=admin&action=ACCOUNT_CREATED&from=" + at(before));

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        List<JsonNode> entries = found.json().valueStream().toList();
        assertThat(entries).extracting(e -> e.path("subject").asString()).containsSubsequence(second, first);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.path("actor").asString()).isEqualTo("admin");
            assertThat(e.path("action").asString()).isEqualTo("ACCOUNT_CREATED");
            assertThat(e.path("at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d");
            assertThat(e.has("detail")).isTrue();
        });
        assertThat(entries.getFirst().path("detail").asString()).contains("OPERATOR");
    }

    @Test
    void filtersByTimeAndLimits() {
        OffsetDateTime before = now();
        String subject = createAccount("AGENT");
        OffsetDateTime after = now().plusSeconds(1);

        assertThat(subjects("/api/v1/admin/audit?action=ACCOUNT_CREATED&from=" + at(before)))
                .contains(subject);
        assertThat(subjects("/api/v1/admin/audit?action=ACCOUNT_CREATED&to=" + at(before)))
                .doesNotContain(subject);
        assertThat(subjects("/api/v1/admin/audit?action=ACCOUNT_CREATED&from=" + at(after)))
                .isEmpty();
        assertThat(subjects("/api/v1/admin/audit?action=ACCOUNT_CREATED&from=" + at(before) + "&to=" + at(after)))
                .contains(subject);
        assertThat(subjects("/api/v1/admin/audit?limit=1")).hasSize(1);
        assertThat(subjects("/api/v1/admin/audit?actor=t-nobody-" + UUID.randomUUID()))
                .isEmpty();
    }

    @Test
    void badTimesAndLimitsAre400Problems() {
        for (String query : List.of(
                "from=yesterday",
                "to=2022-13-01T00:00:00+01:00",
                "from=2022-01-10",
                "from=2022-01-10T10:00:00%2B01:00&to=2022-01-10T09:00:00%2B01:00",
                "limit=0",
                "limit=5001",
                "limit=many")) {
            ApiResponse bad = admin.get("/api/v1/admin/audit?" + query);
            assertThat(bad.status()).as(query + " " + bad).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(bad.problemCode()).isEqualTo("BAD_REQUEST");
        }
        assertThat(admin.get("/api/v1/admin/audit?from=2022-01-10T00:00:00+01:00")
                        .status())
                .as("an unencoded + arrives as a space and is still understood")
                .isEqualTo(200);
    }

    @Test
    void onlyAdministratorsReadTheAuditLog() {
        Api operator = api.as(createAccount("OPERATOR"), PASSWORD);
        Api agent = api.as(createAccount("AGENT"), PASSWORD);

        ApiResponse byOperator = operator.get("/api/v1/admin/audit");
        ApiResponse byAgent = agent.get("/api/v1/admin/audit");
        ApiResponse anonymous = api.get("/api/v1/admin/audit");

        assertThat(byOperator.status()).isEqualTo(403);
        assertThat(byOperator.problemCode()).isEqualTo("FORBIDDEN");
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private List<String> subjects(String path) {
        ApiResponse response = admin.get(path);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response.json()
                .valueStream()
                .map(e -> e.path("subject").asString())
                .toList();
    }

    private String createAccount(String role) {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 13);
        ApiResponse created =
                admin.post("/api/v1/admin/staff", obj("username", username, "password", PASSWORD, "role", role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    private OffsetDateTime now() {
        return jdbc.sql("select now()").query(OffsetDateTime.class).single();
    }

    private static String at(OffsetDateTime instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
