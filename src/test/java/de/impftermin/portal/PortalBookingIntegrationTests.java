package de.impftermin.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.TestCentre;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The booking journeys in a real browser: one person, a couple, manage with cancel and rebook, errors. */
@IntegrationTest
class PortalBookingIntegrationTests extends PortalTestSupport {

    private final LocalDate day = TestCentre.day(3);
    private final String family = "Portal" + Citizens.freshPhone().substring(7);

    @Test
    void bookingForOnePersonShowsBothAppointmentsSendsTheConfirmationAndOffersTheCalendarFile() throws IOException {
        TestCentre centre = TestCentre.bookable(api.asAdmin(), day, 12);
        Page page = browser.newPage();
        page.navigate("/");
        assertThat(page.locator("#centre-" + centre.id())).containsText("Termine frei");
        String phone = Citizens.freshPhone();

        String code = new PortalJourney(page, citizens)
                .takingScreenshots()
                .checkEligibility(LocalDate.of(1941, 5, 3))
                .verifyBySms(phone)
                .choose(centre.id(), day)
                .book("Erna", family);

        assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(page.locator(".appointments")).containsText("1. Impfung");
        assertThat(page.locator(".appointments")).containsText("2. Impfung");
        assertThat(page.locator(".appointments")).containsText("Testzentrum " + centre.id());
        assertThat(page.locator(".appointments")).containsText("Personalausweis");
        Download download = page.waitForDownload(() -> page.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName("In den Kalender eintragen (.ics)"))
                .click());
        String ics = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(ics).contains("BEGIN:VCALENDAR").contains("Buchungscode " + code);
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(3);
        assertThat(citizens.codeFromInbox(phone, Duration.ofSeconds(1))).isNotBlank();
        assertThat(inboxText(phone)).contains("Code " + code);
    }

    @Test
    void aCoupleGetsAdjacentAppointmentsInOneBooking() {
        TestCentre centre = TestCentre.bookable(api.asAdmin(), day, 12);
        Page page = browser.newPage();

        String code = new PortalJourney(page, citizens)
                .checkEligibility(LocalDate.of(1941, 5, 3), LocalDate.of(1939, 11, 20))
                .verifyBySms(Citizens.freshPhone())
                .choose(centre.id(), day)
                .book("Erna", family, "Karl", family);

        assertThat(page.locator(".appointments")).containsText("Erna " + family);
        assertThat(page.locator(".appointments")).containsText("Karl " + family);
        JsonNode booking =
                api.get("/api/v1/bookings/" + code + "?birthDate=1939-11-20").json();
        assertThat(booking.path("persons")).hasSize(2);
        OffsetDateTime erna = firstDose(booking, 0);
        OffsetDateTime karl = firstDose(booking, 1);
        assertThat(Duration.between(erna, karl).abs()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void rebookingKeepsTheOldAppointmentsUntilConfirmedAndCancellingNeedsAConfirmation() {
        TestCentre first = TestCentre.bookable(api.asAdmin(), day, 12);
        TestCentre second = TestCentre.bookable(api.asAdmin(), day, 12);
        Page page = browser.newPage();
        String oldCode = new PortalJourney(page, citizens)
                .checkEligibility(LocalDate.of(1941, 5, 3))
                .verifyBySms(Citizens.freshPhone())
                .choose(first.id(), day)
                .book("Erna", family);

        page.navigate("/manage");
        page.getByLabel("Buchungscode").fill(oldCode.toLowerCase().replace("-", " "));
        page.getByLabel("Geburtsdatum einer gebuchten Person").fill("3.5.1941");
        PortalBrowser.screenshot(page, "10-manage");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buchung anzeigen"))
                .click();
        assertThat(page.locator("h1")).hasText("Buchung " + oldCode);
        PortalBrowser.screenshot(page, "11-manage-booking");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Umbuchen"))
                .click();
        assertThat(page.locator("h1")).hasText("Impfzentrum wählen");
        page.locator("a[href='/appointments/" + second.id() + "']").click();
        page.locator("a[href='/appointments/" + second.id() + "/" + day + "']").click();
        page.locator("input[name=time]").first().check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Diese Termine reservieren"))
                .click();
        assertThat(page.locator("h1")).hasText("Umbuchung bestätigen");
        assertThat(page.locator("main")).containsText("Bisherige Termine (Buchungscode " + oldCode + ")");
        assertThat(status(oldCode)).isEqualTo("CONFIRMED"); // held, not yet moved
        PortalBrowser.screenshot(page, "12-rebook");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Umbuchung bestätigen"))
                .click();
        assertThat(page.locator("h1")).hasText("Ihre Termine sind umgebucht");
        String newCode = page.locator(".booking-code").innerText().strip();
        assertThat(newCode).isNotEqualTo(oldCode);
        assertThat(page.locator(".appointments")).containsText("Testzentrum " + second.id());
        assertThat(status(oldCode)).isEqualTo("CANCELLED");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Buchung ändern oder absagen"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Termine absagen"))
                .click();
        assertThat(page.locator("h1")).hasText("Wirklich alle Termine absagen?");
        assertThat(status(newCode)).isEqualTo("CONFIRMED");
        PortalBrowser.screenshot(page, "13-cancel");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, alle Termine absagen"))
                .click();
        assertThat(page.locator(".notice")).containsText("Ihre Termine sind abgesagt.");
        assertThat(status(newCode)).isEqualTo("CANCELLED");
    }

    @Test
    void formsExplainEveryProblemNextToTheFieldAndInASummaryThatLeadsThere() {
        Page page = browser.newPage();
        page.navigate("/eligibility");
        page.locator("#birthDate0").fill("31.02.1941");
        page.locator("#birthDate1").fill("01.01.1950");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prüfen"))
                .click();

        assertThat(page.locator("#error-summary")).isFocused();
        assertThat(page.locator("#error-summary li")).hasCount(3);
        assertThat(page.locator("#birthDate0-error"))
                .containsText("Das Geburtsdatum von Person 1 stimmt nicht. Schreiben Sie es so: 03.05.1941.");
        assertThat(page.locator("#postalCode0-error")).containsText("Postleitzahl von Person 1");
        assertThat(page.locator("#postalCode1-error")).containsText("Postleitzahl von Person 2");
        assertThat(page.locator("#birthDate0")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#birthDate0")).hasValue("31.02.1941");
        PortalBrowser.screenshot(page, "2b-eligibility-errors");
        page.locator("#error-summary a").first().click();
        assertThat(page.locator("#birthDate0")).isFocused();
    }

    @Test
    void unknownPagesAnswerInPlainLanguageWithoutAStackTrace() {
        Page page = browser.newPage();
        var response = page.navigate("/gibt-es-nicht");

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Diese Seite gibt es nicht");
        assertThat(page.content()).doesNotContain("Exception").doesNotContain("at de.impftermin");
        var unknownCentre = page.navigate("/appointments/no-such-centre");
        assertThat(unknownCentre.status()).isIn(302, 200, 404); // without verification the journey starts over
        assertThat(page.content()).doesNotContain("Exception");
    }

    private String status(String code) {
        ApiResponse found = api.get("/api/v1/bookings/" + code + "?birthDate=1941-05-03");
        return found.json().path("status").asString();
    }

    private String inboxText(String address) {
        return api.get("/api/v1/dev/outbox?to=" + java.net.URLEncoder.encode(address, StandardCharsets.UTF_8))
                .body();
    }

    private static OffsetDateTime firstDose(JsonNode booking, int person) {
        for (JsonNode a : booking.path("appointments")) {
            if (a.path("person").asInt() == person && a.path("dose").asInt() == 1) {
                return OffsetDateTime.parse(a.path("startsAt").asString());
            }
        }
        throw new AssertionError("no 1st dose for person " + person + " in " + booking);
    }
}
