package de.impftermin.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Json;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import de.impftermin.waitlist.OfferEngine;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The waitlist in the browser: register, receive the offer in the local inbox, accept it with one click. */
@IntegrationTest
class PortalWaitlistIntegrationTests extends PortalTestSupport {

    private static final Pattern LINK = Pattern.compile("(/warteliste/[0-9a-f-]{36}\\?t=[A-Za-z0-9._-]+)");

    @Autowired
    OfferEngine engine;

    @Test
    void aCitizenRegistersReceivesTheOfferInTheInboxAndAcceptsItWithOneClick() {
        LocalDate day = TestCentre.day(60);
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 1, 5)
                .open(day.plusDays(21), "09:00", "10:00", 1, 5)
                .deliver("comirnaty", 24, day.minusDays(1));
        // something bookable elsewhere, so that the eligibility check lets the citizen on to verification
        TestCentre.bookable(admin, day, 1);
        Page page = browser.newPage();
        new PortalJourney(page, citizens)
                .checkEligibility(LocalDate.of(1950, 5, 3))
                .verifyBySms(Citizens.freshPhone());
        String email = Citizens.freshEmail();

        page.navigate("/warteliste?centre=" + centre.id());
        assertThat(page.locator("h1")).hasText("Auf die Warteliste");
        assertThat(page.getByText("wer am längsten wartet").first()).isVisible();
        noViolations(page);
        page.getByLabel("Vorname").fill("Erna");
        page.getByLabel("Nachname").fill("Warteliste" + System.nanoTime());
        page.getByLabel("E-Mail-Adresse").fill(email);
        PortalBrowser.screenshot(page, "waitlist-1-register");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Auf die Warteliste setzen"))
                .click();
        assertThat(page.locator("h1")).hasText("Sie stehen auf der Warteliste");
        assertThat(page.locator(".position")).containsText("1");
        noViolations(page);
        PortalBrowser.screenshot(page, "waitlist-2-waiting");

        centre.release("comirnaty", day, day, 1);
        engine.run();

        page.navigate(linkIn(email));
        assertThat(page.locator("h1")).hasText("Termine für Sie reserviert");
        assertThat(page.getByText("1. Impfung")).isVisible();
        assertThat(page.getByText("2. Impfung")).isVisible();
        noViolations(page);
        PortalBrowser.screenshot(page, "waitlist-3-offer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Termine verbindlich buchen"))
                .click();
        assertThat(page.locator("h1")).hasText("Ihre Termine sind gebucht");
        assertThat(invariants.confirmedBookings(centre.id())).isEqualTo(1);
        page.context().close();
    }

    @Test
    void theOfferPageAndTheConfirmationSpeakEnglish() {
        LocalDate day = TestCentre.day(61);
        TestCentre centre = TestCentre.bookable(admin, day, 1);
        String email = Citizens.freshEmail();
        Person person = Person.unique();
        ApiResponse registered = api.post(
                "/api/v1/waitlist",
                Json.obj(
                        "persons",
                        List.of(Requests.details(person)),
                        "centreIds",
                        List.of(centre.id()),
                        "contact",
                        Json.obj("email", email),
                        "language",
                        "en"),
                "X-Verification-Token",
                citizens.citizen().token());
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        engine.run();

        String link = linkIn(email);
        assertThat(api.get("/api/v1/dev/outbox?to=" + email).body()).contains("reserved for you until");
        Page page = browser.newPage();
        page.navigate(link + "&lang=en");
        assertThat(page.locator("h1")).hasText("Appointments reserved for you");
        noViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book these appointments"))
                .click();
        assertThat(page.locator("h1")).hasText("Your appointments are booked");
        page.context().close();
    }

    /** The offer's link from the local inbox, once the outbox has sent the message. */
    private String linkIn(String email) {
        ApiResponse inbox = api.get("/api/v1/dev/outbox?to=" + email);
        for (int tries = 0; tries < 100 && !LINK.matcher(inbox.body()).find(); tries++) {
            sleep(100);
            inbox = api.get("/api/v1/dev/outbox?to=" + email);
        }
        Matcher link = LINK.matcher(inbox.body());
        assertThat(link.find()).as(inbox.body()).isTrue();
        return link.group(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void noViolations(Page page) {
        assertThat(PortalBrowser.violations(page)).as(page.url()).isEmpty();
    }
}
