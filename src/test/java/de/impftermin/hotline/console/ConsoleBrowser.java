package de.impftermin.hotline.console;

import com.microsoft.playwright.Page;
import de.impftermin.portal.PortalBrowser;
import java.util.List;

/**
 * Headless Chromium for the console's browser tests, the portal's {@link PortalBrowser} (the Debian package, no download):
 * a desktop-sized page per staff member, screenshots ({@code -Dscreenshots=docs} refreshes the committed ones in
 * {@code docs/screenshots/}, otherwise {@code target/screenshots/}) and axe-core scans (WCAG 2.1 A and AA), and a
 * keyboard that counts every key it presses; staff sign in on the sign-in page, with the keyboard.
 */
final class ConsoleBrowser implements AutoCloseable {

    private final PortalBrowser browser;

    ConsoleBrowser(int port) {
        this.browser = new PortalBrowser(port);
    }

    /** A fresh browser (own cookies and session) on a desktop, German unless switched. */
    Page newPage() {
        return browser.newPage(1280, 900);
    }

    /**
     * Signs in on the staff sign-in page with the keyboard ({@code keys} counts it) and lands on {@code path}, where
     * the staff chain sends the browser back after the sign-in.
     */
    static void signIn(Page page, Keys keys, String path, String username, String password) {
        page.navigate(path);
        page.waitForURL(url -> url.contains("/staff/login"));
        page.locator("#username").focus();
        keys.type(username).press("Tab").type(password).press("Enter");
        page.waitForURL(url -> url.contains(path) && !url.contains("/staff/login"));
    }

    static void screenshot(Page page, String name) {
        PortalBrowser.screenshot(page, "hotline-" + name);
    }

    /** Every WCAG 2.1 A/AA violation axe finds on the page as it is now, one line each. */
    static List<String> violations(Page page) {
        return PortalBrowser.violations(page).stream()
                .map(PortalBrowser.Violation::text)
                .toList();
    }

    /** The keyboard of a page, counting key presses: a typed text counts one per character. */
    static final class Keys {

        private final Page page;
        private int presses;
        private int typed;

        Keys(Page page) {
            this.page = page;
        }

        Keys press(String key) {
            page.keyboard().press(key);
            presses++;
            return this;
        }

        Keys press(String key, int times) {
            for (int i = 0; i < times; i++) {
                press(key);
            }
            return this;
        }

        Keys type(String text) {
            page.keyboard().type(text);
            presses += text.length();
            typed += text.length();
            return this;
        }

        int presses() {
            return presses;
        }

        /** How many of the presses were typed characters. */
        int typed() {
            return typed;
        }
    }

    @Override
    public void close() {
        browser.close();
    }
}
