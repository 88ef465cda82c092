package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import de.impftermin.portal.PortalBrowser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page a browser gets when the overload protection turns it away must be as accessible as every portal page. */
class OverloadPageIntegrationTests {

    @Test
    void theOverloadPagePassesTheAxeScanWithoutSeriousViolations() {
        try (PortalBrowser browser = new PortalBrowser(0)) {
            Page page = browser.newPage();
            page.setContent(OverloadProtection.page(7));

            List<PortalBrowser.Violation> violations = PortalBrowser.violations(page);

            System.out.println("axe overload page: " + violations);
            assertThat(violations.stream().filter(PortalBrowser.Violation::serious))
                    .isEmpty();
            assertThat(page.locator("h1").innerText()).contains("Gerade");
            assertThat(page.content()).contains("7 Sekunden");
        }
    }
}
