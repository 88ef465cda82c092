package de.impftermin.portal;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

/**
 * Headless Chromium from the Debian package (no browser download), driven by Playwright, with helpers for
 * screenshots of the main pages (see {@link #SCREENSHOTS}) and axe-core accessibility scans (WCAG 2.1 A and AA).
 */
public final class PortalBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    /**
     * Screenshots go to {@code target/screenshots/} on every run; {@code -Dscreenshots=docs} refreshes the committed
     * ones in {@code docs/screenshots/}, so that an ordinary test run leaves the working tree clean.
     */
    private static final Path SCREENSHOTS = "docs".equals(System.getProperty("screenshots"))
            ? Paths.get("docs", "screenshots")
            : Paths.get("target", "screenshots");

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private final Playwright playwright;
    private final Browser browser;
    final String baseUrl;

    public PortalBrowser(int port) {
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

    /** A fresh browser (own cookies), German unless the page is switched, on a phone-sized or desktop viewport. */
    public Page newPage() {
        return newPage(1100, 900);
    }

    /** A fresh browser (own cookies), German unless the page is switched, with a viewport of this size. */
    public Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setLocale("de-DE")
                .setTimezoneId("Europe/Berlin")
                .setViewportSize(width, height));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /** One axe finding: its impact and a line naming the rule and where it was found. */
    public record Violation(String impact, String text) {
        public boolean serious() {
            return BLOCKING.contains(impact);
        }
    }

    /** Every WCAG 2.1 A/AA violation axe finds on the page as it is now. */
    public static List<Violation> violations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
        return results.getViolations().stream()
                .map(rule -> new Violation(String.valueOf(rule.getImpact()), describe(rule)))
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .limit(3)
                        .toList();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
