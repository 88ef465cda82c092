package de.impftermin.operations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import de.impftermin.portal.PortalBrowser;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The centre console in a real browser: an operator signs in (changing the first password), opens the day list,
 * checks a person in and marks another as not come, with the keyboard-reachable POST forms; axe finds no violation in
 * German or English; an operator of another centre is refused.
 */
@IntegrationTest
class CentreDayConsoleIntegrationTests extends ApiTestSupport {

    private static PortalBrowser browser;
    private final LocalDate day = TestCentre.day(5);

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

    @Test
    void anOperatorChecksAPersonInAndMarksANoShowFromTheDayList() {
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        String erna = "Müller " + Person.unique().lastName();
        String karl = "Groß, von " + Person.unique().lastName();
        CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:00", Person.of("Erna", erna, "1941-05-03"));
        CentreDaySupport.bookByPhone(admin, centre.id(), day, "09:30", Person.of("Karl", karl, "1939-11-30"));
        String operator = operator(centre.id());
        Page page = browser.newPage();

        signIn(page, operator);
        page.navigate("/staff/centre");
        assertThat(page.locator("h1")).containsText("Impfzentrum");
        assertNoViolations(page);
        PortalBrowser.screenshot(page, "centre-console-centres");
        page.locator("a", new Page.LocatorOptions().setHasText("Testzentrum " + centre.id()))
                .click();
        page.navigate("/staff/centre/" + centre.id() + "?date=" + day);
        assertThat(page.locator("h1")).containsText("Tagesliste");
        assertThat(page.locator("table.day-list tbody tr")).hasCount(2);
        assertNoViolations(page);

        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Erna " + erna + " einchecken"))
                .click();
        assertThat(page.locator("[role=status]")).containsText("Erna " + erna + ": eingecheckt");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Karl " + karl + " als nicht erschienen eintragen"))
                .click();
        assertThat(page.locator("[role=status]")).containsText("nicht erschienen");
        assertNoViolations(page);
        PortalBrowser.screenshot(page, "centre-console-day-list");

        page.locator("a", new Page.LocatorOptions().setHasText("Wochen und Impfstoff planen"))
                .click();
        assertThat(page.locator("h1")).containsText("Planung");
        // Karl's missed 1st dose gave his 2nd dose back to the ledger
        assertThat(page.locator("#ledger"))
                .containsText("24 Dosen geliefert, 23 für freigegebene Termine zugesagt, 1 übrig");
        page.locator("#day-date").fill(day.plusDays(1).toString());
        page.locator("#lanes").fill("2");
        page.locator("#add-day-title + form button[type=submit]").click();
        assertThat(page.locator("[role=status]")).containsText("Öffnungstag ist eingetragen");
        assertThat(page.locator("table.day-list")).containsText("08:00–20:00 Uhr, 2 Impfstraßen");
        page.locator("#doses").fill("1200");
        page.locator("#arrives").fill(day.toString());
        page.locator("#ledger form button[type=submit]").click();
        assertThat(page.locator("#ledger")).containsText("1.224 Dosen geliefert");
        assertNoViolations(page);
        PortalBrowser.screenshot(page, "centre-console-plan");
        page.navigate("/staff/centre/" + centre.id() + "/plan?week=" + day + "&lang=en");
        assertNoViolations(page);
        page.navigate("/staff/centre/" + centre.id() + "?date=" + day + "&lang=de");

        page.locator("#q").fill(karl.substring(0, 14));
        page.locator("form[role=search] button[type=submit]").click();
        assertThat(page.locator("table.day-list tbody tr")).hasCount(1);

        page.navigate("/staff/centre/" + centre.id() + "?date=" + day + "&print");
        assertThat(page.locator("table.day-list tbody tr")).hasCount(2);
        assertThat(page.locator("table.day-list button")).hasCount(0);
        PortalBrowser.screenshot(page, "centre-console-print");

        page.navigate("/staff/centre/" + centre.id() + "?date=" + day + "&lang=en");
        assertThat(page.locator("h1")).containsText("Day list");
        assertNoViolations(page);
        page.locator("#reason").fill("Delivery failed");
        page.locator("#reason").press("Enter");
        assertThat(page.locator("h1")).containsText("Cancel a day");
        assertThat(page.locator("main")).containsText("2 bookings with 2 people");
        assertNoViolations(page);
        PortalBrowser.screenshot(page, "centre-console-cancel-preview");

        List<String> statuses = admin.get("/api/v1/admin/centres/" + centre.id() + "/days/" + day + "/appointments")
                .json()
                .valueStream()
                .map(e -> e.path("lastName").asString() + "=" + e.path("status").asString())
                .toList();
        assertThat(statuses).containsExactly(erna + "=CHECKED_IN", karl + "=NO_SHOW");
    }

    @Test
    void anOperatorOfAnotherCentreIsRefusedOnThisCentresPages() {
        TestCentre centre = TestCentre.bookable(admin, day, 12);
        TestCentre other = TestCentre.create(admin);
        Page page = browser.newPage();
        signIn(page, operator(other.id()));

        var response = page.navigate("/staff/centre/" + centre.id() + "?date=" + day);

        assertThat(response.status()).isEqualTo(403);
        page.navigate("/staff/centre");
        assertThat(page.locator("main")).not().containsText(centre.id());
    }

    private void signIn(Page page, String username) {
        page.navigate("/staff/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(CentreDaySupport.PASSWORD);
        page.locator("button[type=submit]").click();
        if (page.url().endsWith("/staff/password")) {
            String fresh =
                    "ein neues langes Passwort " + UUID.randomUUID().toString().substring(0, 6);
            page.locator("#currentPassword").fill(CentreDaySupport.PASSWORD);
            page.locator("#newPassword").fill(fresh);
            page.locator("#confirmation").fill(fresh);
            page.locator("main button[type=submit]").click();
        }
        assertThat(page.locator("h1")).containsText("Mitarbeiterbereich");
    }

    private String operator(String centreId) {
        String username = "op-" + UUID.randomUUID().toString().substring(0, 12);
        admin.post(
                "/api/v1/admin/staff",
                obj(
                        "username",
                        username,
                        "password",
                        CentreDaySupport.PASSWORD,
                        "role",
                        "OPERATOR",
                        "centreIds",
                        List.of(centreId)));
        return username;
    }

    private static void assertNoViolations(Page page) {
        assertThat(PortalBrowser.violations(page)).as(page.url()).isEmpty();
    }
}
