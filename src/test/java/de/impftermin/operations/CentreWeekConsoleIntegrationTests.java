package de.impftermin.operations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.impftermin.portal.PortalBrowser;
import de.impftermin.shared.BerlinTime;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A centre's week from the console alone, in a real browser: an operator signs in, adds a week of opening days and
 * copies it three weeks on (for the 2nd doses), books a delivery, previews a phone release that spills online and
 * schedules it for 08:00 tomorrow, pauses it, and tries a change of an opening day that would remove a booked seat.
 * Every new page has no axe violation in German or English; an operator of another centre gets 403 on them.
 */
@IntegrationTest
class CentreWeekConsoleIntegrationTests extends ApiTestSupport {

    private static PortalBrowser browser;
    private final LocalDate monday = TestCentre.day(100).with(DayOfWeek.MONDAY);
    private final LocalDate friday = monday.plusDays(4);

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
    void anOperatorPlansAWeekAndSchedulesAndPausesAReleaseFromTheConsoleAlone() {
        TestCentre centre = TestCentre.create(admin);
        Page page = browser.newPage();
        signIn(page, operator(centre.id()));

        page.navigate("/staff/centre/" + centre.id() + "/plan?week=" + monday);
        for (int d = 0; d < 5; d++) {
            page.locator("#day-date").fill(monday.plusDays(d).toString());
            page.locator("#opens").fill("08:00");
            page.locator("#closes").fill("12:00");
            page.locator("#lanes").fill("2");
            page.locator("#slotMinutes").fill("10");
            page.locator("#add-day-title + form button[type=submit]").click();
            assertThat(page.locator("[role=status]")).containsText("Öffnungstag ist eingetragen");
        }
        assertThat(page.locator("table.day-list tbody")).containsText("08:00–12:00 Uhr, 2 Impfstraßen");
        page.locator("#copy-to").fill(monday.plusWeeks(3).toString());
        page.locator("#copy-week-title + form button[type=submit]").click();
        assertThat(page.locator("[role=status]")).containsText("5 Öffnungstage sind kopiert");
        assertThat(page.locator("#week-title")).containsText(date(monday.plusWeeks(3)));
        page.locator("#doses").fill("500");
        page.locator("#arrives").fill(monday.minusDays(1).toString());
        page.locator("#ledger form button[type=submit]").click();
        assertThat(page.locator("#ledger")).containsText("500 Dosen geliefert");
        assertNoViolations(page);
        PortalBrowser.screenshot(page, "centre-console-week-copied");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Freigaben"))
                .first()
                .click();
        assertThat(page.locator("h1")).containsText("Freigaben");
        assertNoViolations(page);
        fillRelease(page);
        page.locator("#new-title ~ form button[type=submit]").click();
        assertThat(page.locator("h1")).containsText("Vorschau der Freigabe");
        assertThat(page.locator("main")).containsText("200 Terminserien (200 gewünscht)");
        assertThat(page.locator("main"))
                .containsText("400 Dosen Comirnaty (BioNTech) aus dem Bestand: 500 sind verfügbar");
        assertThat(page.locator("#second-title")).isVisible();
        assertThat(page.locator("main")).containsText("Postleitzahlen: 46");
        assertThat(count("select count(*) from release where centre_id = ?", centre.id()))
                .isZero();
        assertNoViolations(page);
        PortalBrowser.screenshot(page, "centre-console-release-preview");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Freigabe planen"))
                .click();
        assertThat(page.locator("[role=status]")).containsText("Die Freigabe ist geplant: 200 Terminserien");
        assertThat(page.locator("table.day-list tbody")).containsText("geplant");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions()
                                .setName("Freigabe ab " + date(monday) + " (Comirnaty (BioNTech)) pausieren"))
                .click();
        assertThat(page.locator("[role=status]")).containsText("Die Freigabe ist pausiert");
        assertThat(page.locator("table.day-list tbody")).containsText("pausiert");
        assertNoViolations(page);
        PortalBrowser.screenshot(page, "centre-console-releases");
        assertThat(jdbc.sql("select paused_at is not null and channel = 'PHONE' and spill_at is not null from release"
                                + " where centre_id = ?")
                        .param(centre.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();

        // the same pages in English: the list, and a second preview through the form
        page.navigate("/staff/centre/" + centre.id() + "/releases?lang=en");
        assertThat(page.locator("h1")).containsText("Releases");
        assertNoViolations(page);
        fillRelease(page);
        page.locator("#new-title ~ form button[type=submit]").click();
        assertThat(page.locator("h1")).containsText("Preview of the release");
        assertNoViolations(page);
        page.navigate("/staff/centre/" + centre.id() + "/plan?week=" + monday + "&lang=en");
        assertNoViolations(page);

        // a booking early on Friday stands in the way of opening Friday at 10:00 only
        String code = bookFriday(centre);
        page.navigate("/staff/centre/" + centre.id() + "/plan?week=" + monday + "&lang=de");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(weekday(friday) + " ändern"))
                .click();
        assertThat(page.locator("h1")).containsText("Öffnungstag " + date(friday) + " ändern");
        assertNoViolations(page);
        page.locator("#opens").fill("10:00");
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("#refusal")).containsText("Eine Buchung hat einen Termin auf Plätzen");
        assertThat(page.locator("table.day-list")).containsText(code);
        assertNoViolations(page);
        PortalBrowser.screenshot(page, "centre-console-opening-day-refused");
        assertThat(jdbc.sql("select opens::text from opening_day where centre_id = ? and day = ?")
                        .params(centre.id(), friday)
                        .query(String.class)
                        .single())
                .isEqualTo("08:00:00");
        page.navigate("/staff/centre/" + centre.id() + "/opening-days/" + friday + "?lang=en");
        page.locator("#opens").fill("10:00");
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("#refusal")).containsText("One booking has an appointment");
        assertNoViolations(page);
    }

    @Test
    void anOperatorOfAnotherCentreGets403OnTheNewPages() {
        TestCentre centre = TestCentre.create(admin).open(monday, "08:00", "12:00", 1, 10);
        TestCentre other = TestCentre.create(admin);
        Page page = browser.newPage();
        signIn(page, operator(other.id()));

        for (String path : List.of(
                "/staff/centre/" + centre.id() + "/releases",
                "/staff/centre/" + centre.id() + "/opening-days/" + monday)) {
            assertThat(page.navigate(path).status()).as(path).isEqualTo(403);
        }
    }

    private void fillRelease(Page page) {
        page.locator("#vaccine").selectOption("COMIRNATY");
        page.locator("#firstDoseFrom").fill(monday.toString());
        page.locator("#firstDoseTo").fill(friday.toString());
        page.locator("#series").fill("200");
        LocalDate tomorrow = LocalDate.now(BerlinTime.ZONE).plusDays(1);
        page.locator("#opensOn").fill(tomorrow.toString());
        page.locator("#opensAt").fill("08:00");
        page.locator("input[name=channel][value=PHONE]").check();
        page.locator("#spillOn").fill(tomorrow.plusDays(1).toString());
        page.locator("#spillAt").fill("08:00");
        page.locator("#bornOnOrBefore").fill("1961-12-31");
        page.locator("#postalCodes").fill("46");
    }

    /** A small online release on Friday through the API, open now, and a booking in it (before 10:00). */
    private String bookFriday(TestCentre centre) {
        Map<String, Object> body = centre.releaseBody("comirnaty", friday, friday, 10);
        body.put("opensAt", OffsetDateTime.now(BerlinTime.ZONE).minusMinutes(1).toString());
        TestCentre.expect(centre.tryRelease(body), 201, "release on Friday");
        ApiResponse booked = CentreDaySupport.bookByPhone(admin, centre.id(), friday, "09:00", Person.unique());
        TestCentre.expect(booked, 201, "book on Friday");
        return booked.json().path("code").asString();
    }

    private static String date(LocalDate day) {
        return String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    private static String weekday(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.GERMAN) + ", "
                + date(day);
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
        TestCentre.expect(
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
                                List.of(centreId))),
                201,
                "create operator");
        return username;
    }

    private static void assertNoViolations(Page page) {
        assertThat(PortalBrowser.violations(page)).as(page.url()).isEmpty();
    }
}
