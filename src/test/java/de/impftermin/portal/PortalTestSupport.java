package de.impftermin.portal;

import de.impftermin.support.ApiTestSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the browser tests share (portal, staff consoles): everything of {@link ApiTestSupport} plus one headless
 * Chromium per test class, started before the first test and closed after the last.
 */
public abstract class PortalTestSupport extends ApiTestSupport {

    protected static @Nullable PortalBrowser browser;

    @BeforeEach
    protected void startBrowser() {
        if (browser == null) {
            browser = new PortalBrowser(port);
        }
    }

    @AfterAll
    protected static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
