package de.impftermin.hotline.console;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Headless Chromium for the console's browser tests, as the portal's tests drive it (the Debian package, no download):
 * a desktop-sized page per staff member, screenshots ({@code -Dscreenshots=docs} refreshes the committed ones in
 * {@code docs/screenshots/}, otherwise {@code target/screenshots/}) and axe-core scans (WCAG 2.1 A and AA), and a
 * keyboard that counts every key it presses; staff sign in on the sign-in page, with the keyboard.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = "docs".equals(System.getProperty("screenshots"))
            ? Paths.get("docs", "screenshots")
            : Paths.get("target", "screenshots");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final Playwright playwright;
    private final Browser browser;
    private final String baseUrl;

    ConsoleBrowser(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.playwright = Playwright.create();
        this.browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** A fresh browser (own cookies and session) on a desktop, German unless switched. */
    Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setLocale("de-DE")
                .setTimezoneId("Europe/Berlin")
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        return context.newPage();
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
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("hotline-" + name + ".png"))
                .setFullPage(true));
    }

    /** Every WCAG 2.1 A/AA violation axe finds on the page as it is now, one line each. */
    static List<String> violations(Page page) {
        return new AxeBuilder(page)
                .withTags(WCAG).analyze().getViolations().stream()
                        .map(ConsoleBrowser::describe)
                        .toList();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .limit(3)
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
        playwright.close();
    }
}
