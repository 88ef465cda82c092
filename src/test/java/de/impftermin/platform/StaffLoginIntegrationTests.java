package de.impftermin.platform;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.platform.StaffClient.Page;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;

/**
 * The console sign-in as a browser sees it: session, CSRF, session fixation, lockout per account and per address,
 * the forced password change, deactivated accounts and which console a role may open.
 */
@IntegrationTest
class StaffLoginIntegrationTests extends ApiTestSupport {

    static final String PASSWORD = "Impfbus fährt um acht";

    @Autowired
    ServerProperties server;

    /** Failures from this test's address would lock every later test out: forget them. */
    @AfterEach
    void forgetFailuresOfTheTestAddress() {
        jdbc.sql("delete from staff_login_failure where key_kind = 'ADDRESS'").update();
    }

    @Test
    void signsInWithTheFormAndShowsTheConsolesOfTheRole() {
        String agent = account("AGENT");
        StaffClient browser = StaffClient.on(port);

        Page signedIn = browser.signIn(agent, PASSWORD);
        Page home = browser.get("/staff");

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/staff");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("href=\"/staff/hotline\"").doesNotContain("href=\"/staff/office\"");
        assertThat(home.body()).contains(agent);
    }

    @Test
    void anAnonymousVisitorIsSentToTheSignInPage() {
        Page page = StaffClient.on(port).get("/staff/hotline");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/staff/login");
    }

    @Test
    void changesTheSessionIdAtSignIn() {
        StaffClient browser = StaffClient.on(port);
        browser.get("/staff/login");
        String before = browser.sessionId();

        Page signedIn = browser.signIn(account("AGENT"), PASSWORD);

        assertThat(before).isNotEmpty();
        assertThat(browser.sessionId()).isNotEmpty().isNotEqualTo(before);
        assertThat(signedIn.setCookies())
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void idleSessionsEndAfterThirtyMinutes() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void refusesAFormPostWithoutCsrfToken() {
        String agent = account("AGENT");
        StaffClient browser = StaffClient.on(port);
        browser.get("/staff/login");

        Page withoutToken = browser.post("/staff/login", Map.of("username", agent, "password", PASSWORD));
        browser.signIn(agent, PASSWORD);
        Page signOutWithoutToken = browser.post("/staff/logout", Map.of());

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(signOutWithoutToken.status()).isEqualTo(403);
        assertThat(browser.get("/staff").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void signsOutBackToTheSignInPageWithAMessage() {
        StaffClient browser = StaffClient.on(port);
        browser.signIn(account("AGENT"), PASSWORD);

        Page signedOut = browser.signOut();

        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location()).endsWith("/staff/login?signedOut");
        assertThat(browser.get("/staff/login?signedOut").body()).contains("Sie sind abgemeldet.");
        assertThat(browser.get("/staff").status()).isEqualTo(302);
    }

    @Test
    void locksAnAccountAfterFiveFailuresEvenForTheRightPassword() {
        String agent = account("AGENT");
        for (int i = 0; i < 5; i++) {
            Page failed = StaffClient.on(port).signIn(agent, "wrong password " + i);
            assertThat(failed.location()).endsWith("/staff/login?error");
        }
        forgetFailuresOfTheTestAddress(); // only the account's own count matters here

        StaffClient browser = StaffClient.on(port);
        Page rightPassword = browser.signIn(agent, PASSWORD);
        ApiResponse basic = api.as(agent, PASSWORD).get("/api/v1/hotline/bookings/NOPE-NOPE-NOPE");
        Page refusal = browser.get("/staff/login?error");

        assertThat(rightPassword.location()).endsWith("/staff/login?error");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.problemCode()).isEqualTo("UNAUTHORIZED");
        assertThat(refusal.body()).contains("Anmeldung fehlgeschlagen oder vorübergehend gesperrt");
        assertThat(StaffClient.on(port).signIn(account("AGENT"), PASSWORD).location())
                .as("another account is not affected")
                .endsWith("/staff");
    }

    @Test
    void saysTheSameWhetherTheAccountExistsOrNot() {
        StaffClient browser = StaffClient.on(port);
        Page unknown = browser.signIn("t-nobody-" + UUID.randomUUID(), PASSWORD);
        String unknownText = browser.get(unknown.location()).body();
        Page wrong = browser.signIn(account("AGENT"), "not the password at all");
        String wrongText = browser.get(wrong.location()).body();

        assertThat(unknown.location()).isEqualTo(wrong.location());
        assertThat(unknownText).contains("Anmeldung fehlgeschlagen oder vorübergehend gesperrt");
        assertThat(wrongText).contains("Anmeldung fehlgeschlagen oder vorübergehend gesperrt");
    }

    @Test
    void refusesAnAddressAfterTwentyFailuresAlsoOnTheApi() {
        String agent = account("AGENT");
        for (int i = 0; i < 20; i++) {
            api.as("t-guess-" + UUID.randomUUID().toString().substring(0, 8), "guess " + i)
                    .get("/api/v1/admin/staff");
        }

        Page rightPassword = StaffClient.on(port).signIn(agent, PASSWORD);
        ApiResponse adminFromThere = admin.get("/api/v1/admin/staff");
        forgetFailuresOfTheTestAddress();

        assertThat(rightPassword.location()).endsWith("/staff/login?error");
        assertThat(adminFromThere.status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/admin/staff").status()).as("open again").isEqualTo(200);
    }

    @Test
    void forcesAPasswordChangeAtTheFirstConsoleSignInButNotOnTheApi() {
        String agent = freshUsername();
        create(agent, "AGENT");
        assertThat(api.as(agent, PASSWORD)
                        .get("/api/v1/hotline/bookings/NOPE-NOPE-NOPE")
                        .status())
                .as("the API works at once")
                .isNotIn(401, 403);
        StaffClient browser = StaffClient.on(port);
        browser.signIn(agent, PASSWORD);

        assertThat(browser.get("/staff").location()).endsWith("/staff/password");
        assertThat(browser.get("/staff/hotline").location()).endsWith("/staff/password");
        Page form = browser.get("/staff/password");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Bitte wählen Sie vor der ersten Arbeit ein eigenes Passwort");

        String fresh = "Neues Passwort für die Hotline";
        Page changed = browser.submit(
                "/staff/password",
                "/staff/password",
                Map.of("currentPassword", PASSWORD, "newPassword", fresh, "confirmation", fresh));

        assertThat(changed.location()).endsWith("/staff?passwordChanged");
        assertThat(browser.get("/staff").status()).isEqualTo(200);
        assertThat(jdbc.sql("select must_change_password from staff_account where username = ?")
                        .param(agent)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(count("select count(*) from audit_event where action = 'PASSWORD_CHANGED' and actor = ?", agent))
                .isEqualTo(1);
        assertThat(StaffClient.on(port).signIn(agent, fresh).location()).endsWith("/staff");
        assertThat(StaffClient.on(port).signIn(agent, PASSWORD).location()).endsWith("/staff/login?error");
    }

    @Test
    void refusesWeakNewPasswordsAndChangesNothing() {
        String agent = freshUsername();
        create(agent, "AGENT");
        StaffClient browser = StaffClient.on(port);
        browser.signIn(agent, PASSWORD);
        String hashBefore = hash(agent);

        Map<String, String> refusals = Map.of(
                "elf Zeichen",
                "zu kurz",
                "🐝🐝🐝🐝🐝🐝🐝🐝🐝🐝🐝",
                "zu kurz",
                "password1234",
                "zu bekannt",
                agent,
                "nicht Ihr Benutzername",
                "x".repeat(129),
                "zu lang");
        refusals.forEach((weak, why) -> {
            Page refused = browser.submit(
                    "/staff/password",
                    "/staff/password",
                    Map.of("currentPassword", PASSWORD, "newPassword", weak, "confirmation", weak));
            assertThat(refused.status()).as(weak).isEqualTo(422);
            assertThat(refused.body()).as(weak).contains(why).contains("error-summary");
        });
        Page mismatch = browser.submit(
                "/staff/password",
                "/staff/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "lang genug und gut", "confirmation", "anders"));
        Page wrongCurrent = browser.submit(
                "/staff/password",
                "/staff/password",
                Map.of(
                        "currentPassword",
                        "falsch",
                        "newPassword",
                        "lang genug und gut",
                        "confirmation",
                        "lang genug und gut"));

        assertThat(mismatch.body()).contains("stimmen nicht überein");
        assertThat(wrongCurrent.body()).contains("Das bisherige Passwort stimmt nicht");
        assertThat(hash(agent)).isEqualTo(hashBefore);
        assertThat(browser.get("/staff").location()).endsWith("/staff/password");
    }

    @Test
    void aDeactivatedAccountCannotSignIn() {
        String agent = account("AGENT");
        jdbc.sql("update staff_account set deactivated = true where username = ?")
                .param(agent)
                .update();

        assertThat(StaffClient.on(port).signIn(agent, PASSWORD).location()).endsWith("/staff/login?error");
        assertThat(api.as(agent, PASSWORD)
                        .get("/api/v1/hotline/bookings/NOPE-NOPE-NOPE")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void eachRoleOpensOnlyItsConsoles() {
        StaffClient agent = signedIn(account("AGENT"));
        StaffClient operator = signedIn(account("OPERATOR"));
        StaffClient administrator = signedIn(account("ADMIN"));

        for (String path : List.of("/staff/office", "/staff/centre/x")) {
            Page refused = agent.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("Kein Zugang zu diesem Bereich");
        }
        assertThat(operator.get("/staff/hotline").status()).isEqualTo(403);
        assertThat(operator.get("/staff/office/audit").status()).isEqualTo(403);
        assertThat(agent.get("/staff/hotline").status()).isNotIn(302, 403);
        assertThat(operator.get("/staff/centre").status()).isNotIn(302, 403);
        for (String path : List.of("/staff/hotline", "/staff/centre", "/staff/office")) {
            assertThat(administrator.get(path).status()).as(path).isNotIn(302, 403);
        }
        assertThat(administrator.get("/staff").body())
                .contains("href=\"/staff/hotline\"", "href=\"/staff/centre\"", "href=\"/staff/office\"");
    }

    private StaffClient signedIn(String username) {
        StaffClient browser = StaffClient.on(port);
        assertThat(browser.signIn(username, PASSWORD).location()).endsWith("/staff");
        return browser;
    }

    /** An account that has already chosen its password, so that the console opens at once. */
    String account(String role) {
        String username = freshUsername();
        create(username, role);
        jdbc.sql("update staff_account set must_change_password = false where username = ?")
                .param(username)
                .update();
        return username;
    }

    private void create(String username, String role) {
        ApiResponse created =
                admin.post("/api/v1/admin/staff", obj("username", username, "password", PASSWORD, "role", role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private String hash(String username) {
        return jdbc.sql("select password_hash from staff_account where username = ?")
                .param(username)
                .query(String.class)
                .single();
    }

    static String freshUsername() {
        return "t-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
