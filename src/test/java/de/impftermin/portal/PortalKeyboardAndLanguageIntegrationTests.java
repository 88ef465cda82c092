package de.impftermin.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.TestCentre;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A booking with the keyboard alone, and the language switch that every page has and that is remembered. */
@IntegrationTest
class PortalKeyboardAndLanguageIntegrationTests extends PortalTestSupport {

    private final LocalDate day = TestCentre.day(7);

    @Test
    void theWholeBookingWorksWithTheKeyboardAloneWithAVisibleFocus() {
        TestCentre centre = TestCentre.bookable(api.asAdmin(), day, 12);
        Page page = browser.newPage();
        page.navigate("/");

        tabTo(page, "a.skip-link");
        tabTo(page, "main a.button[href='/eligibility']");
        enter(page);
        assertThat(page.locator("h1")).hasText("Wer möchte sich impfen lassen?");
        tabTo(page, "#birthDate0");
        page.keyboard().type("03.05.1941");
        page.keyboard().press("Tab");
        assertThat(page.locator("#postalCode0")).isFocused();
        page.keyboard().type("46282");
        tabTo(page, "button[type=submit]");
        enter(page);
        tabTo(page, "main a.button");
        enter(page);

        assertThat(page.locator("h1")).hasText("Wie erreichen wir Sie?");
        tabTo(page, "#channel-sms");
        page.keyboard().press("Space");
        String phone = Citizens.freshPhone();
        tabTo(page, "#address");
        page.keyboard().type(phone);
        enter(page);
        String code = citizens.codeFromInbox(phone, Duration.ofSeconds(15));
        tabTo(page, "#code");
        page.keyboard().type(code);
        enter(page);

        assertThat(page.locator("h1")).hasText("Impfzentrum wählen");
        tabTo(page, "a[href='/appointments/" + centre.id() + "']", 400);
        enter(page);
        tabTo(page, "a[href='/appointments/" + centre.id() + "/" + day + "']");
        enter(page);
        tabTo(page, "input[name=time]");
        page.keyboard().press("Space");
        tabTo(page, "button[type=submit]");
        enter(page);

        assertThat(page.locator("h1")).hasText("Ihre Angaben");
        tabTo(page, "#firstName0");
        page.keyboard().type("Erna");
        page.keyboard().press("Tab");
        assertThat(page.locator("#lastName0")).isFocused();
        page.keyboard().type("Tastatur" + phone.substring(7));
        tabTo(page, "button[type=submit]");
        enter(page);

        assertThat(page.locator("h1")).hasText("Ihre Termine sind gebucht");
    }

    @Test
    void everyPageSwitchesToEnglishAndBackAndRemembersTheChoice() {
        Page page = browser.newPage();
        page.navigate("/");
        assertThat(page.locator("html")).hasAttribute("lang", "de");

        page.getByText("English").click();

        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("h1")).hasText("Vaccination appointments near you");
        for (String path : new String[] {"/eligibility", "/manage", "/gibt-es-nicht"}) {
            page.navigate(path);
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("a.language-switch")).hasText("Deutsch");
        }
        page.navigate("/manage");
        assertThat(page.locator("h1")).hasText("View, change or cancel a booking");

        page.getByText("Deutsch").click();

        assertThat(page.locator("h1")).hasText("Buchung ansehen, umbuchen oder absagen");
        page.navigate("/eligibility");
        assertThat(page.locator("h1")).hasText("Wer möchte sich impfen lassen?");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prüfen"))
                .click(); // a page that answers a form has no address of its own
        assertThat(page.locator("#error-summary")).isVisible();
        page.getByText("English").click();
        assertThat(page.locator("h1")).hasText("Who wants to be vaccinated?");
    }

    /** Presses Enter on the focused element and waits for the page it leads to. */
    private static void enter(Page page) {
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
    }

    private static void tabTo(Page page, String selector) {
        tabTo(page, selector, 60);
    }

    /** Presses Tab until the element has the focus, which proves it is reachable in the focus order. */
    private static void tabTo(Page page, String selector, int maxTabs) {
        for (int i = 0; i < maxTabs; i++) {
            page.keyboard().press("Tab");
            Object reached =
                    page.evaluate("s => document.activeElement != null && document.activeElement.matches(s)", selector);
            if (Boolean.TRUE.equals(reached)) {
                Object outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle");
                assertThat(outline).as("visible focus on " + selector).isNotEqualTo("none");
                return;
            }
        }
        throw new AssertionError(selector + " was not reached with " + maxTabs + " presses of Tab");
    }
}
