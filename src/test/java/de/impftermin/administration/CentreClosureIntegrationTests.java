package de.impftermin.administration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.impftermin.portal.PortalBrowser;
import de.impftermin.portal.PortalTestSupport;
import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The office closes a centre in the console with a note for citizens: the public list keeps it, as CLOSED with the
 * note; nothing new can be booked there (citizens, hotline, a new release), a booking made before stays, and a series
 * its cancellation frees stays out of sale; closing is audited once; reopening puts the series back on sale. The
 * centre page with its closing form passes the axe scan in German and English.
 */
@IntegrationTest
class CentreClosureIntegrationTests extends PortalTestSupport {

    private static final String NOTE =
            "Wegen eines Wasserschadens geschlossen. Gebuchte Termine finden statt, bitte kommen Sie wie geplant.";

    @Test
    void aClosedCentreStaysListedWithItsNoteSellsNothingAndKeepsItsBookings() {
        LocalDate day = TestCentre.day(15);
        TestCentre centre = TestCentre.bookable(admin, day, 6);
        Person booked = Person.unique();
        ApiResponse booking = citizens.book(citizens.citizen(), centre.id(), day, "09:00", booked);
        assertThat(booking.status()).as(booking.toString()).isEqualTo(201);
        String code = booking.json().path("code").asString();
        Page office = signedInOffice();
        office.navigate("/staff/office/centres/" + centre.id());

        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zentrum schließen"))
                .click();
        assertThat(office.locator("#error-summary")).containsText("Notiz");
        assertThat(office.locator("#note")).hasAttribute("aria-invalid", "true");
        assertNoViolations(office, "bearbeiten");
        assertThat(summary(centre.id()).path("status").asString()).isEqualTo("BOOKABLE");

        office.locator("#note").fill(NOTE);
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zentrum schließen"))
                .click();
        assertThat(office.locator("#closure .notice")).containsText("jetzt geschlossen");
        assertThat(office.locator("#closure")).containsText(NOTE);
        assertNoViolations(office, "bearbeiten");
        PortalBrowser.screenshot(office, "office-centre-closed");
        office.navigate("/staff/office/centres/" + centre.id() + "?lang=en");
        assertNoViolations(office, "Edit centre");

        JsonNode listed = summary(centre.id());
        assertThat(listed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(listed.path("closedNote").asString()).isEqualTo(NOTE);
        assertThat(listed.path("freeSeries").asInt()).isZero();
        Page citizen = browser.newPage();
        citizen.navigate("/");
        assertThat(citizen.locator("#centre-" + centre.id())).containsText("geschlossen");
        assertThat(citizen.locator("#centre-" + centre.id())).containsText(NOTE);

        ApiResponse hold = citizens.hold(citizens.citizen(), centre.id(), day, "09:00", Person.unique());
        ApiResponse byPhone = admin.post(
                "/api/v1/hotline/bookings", Requests.phoneBooking(centre.id(), day, "09:00", Person.unique()));
        ApiResponse release = centre.tryRelease(centre.releaseBody("comirnaty", day, day, 1));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(409);
        assertThat(hold.problemCode()).isEqualTo("NO_APPOINTMENTS");
        assertThat(byPhone.status()).as(byPhone.toString()).isEqualTo(409);
        assertThat(release.status()).as(release.toString()).isEqualTo(409);
        assertThat(release.problemCode()).isEqualTo("CENTRE_CLOSED");
        ApiResponse found = api.get("/api/v1/bookings/" + code + "?birthDate=" + booked.birthDate());
        assertThat(found.json().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(count(
                        "select count(*) from appointment_pair where centre_id = ? and booking_id is not null",
                        centre.id()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_event where action = 'CENTRE_CLOSED' and subject = ?", centre.id()))
                .isEqualTo(1);

        ApiResponse cancelled = api.post(
                "/api/v1/bookings/" + code + "/cancel",
                obj("birthDate", booked.birthDate().toString()));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(count(
                        "select count(*) from appointment_pair where centre_id = ? and booking_id is null"
                                + " and (hold_expires_at is null or hold_expires_at < now())",
                        centre.id()))
                .as("a series freed at a closed centre stays out of sale")
                .isZero();

        office.navigate("/staff/office/centres/" + centre.id() + "?lang=de");
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wieder öffnen"))
                .click();
        assertThat(office.locator("#closure .notice")).containsText("wieder geöffnet");
        JsonNode reopened = summary(centre.id());
        assertThat(reopened.path("status").asString()).isEqualTo("BOOKABLE");
        assertThat(reopened.path("freeSeries").asInt()).isEqualTo(6);
        assertThat(reopened.path("closedNote").isNull()).isTrue();
        assertThat(citizens.book(citizens.citizen(), centre.id(), day, "09:00", Person.unique())
                        .status())
                .isEqualTo(201);
        assertThat(count(
                        "select count(*) from audit_event where action = 'CENTRE_REOPENED' and subject = ?",
                        centre.id()))
                .isEqualTo(1);
    }

    private JsonNode summary(String centreId) {
        for (JsonNode centre : api.get("/api/v1/centres").json()) {
            if (centre.path("id").asString().equals(centreId)) {
                return centre;
            }
        }
        throw new AssertionError("centre " + centreId + " is not listed");
    }

    private Page signedInOffice() {
        Page page = browser.newPage();
        page.navigate("/staff/login");
        page.locator("#username").fill(Api.ADMIN_USER);
        page.locator("#password").fill(Api.ADMIN_PASSWORD);
        page.waitForNavigation(() -> page.locator("main button[type=submit]").click());
        return page;
    }

    private static void assertNoViolations(Page page, String heading) {
        assertThat(page.locator("h1")).containsText(heading);
        List<PortalBrowser.Violation> violations = PortalBrowser.violations(page);
        assertThat(violations).as(page.url()).isEmpty();
    }
}
