package de.impftermin.portal;

import de.impftermin.support.ApiTestSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the browser tests share: everything of {@link ApiTestSupport} plus one headless Chromium per test class,
 * started before the first test and closed after the last.
 */
abstract class PortalTestSupport extends ApiTestSupport {

    protected static @Nullable PortalBrowser browser;

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = new PortalBrowser(port);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
