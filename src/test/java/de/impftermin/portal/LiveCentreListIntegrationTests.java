package de.impftermin.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import de.impftermin.support.Api;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In 2021 a new centre appeared only after a browser restart: here it appears, and changes status, on the open page. */
@IntegrationTest
class LiveCentreListIntegrationTests {

    private static PortalBrowser browser;

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void setUp() {
        if (browser == null) {
            browser = new PortalBrowser(port);
        }
        api = Api.on(port);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void aNewCentreAndItsReleaseShowUpOnTheOpenPageWithoutAReload() {
        Page page = browser.newPage();
        page.navigate("/");
        page.evaluate("() => { window.stillTheSamePage = true; }");
        LocalDate day = TestCentre.day(9);

        TestCentre centre = TestCentre.create(api.asAdmin());

        LocatorAssertions.ContainsTextOptions patience = new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);
        assertThat(page.locator("#centre-" + centre.id())).containsText("zurzeit keine Termine", patience);

        centre.open(day, "09:00", "10:00", 1, 5)
                .open(day.plusDays(21), "09:00", "10:00", 1, 5)
                .deliver("comirnaty", 24, day.minusDays(1))
                .release("comirnaty", day, day, 12);

        assertThat(page.locator("#centre-" + centre.id())).containsText("Termine frei (12 Terminpaare)", patience);
        assertThat(page.evaluate("() => window.stillTheSamePage === true")).isEqualTo(true);
    }
}
