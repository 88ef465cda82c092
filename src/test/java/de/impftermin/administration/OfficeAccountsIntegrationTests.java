package de.impftermin.administration;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The state office resets passwords and deactivates staff accounts through the API: each change is audited exactly
 * once, a deactivated account cannot sign in, only administrators may do it, and a refused request changes nothing.
 */
@IntegrationTest
class OfficeAccountsIntegrationTests extends ApiTestSupport {

    static final String PASSWORD = "Impfbus fährt um acht";

    @AfterEach
    void forgetFailuresOfTheTestAddress() {
        jdbc.sql("delete from staff_login_failure where key_kind = 'ADDRESS'").update();
    }

    @Test
    void aResetPasswordReplacesTheOldOneAndMustBeChangedAtTheNextSignIn() {
        String agent = account("AGENT");

        ApiResponse reset = admin.post("/api/v1/admin/staff/" + agent + "/password-reset", null);

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        String temporary = reset.json().path("temporaryPassword").asString();
        assertThat(temporary).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        assertThat(reset.json().path("mustChangePassword").asBoolean()).isTrue();
        assertThat(api.as(agent, PASSWORD)
                        .get("/api/v1/hotline/bookings/NOPE-NOPE-NOPE")
                        .status())
                .as("the old password no longer works")
                .isEqualTo(401);
        assertThat(api.as(agent, temporary)
                        .get("/api/v1/hotline/bookings/NOPE-NOPE-NOPE")
                        .status())
                .isNotIn(401, 403);
        assertThat(mustChangePassword(agent)).isTrue();
        assertThat(audited("ACCOUNT_PASSWORD_RESET", agent)).isEqualTo(1);
        assertThat(jdbc.sql("select detail from audit_event where action = 'ACCOUNT_PASSWORD_RESET' and subject = ?")
                        .param(agent)
                        .query(String.class)
                        .single())
                .doesNotContain(temporary);
    }

    @Test
    void anAdministratorMayChooseTheTemporaryPassword() {
        String agent = account("AGENT");
        String chosen = "Vorläufig bis Montag früh";

        ApiResponse reset =
                admin.post("/api/v1/admin/staff/" + agent + "/password-reset", obj("temporaryPassword", chosen));

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(api.as(agent, chosen).get("/api/v1/admin/staff").status())
                .as("signed in, but an agent")
                .isEqualTo(403);
    }

    @Test
    void deactivationIsAuditedOnceAndStopsEverySignInUntilReactivated() {
        String agent = account("AGENT");

        ApiResponse first = admin.post("/api/v1/admin/staff/" + agent + "/deactivate", null);
        ApiResponse second = admin.post("/api/v1/admin/staff/" + agent + "/deactivate", null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("deactivated").asBoolean()).isTrue();
        assertThat(first.json().path("changed").asBoolean()).isTrue();
        assertThat(second.json().path("changed").asBoolean()).isFalse();
        assertThat(audited("ACCOUNT_DEACTIVATED", agent)).isEqualTo(1);
        ApiResponse refused = api.as(agent, PASSWORD).get("/api/v1/hotline/bookings/NOPE-NOPE-NOPE");
        assertThat(refused.status()).isEqualTo(401);

        ApiResponse reactivated = admin.post("/api/v1/admin/staff/" + agent + "/reactivate", null);

        assertThat(reactivated.json().path("deactivated").asBoolean()).isFalse();
        assertThat(audited("ACCOUNT_REACTIVATED", agent)).isEqualTo(1);
        assertThat(api.as(agent, PASSWORD)
                        .get("/api/v1/hotline/bookings/NOPE-NOPE-NOPE")
                        .status())
                .isNotIn(401, 403);
    }

    @Test
    void onlyAdministratorsResetOrDeactivate() {
        String target = account("AGENT");
        String hashBefore = hash(target);
        for (String role : List.of("AGENT", "OPERATOR")) {
            Api staff = api.as(account(role), PASSWORD);
            for (String action : List.of("password-reset", "deactivate", "reactivate")) {
                ApiResponse refused = staff.post("/api/v1/admin/staff/" + target + "/" + action, null);
                assertThat(refused.status()).as(role + " " + action).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
        }
        ApiResponse anonymous = api.post("/api/v1/admin/staff/" + target + "/deactivate", null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(hash(target)).isEqualTo(hashBefore);
        assertThat(count("select count(*) from audit_event where subject = ? and action <> 'ACCOUNT_CREATED'", target))
                .isZero();
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        String agent = account("AGENT");
        String hashBefore = hash(agent);
        int auditBefore = count("select count(*) from audit_event where subject = ?", agent);

        ApiResponse unknown = admin.post("/api/v1/admin/staff/t-nobody-" + shortId() + "/password-reset", null);
        ApiResponse weak =
                admin.post("/api/v1/admin/staff/" + agent + "/password-reset", obj("temporaryPassword", "kurz"));
        ApiResponse malformed =
                admin.post("/api/v1/admin/staff/" + agent + "/password-reset", "{\"temporaryPassword\":");
        ApiResponse wrongType =
                admin.post("/api/v1/admin/staff/" + agent + "/password-reset", obj("temporaryPassword", List.of(1)));
        ApiResponse badName = admin.post("/api/v1/admin/staff/NOT%20A%20NAME/deactivate", null);
        ApiResponse own = admin.post("/api/v1/admin/staff/" + Api.ADMIN_USER + "/deactivate", null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.problemCode()).isEqualTo("WEAK_PASSWORD");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(wrongType.status()).isIn(400, 422);
        assertThat(badName.status()).isIn(400, 422);
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.problemCode()).isEqualTo("OWN_ACCOUNT");
        for (ApiResponse refused : List.of(unknown, weak, malformed, wrongType, badName, own)) {
            assertThat(refused.contentType()).as(refused.toString()).startsWith("application/problem+json");
        }
        assertThat(hash(agent)).isEqualTo(hashBefore);
        assertThat(mustChangePassword(agent)).isFalse();
        assertThat(count("select count(*) from audit_event where subject = ?", agent))
                .isEqualTo(auditBefore);
        assertThat(count("select count(*) from staff_account where username = 'admin' and not deactivated"))
                .isEqualTo(1);
    }

    /** An account that has chosen its own password already. */
    private String account(String role) {
        String username = "t-" + shortId();
        ApiResponse created = admin.post(
                "/api/v1/admin/staff",
                obj("username", username, "password", PASSWORD, "role", role, "centreIds", List.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        jdbc.sql("update staff_account set must_change_password = false where username = ?")
                .param(username)
                .update();
        return username;
    }

    private int audited(String action, String subject) {
        return count("select count(*) from audit_event where action = ? and subject = ?", action, subject);
    }

    private boolean mustChangePassword(String username) {
        return jdbc.sql("select must_change_password from staff_account where username = ?")
                .param(username)
                .query(Boolean.class)
                .single();
    }

    private String hash(String username) {
        return jdbc.sql("select password_hash from staff_account where username = ?")
                .param(username)
                .query(String.class)
                .single();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 13);
    }
}
