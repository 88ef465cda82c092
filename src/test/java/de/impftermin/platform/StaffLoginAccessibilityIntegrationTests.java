package de.impftermin.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import de.impftermin.portal.PortalBrowser;
import de.impftermin.portal.PortalTestSupport;
import de.impftermin.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The staff sign-in in a real browser: no axe violation (WCAG 2.1 A/AA) in German or English, with or without an
 * error, and a sign-in with the keyboard alone, in which a failed attempt moves the focus to the error summary.
 */
@IntegrationTest
class StaffLoginAccessibilityIntegrationTests extends PortalTestSupport {

    @AfterEach
    void forgetFailuresOfTheTestAddress() {
        jdbc.sql("delete from staff_login_failure where key_kind = 'ADDRESS'").update();
    }

    @Test
    void theSignInPagesHaveNoAxeViolationsInGermanAndEnglish() {
        Page page = browser.newPage();

        assertNoViolations(page, "/staff/login", "Anmeldung für Mitarbeitende");
        assertNoViolations(page, "/staff/login?error", "Anmeldung für Mitarbeitende");
        assertNoViolations(page, "/staff/login?lang=en", "Staff sign-in");
        assertNoViolations(page, "/staff/login?error", "Staff sign-in");
        assertNoViolations(page, "/staff/login?lang=de&signedOut", "Anmeldung für Mitarbeitende");
        page.locator("#username").fill(account());
        page.locator("#password").fill(StaffLoginIntegrationTests.PASSWORD);
        page.locator("button[type=submit]").click();
        assertNoViolations(page, null, "Mitarbeiterbereich");
        assertNoViolations(page, "/staff/password", "Neues Passwort wählen");
        assertNoViolations(page, "/staff/office", "Kein Zugang zu diesem Bereich");
    }

    @Test
    void staffSignInWithTheKeyboardAlone() {
        Page page = browser.newPage();
        page.navigate("/staff/login");

        tabTo(page, "#username");
        page.keyboard().type("t-nobody-" + UUID.randomUUID().toString().substring(0, 8));
        page.keyboard().press("Tab");
        page.keyboard().type("wrong password");
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
        assertThat(page.locator("#error-summary")).isFocused();
        assertThat(page.locator("#error-summary")).containsText("Anmeldung fehlgeschlagen");

        tabTo(page, "#username");
        page.keyboard().type(account());
        page.keyboard().press("Tab");
        page.keyboard().type(StaffLoginIntegrationTests.PASSWORD);
        page.waitForNavigation(() -> page.keyboard().press("Enter"));

        assertThat(page.locator("h1")).hasText("Mitarbeiterbereich");
        tabTo(page, "a[href='/staff/hotline']");
    }

    private void assertNoViolations(Page page, String path, String heading) {
        if (path != null) {
            page.navigate(path);
        }
        assertThat(page.locator("h1")).containsText(heading);
        List<PortalBrowser.Violation> violations = PortalBrowser.violations(page);
        assertThat(violations).as(page.url()).isEmpty();
    }

    private static void tabTo(Page page, String selector) {
        for (int i = 0; i < 20; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) page.locator(selector).evaluate("e => e === document.activeElement")) {
                return;
            }
        }
        throw new AssertionError(selector + " was not reached with 20 presses of Tab");
    }

    private String account() {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 13);
        admin.post(
                "/api/v1/admin/staff",
                obj("username", username, "password", StaffLoginIntegrationTests.PASSWORD, "role", "AGENT"));
        jdbc.sql("update staff_account set must_change_password = false where username = ?")
                .param(username)
                .update();
        return username;
    }
}
