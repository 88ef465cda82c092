package de.impftermin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import de.impftermin.support.Api;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy in a real browser: Chromium reports every script, style, image or form it refused
 * ({@code securitypolicyviolation} events and console errors). The portal's booking journey from the start page to
 * the confirmation and the managed booking, the portal's other pages, and every console page linked from the state
 * office's pages, signed in as an administrator: not one refusal, so the policy breaks nothing a person uses.
 */
@IntegrationTest
class ContentSecurityPolicyBrowserIntegrationTests extends PortalTestSupport {

    private static final String RECORD_VIOLATIONS = """
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile
                    + ':' + e.lineNumber));
            """;

    private final List<String> violations = new ArrayList<>();
    private final Set<String> visited = new LinkedHashSet<>();

    @Test
    void theMainPagesRunWithoutASingleContentSecurityPolicyViolation() {
        LocalDate day = TestCentre.day(4);
        TestCentre centre = TestCentre.bookable(api.asAdmin(), day, 12);
        Page page = watched(browser.newPage());

        for (String path : List.of("/", "/?lang=en", "/?lang=de", "/manage", "/rueckruf", "/warteliste")) {
            visit(page, path);
        }
        String code = new PortalJourney(page, citizens)
                .checkEligibility(LocalDate.of(1941, 5, 3))
                .verifyBySms(Citizens.freshPhone())
                .choose(centre.id(), day)
                .book("Erna", "Policy");
        collect(page);
        visit(page, "/manage");
        page.locator("#code").fill(code);
        page.locator("#birthDate").fill("03.05.1941");
        page.locator("main form button[type=submit]").first().click();
        collect(page);
        visit(page, "/manage/cancel");

        Page console = watched(browser.newPage());
        visit(console, "/staff/login");
        console.locator("#username").fill(Api.ADMIN_USER);
        console.locator("#password").fill(Api.ADMIN_PASSWORD);
        console.waitForNavigation(
                () -> console.locator("main button[type=submit]").click());
        collect(console);
        for (String start : List.of("/staff", "/staff/office", "/staff/hotline", "/staff/centre")) {
            visit(console, start);
            for (String link : consoleLinks(console)) {
                visit(console, link);
            }
        }

        assertThat(visited).hasSizeGreaterThan(20);
        assertThat(violations).as("visited " + visited).isEmpty();
    }

    private Page watched(Page page) {
        page.context().addInitScript(RECORD_VIOLATIONS);
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(page.url() + ": " + message.text());
            }
        });
        return page;
    }

    private void visit(Page page, String path) {
        try {
            page.navigate(path);
        } catch (PlaywrightException e) {
            if (e.getMessage().contains("Download is starting")) {
                return; // a CSV or calendar file, not a page
            }
            throw e;
        }
        collect(page);
    }

    private void collect(Page page) {
        page.waitForLoadState();
        page.waitForTimeout(100);
        visited.add(page.url());
        Object found = page.evaluate("() => window.__csp || []");
        if (found instanceof List<?> list) {
            list.forEach(v -> violations.add(page.url() + ": " + v));
        }
    }

    /** The console pages a page links to: same origin, under /staff, no downloads, no sign-out. */
    @SuppressWarnings("unchecked")
    private List<String> consoleLinks(Page page) {
        List<String> hrefs = (List<String>)
                page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))");
        return hrefs.stream()
                .filter(h -> h.startsWith("/staff/") && !h.contains("logout") && !h.contains(".csv"))
                .filter(h -> !h.contains("/csv") && !h.contains("download") && !h.contains("lang="))
                .filter(h -> visited.stream().noneMatch(v -> v.endsWith(h)))
                .distinct()
                .limit(25)
                .toList();
    }
}
