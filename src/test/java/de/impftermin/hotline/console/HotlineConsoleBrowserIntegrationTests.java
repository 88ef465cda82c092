package de.impftermin.hotline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hotline console in Chromium: an agent books a couple with the keyboard alone (the key presses are counted and
 * printed), finds the booking by name and cancels it; the printable letter; axe-core finds no WCAG 2.1 A/AA violation
 * on any console page, in German and in English; a centre operator is refused.
 */
@IntegrationTest
class HotlineConsoleBrowserIntegrationTests extends ApiTestSupport {

    private static final String PASSWORD = "a long hotline passphrase 2022";
    private static ConsoleBrowser browser;

    private final LocalDate day = TestCentre.day(11);
    private final String county = "Hotlinekreis-" + TestCentre.freshId();
    private final Map<String, List<String>> violations = new LinkedHashMap<>();
    private String agent;

    @BeforeEach
    void anAgentAndACentreWithPhoneAndOnlineContingents() {
        if (browser == null) {
            browser = new ConsoleBrowser(port);
        }
        agent = staff("AGENT");
        String id = TestCentre.freshId();
        assertThat(admin.post(
                                "/api/v1/admin/centres",
                                obj(
                                        "id",
                                        id,
                                        "name",
                                        "Impfzentrum " + county,
                                        "county",
                                        county,
                                        "postalCode",
                                        "46282",
                                        "address",
                                        "Am Markt 1",
                                        "phoneOnly",
                                        false))
                        .status())
                .isEqualTo(201);
        TestCentre centre = TestCentre.existing(admin, id)
                .open(day, "09:00", "12:00", 2, 10)
                .open(day.plusDays(21), "09:00", "12:00", 2, 10)
                .deliver("comirnaty", 200, day.minusDays(1));
        for (String channel : List.of("PHONE", "ONLINE")) {
            Map<String, Object> release = centre.releaseBody("comirnaty", day, day, 12);
            release.put("channel", channel);
            assertThat(centre.tryRelease(release).status()).isEqualTo(201);
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
    void anAgentSignsInBooksACoupleByKeyboardAloneFindsTheBookingByNameAndCancelsIt() {
        Page page = browser.newPage();
        ConsoleBrowser.Keys keys = new ConsoleBrowser.Keys(page);
        ConsoleBrowser.signIn(page, keys, "/staff/hotline", agent, PASSWORD);
        int signIn = keys.presses();
        int signInTyped = keys.typed();
        String lastName = "Tastatur" + UUID.randomUUID().toString().substring(0, 6);

        int presses = journey(page, keys, "de", lastName, true) - signIn;
        int typed = keys.typed() - signInTyped;

        System.out.println("Keyboard only: sign-in " + signIn + " key presses; a couple searched, held, booked, the"
                + " letter opened, found by name and cancelled: " + presses + " key presses (" + typed
                + " typed characters, " + (presses - typed) + " other keys)");
        assertThat(presses).isLessThan(200);
        assertThat(violations)
                .as("axe violations per page")
                .allSatisfy((name, found) -> assertThat(found).as(name).isEmpty());
    }

    @Test
    void everyConsolePageInEnglishPassesTheAxeScan() {
        Page page = browser.newPage();
        ConsoleBrowser.Keys keys = new ConsoleBrowser.Keys(page);
        ConsoleBrowser.signIn(page, keys, "/staff/hotline", agent, PASSWORD);
        page.navigate("/staff/hotline?lang=en");
        assertThat(page.locator("h1")).hasText("Appointments for callers");

        journey(page, keys, "en", "Keyboard" + UUID.randomUUID().toString().substring(0, 6), false);

        assertThat(violations)
                .allSatisfy((name, found) -> assertThat(found).as(name).isEmpty());
    }

    @Test
    void formErrorsAreSummedUpAndPassTheAxeScanInBothLanguages() {
        Page page = browser.newPage();
        ConsoleBrowser.signIn(page, new ConsoleBrowser.Keys(page), "/staff/hotline", agent, PASSWORD);
        for (String lang : List.of("de", "en")) {
            page.navigate("/staff/hotline?lang=" + lang);
            page.locator("#persons0-birthDate").fill("31.02.1941");
            page.locator("form.caller-card button[type=submit]").click();
            assertThat(page.locator("#error-summary")).isFocused();
            scan(page, "search with errors (" + lang + ")", lang.equals("de") ? "2b-errors" : null);
            page.navigate("/staff/hotline/find?lang=" + lang);
            page.locator("form[action$='/find/name'] button[type=submit]").click();
            assertThat(page.locator("#error-summary")).isVisible();
            scan(page, "find with errors (" + lang + ")", null);
        }
        assertThat(violations)
                .allSatisfy((name, found) -> assertThat(found).as(name).isEmpty());
    }

    @Test
    void aCallerIsPutOnTheWaitlistByKeyboardAndThePagesPassTheAxeScanInBothLanguages() {
        Page page = browser.newPage();
        ConsoleBrowser.Keys keys = new ConsoleBrowser.Keys(page);
        ConsoleBrowser.signIn(page, keys, "/staff/hotline", agent, PASSWORD);
        for (String lang : List.of("de", "en")) {
            page.navigate("/staff/hotline?lang=" + lang);
            keys.press("Alt+s").press("ArrowDown"); // a household of two
            keys.press("Tab").type("04061938").press("Tab").type("46282");
            keys.press("Tab").type("05071937").press("Tab").type("46282");
            keys.press("Tab").type(ConsoleDates.show(day));
            keys.press("Tab", 3).type(county).press("Enter");
            assertThat(page.locator("#results")).isFocused();

            keys.press("Alt+w");
            assertThat(page.locator("form[action$='/staff/hotline/waitlist']")).isVisible();
            scan(page, "waitlist (" + lang + ")", lang.equals("de") ? "9-waitlist" : null);
            keys.press("Alt+w");
            assertThat(page.locator("#error-summary")).isFocused();
            scan(page, "waitlist with errors (" + lang + ")", null);

            page.locator("#names0-firstName").focus();
            keys.type("Anna").press("Tab").type("Warte" + lang);
            keys.press("Tab").type("Otto").press("Tab").type("Warte" + lang);
            page.locator("input[name=centreIds]").first().focus();
            keys.press("Space");
            page.locator("#phone").focus();
            keys.type("0170 5550" + (lang.equals("de") ? "101" : "202"));
            keys.press("Alt+w");

            assertThat(page.locator("h1")).hasText(lang.equals("de") ? "Auf der Warteliste" : "On the waitlist");
            scan(page, "waitlisted (" + lang + ")", lang.equals("de") ? "10-waitlisted" : null);
            keys.press("Alt+a");
            assertThat(page.locator("form.caller-card")).isVisible();
        }
        assertThat(violations)
                .allSatisfy((name, found) -> assertThat(found).as(name).isEmpty());
    }

    @Test
    void anAgentBooksACallerWithTheInvitationCodeFromTheLetter() {
        LocalDate invitedDay = TestCentre.day(19);
        TestCentre centre = TestCentre.create(admin)
                .open(invitedDay, "09:00", "10:00", 1, 10)
                .open(invitedDay.plusDays(21), "09:00", "10:00", 1, 10)
                .deliver("comirnaty", 20, invitedDay.minusDays(1));
        Map<String, Object> release = centre.releaseBody("comirnaty", invitedDay, invitedDay, 6);
        release.put("channel", "INVITATION");
        long releaseId = centre.tryRelease(release).json().path("id").asLong();
        String code = admin.post(
                        "/api/v1/admin/releases/" + releaseId + "/invitations", obj("count", 1, "householdSize", 1))
                .json()
                .path("codes")
                .get(0)
                .asString();
        Page page = browser.newPage();
        ConsoleBrowser.signIn(page, new ConsoleBrowser.Keys(page), "/staff/hotline", agent, PASSWORD);

        for (String lang : List.of("en", "de")) {
            page.navigate("/staff/hotline?lang=" + lang);
            page.locator("#persons0-birthDate").fill("07.08.1944");
            page.locator("#persons0-postalCode").fill("46282");
            page.locator("#day").fill(ConsoleDates.show(invitedDay));
            page.locator("#invitationCode").fill("ABCD EFGH JKMNP");
            page.locator("form.caller-card button[type=submit]").click();
            assertThat(page.locator("#error-summary"))
                    .containsText(
                            lang.equals("de") ? "Diesen Einladungscode gibt es nicht" : "no such invitation code");
            scan(page, "wrong invitation code (" + lang + ")", null);
        }
        page.locator("#invitationCode").fill(code.toLowerCase());
        page.locator("form.caller-card button[type=submit]").click();
        assertThat(page.locator(".notice.invitation")).containsText(code);
        assertThat(page.locator(".centre-offers h3")).containsText("Testzentrum " + centre.id());
        assertThat(page.locator(".centre-offers h4")).hasText("Mit Einladungscode");
        scan(page, "invitation offers (de)", "11-invitation");
        page.navigate("/staff/hotline?lang=en");
        assertThat(page.locator(".centre-offers h4")).hasText("With invitation code");
        scan(page, "invitation offers (en)", null);
        page.navigate("/staff/hotline?lang=de");

        page.locator("button.offer").first().click();
        page.waitForURL(Pattern.compile(".*/staff/hotline/holds/.*"));
        page.locator("#names0-firstName").fill("Jürgen");
        page.locator("#names0-lastName")
                .fill("Brief" + UUID.randomUUID().toString().substring(0, 6));
        page.locator("[data-key=b]").click();
        page.waitForURL(Pattern.compile(".*/staff/hotline/bookings/.*created.*"));
        String booking = page.locator(".booking-code").textContent().strip();

        assertThat(count(
                        "select count(*) from invitation i join booking b on b.id = i.booking_id"
                                + " where i.release_id = ? and b.code = ? and b.channel = 'PHONE'",
                        releaseId,
                        booking))
                .isEqualTo(1);
        assertThat(violations)
                .allSatisfy((name, found) -> assertThat(found).as(name).isEmpty());
    }

    @Test
    void aCentreOperatorIsRefused() {
        Page page = browser.newPage();
        ConsoleBrowser.signIn(page, new ConsoleBrowser.Keys(page), "/staff", staff("OPERATOR"), PASSWORD);

        Response response = page.navigate("/staff/hotline");

        assertThat(response.status()).isEqualTo(403);
        assertThat(page.navigate("/staff/hotline/find").status()).isEqualTo(403);
        assertThat(page.request()
                        .post(
                                "/staff/hotline/new-caller",
                                com.microsoft.playwright.options.RequestOptions.create()
                                        .setMaxRedirects(0))
                        .status())
                .as("refused before anything else, CSRF included")
                .isEqualTo(403);
    }

    /**
     * Books a couple, reads the code, opens the letter, finds the booking by name and cancels it, with the keyboard
     * alone; scans every page; returns the key presses.
     */
    private int journey(Page page, ConsoleBrowser.Keys keys, String lang, String lastName, boolean screenshots) {
        assertThat(page.locator("form.caller-card")).isVisible();
        scan(page, "search (" + lang + ")", screenshots ? "1-search" : null);
        keys.press("Alt+s").press("ArrowDown"); // a household of two
        keys.press("Tab").type("03051941").press("Tab").type("46282");
        keys.press("Tab").type("02011940").press("Tab").type("46282");
        keys.press("Tab").type(ConsoleDates.show(day));
        keys.press("Tab", 3).type(county).press("Enter");
        assertThat(page.locator("#results")).isFocused();
        scan(page, "offers (" + lang + ")", screenshots ? "2-offers" : null);

        keys.press("Alt+b");
        assertThat(page.locator("button.offer").first()).isFocused();
        assertThat(page.locator(".centre-offers h4").first())
                .hasText(lang.equals("de") ? "Telefon-Kontingent" : "Phone contingent");
        keys.press("Enter");
        page.waitForURL(Pattern.compile(".*/staff/hotline/holds/.*"));
        assertThat(page.locator("#names0-firstName")).isFocused();
        scan(page, "held (" + lang + ")", screenshots ? "3-held" : null);

        keys.type("Erna")
                .press("Tab")
                .type(lastName)
                .press("Tab")
                .type("Karl")
                .press("Tab")
                .type(lastName);
        keys.press("Alt+b");
        page.waitForURL(Pattern.compile(".*/staff/hotline/bookings/.*created.*"));
        String code = page.locator(".booking-code").textContent().strip();
        assertThat(page.locator(".spelled li")).hasCount(3);
        scan(page, "booked (" + lang + ")", screenshots ? "4-booked" : null);

        keys.press("Alt+d");
        page.waitForURL(Pattern.compile(".*/letter.*"));
        assertThat(page.locator("tbody tr")).hasCount(4);
        scan(page, "letter (" + lang + ")", screenshots ? "5-letter" : null);
        keys.press("Tab").press("Enter"); // back to the booking
        page.waitForURL(Pattern.compile(".*/staff/hotline/bookings/[^/]*\\?.*"));

        keys.press("Alt+f");
        page.waitForURL(Pattern.compile(".*/staff/hotline/find"));
        assertThat(page.locator("#code")).isFocused();
        keys.press("Tab", 3)
                .type(lastName)
                .press("Tab", 2)
                .type("03051941")
                .press("Tab")
                .type("46282");
        keys.press("Enter");
        assertThat(page.locator("#found")).isFocused();
        assertThat(page.locator(".found a")).hasCount(1);
        assertThat(page.locator(".found a")).containsText(code);
        scan(page, "found by name (" + lang + ")", screenshots ? "6-found" : null);
        keys.press("Tab").press("Enter");
        page.waitForURL(Pattern.compile(".*/staff/hotline/bookings/" + code + ".*"));

        keys.press("Alt+x");
        page.waitForURL(Pattern.compile(".*/cancel.*"));
        scan(page, "cancel (" + lang + ")", screenshots ? "7-cancel" : null);
        keys.press("Enter");
        assertThat(page.locator("#notice")).containsText(lang.equals("de") ? "storniert" : "cancelled");
        scan(page, "cancelled (" + lang + ")", screenshots ? "8-cancelled" : null);
        assertThat(count(
                        "select count(*) from audit_event where subject = ? and action in ('BOOKING_CREATED', 'BOOKING_CANCELLED')",
                        code))
                .isEqualTo(2);
        return keys.presses();
    }

    private void scan(Page page, String name, String screenshot) {
        page.waitForLoadState();
        violations.put(name, new ArrayList<>(ConsoleBrowser.violations(page)));
        if (screenshot != null) {
            ConsoleBrowser.screenshot(page, screenshot);
        }
    }

    private String staff(String role) {
        String username =
                role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post(
                                "/api/v1/admin/staff",
                                obj("username", username, "password", PASSWORD, "role", role, "centreIds", List.of()))
                        .status())
                .isEqualTo(201);
        // the first sign-in's password change belongs to the sign-in's own tests
        jdbc.sql("update staff_account set must_change_password = false where username = ?")
                .param(username)
                .update();
        return username;
    }
}
