package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.platform.StaffClient.Page;
import de.impftermin.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testidp.TestIdentityProvider;
import testidp.TestIdentityProvider.Person;

/**
 * Sign-in with a state login (OpenID Connect) against a real identity provider started for this test: the role and
 * centres come from the ID token's claims, a missing or unknown role is refused and audited. Its own application
 * context (the dynamic properties make it one), because the OIDC registration is configuration that the other tests
 * do not have.
 */
@IntegrationTest
class StaffOidcSignInIntegrationTests {

    private static final String PASSWORD = "idp password";
    private static final TestIdentityProvider IDP = TestIdentityProvider.start(List.of(
            new Person("oidc-agent", PASSWORD, Map.of("impftermin_role", "AGENT")),
            new Person(
                    "oidc-operator",
                    PASSWORD,
                    Map.of("impftermin_role", "OPERATOR", "impftermin_centres", List.of("dorsten", "marl"))),
            new Person("oidc-root", PASSWORD, Map.of("impftermin_role", "ROOT")),
            new Person("oidc-nobody", PASSWORD, Map.of())));

    @DynamicPropertySource
    static void stateLogin(DynamicPropertyRegistry registry) {
        String registration = "spring.security.oauth2.client.registration.state.";
        registry.add(registration + "client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add(registration + "client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add(registration + "client-name", () -> "Landes-Login");
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "scope", () -> "openid");
        registry.add(registration + "redirect-uri", () -> "{baseUrl}/staff/login/oauth2/code/{registrationId}");
        registry.add("spring.security.oauth2.client.provider.state.issuer-uri", IDP::issuer);
        // Spring Authorization Server puts the username into "sub" (Keycloak: use preferred_username, see the docs)
        registry.add("spring.security.oauth2.client.provider.state.user-name-attribute", () -> "sub");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void registerTheApplicationAtTheProvider() {
        IDP.allowRedirectTo(base() + "/staff/login/oauth2/code/state");
    }

    @AfterAll
    static void stopTheProvider() {
        IDP.close();
    }

    @Test
    void theSignInPageOffersTheStateLogin() {
        Page login = StaffClient.following(base()).get("/staff/login");

        assertThat(login.body()).contains("Mit Landes-Login anmelden", "/staff/oauth2/authorization/state");
    }

    @Test
    void anAgentSignsInWithTheStateLoginAndReachesTheHotline() {
        StaffClient browser = StaffClient.following(base());

        Page home = signInAtTheProvider(browser, "oidc-agent");

        assertThat(home.uri().getPath()).isEqualTo("/staff");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body())
                .contains("oidc-agent", "href=\"/staff/hotline\"")
                .doesNotContain("/staff/office\"");
        assertThat(browser.get("/staff/office").status()).isEqualTo(403);
        assertThat(signIns("oidc-agent", "SIGN_IN")).isEqualTo(1);
    }

    @Test
    void anOperatorGetsTheCentresOfTheClaim() {
        StaffClient browser = StaffClient.following(base());

        Page home = signInAtTheProvider(browser, "oidc-operator");

        assertThat(home.body()).contains("href=\"/staff/centre\"").doesNotContain("href=\"/staff/hotline\"");
        assertThat(browser.get("/staff/hotline").status()).isEqualTo(403);
    }

    @Test
    void anUnknownOrMissingRoleIsRefusedAndAudited() {
        for (String username : List.of("oidc-root", "oidc-nobody")) {
            StaffClient browser = StaffClient.following(base());

            Page refused = signInAtTheProvider(browser, username);

            assertThat(refused.uri().getPath()).as(username).isEqualTo("/staff/login");
            assertThat(refused.uri().getQuery()).isEqualTo("refused");
            assertThat(refused.body()).contains("keine Rolle in Impftermin");
            assertThat(browser.get("/staff").uri().getPath()).isEqualTo("/staff/login");
            assertThat(signIns(username, "SIGN_IN_FAILED")).isEqualTo(1);
            assertThat(signIns(username, "SIGN_IN")).isZero();
        }
    }

    private Page signInAtTheProvider(StaffClient browser, String username) {
        Page providerLogin = browser.get("/staff/oauth2/authorization/state");
        assertThat(providerLogin.uri().toString()).startsWith(IDP.issuer() + "/login");
        return browser.post(
                IDP.issuer() + "/login",
                Map.of("username", username, "password", PASSWORD, "_csrf", StaffClient.csrf(providerLogin.body())));
    }

    private int signIns(String actor, String action) {
        return jdbc.sql("select count(*) from audit_event where actor = ? and action = ?")
                .params(actor, action)
                .query(Integer.class)
                .single();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
