package de.impftermin.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The citizen's call-back request in the browser, from the start page to the status page, in German and in English,
 * with the keyboard-free path a phone user takes; every page, also with its form errors, passes the axe scan (WCAG 2.1
 * A/AA) without a single violation.
 */
@IntegrationTest
class CallBackPageIntegrationTests extends PortalTestSupport {

    private final List<String> violations = new ArrayList<>();

    @Test
    void aCitizenAsksForACallBackAndSeesTheirPositionInGerman() {
        Page page = browser.newPage();
        page.navigate("/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rückruf anfordern"))
                .click();
        scan(page, "call-back phone", "Wir rufen Sie zurück");
        click(page, "Code schicken");
        scan(page, "call-back phone with errors", "Wir rufen Sie zurück");
        String phone = Citizens.freshPhone();
        page.getByLabel("Ihre Handynummer").fill(phone);
        click(page, "Code schicken");
        scan(page, "call-back code", "Bitte geben Sie den Code ein");
        page.getByLabel("Code aus 6 Ziffern").fill(citizens.codeFromInbox(phone, Duration.ofSeconds(15)));
        click(page, "Bestätigen");
        scan(page, "call-back request", "Für wen sollen wir Termine suchen?");
        click(page, "Rückruf anfordern");
        scan(page, "call-back request with errors", "Für wen sollen wir Termine suchen?");
        page.getByLabel("Ihre Postleitzahl").fill("46282");
        page.getByLabel("2 Personen").check();
        click(page, "Rückruf anfordern");

        scan(page, "call-back status", "Wir rufen Sie zurück");
        assertThat(page.locator("dl.facts")).containsText("Ihre Position");
        assertThat(page.locator("main")).containsText("Für 2 Personen, Postleitzahl 46282");
        assertThat(count("select count(*) from call_back where phone = ? and status = 'QUEUED'", phone))
                .isEqualTo(1);
        page.navigate("/rueckruf");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/rueckruf/status$"));
        assertNoViolations();
    }

    @Test
    void aCitizenAsksForACallBackInEnglish() {
        Page page = browser.newPage();
        page.navigate("/rueckruf?lang=en");
        scan(page, "call-back phone (English)", "We will call you back");
        String phone = Citizens.freshPhone();
        page.getByLabel("Your mobile number").fill(phone);
        click(page, "Send code");
        scan(page, "call-back code (English)", "code");
        page.locator("#code").fill(citizens.codeFromInbox(phone, Duration.ofSeconds(15)));
        page.locator("main button[type=submit]").first().click();
        scan(page, "call-back request (English)", "Who should we find appointments for?");
        page.getByLabel("Your postal code").fill("4628");
        click(page, "Ask for a call-back");
        scan(page, "call-back request with errors (English)", "Who should we find appointments for?");
        page.getByLabel("Your postal code").fill("46282");
        page.getByLabel("1 person").check();
        click(page, "Ask for a call-back");

        scan(page, "call-back status (English)", "We will call you back");
        assertThat(page.locator("dl.facts")).containsText("Your place in the queue");
        assertNoViolations();
    }

    private static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click();
    }

    private void scan(Page page, String name, String heading) {
        assertThat(page.locator("h1")).containsText(heading);
        PortalBrowser.screenshot(page, name.replace(' ', '-').replace("(", "").replace(")", ""));
        PortalBrowser.violations(page).forEach(v -> violations.add(name + ": " + v.text()));
    }

    private void assertNoViolations() {
        assertThat(violations).as("axe violations").isEmpty();
    }
}
