package de.impftermin.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.Citizen;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "Meine Daten" in the browser: from the manage page a citizen confirms one of the booking's addresses with a code,
 * sees everything stored about the booking, cancels, and deletes it; in German and in English, and every page, also
 * with its form errors, passes the axe scan (WCAG 2.1 A/AA) without a single violation.
 */
@IntegrationTest
class PortalPersonalDataIntegrationTests extends PortalTestSupport {

    private final LocalDate day = TestCentre.day(9);
    private final List<String> violations = new ArrayList<>();

    @Test
    void aCitizenSeesTheirDataConfirmsByEmailCancelsAndDeletesItInGerman() {
        Booked booked = book();
        Page page = browser.newPage();
        openBooking(page, booked, "Buchung anzeigen");
        scan(page, "data-1-manage-booking", "Buchung ");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gespeicherte Daten ansehen"))
                .click();

        scan(page, "data-2-verify", "Bestätigen Sie, dass es Ihre Buchung ist");
        assertThat(page.locator("main")).not().containsText(booked.phone());
        assertThat(page.locator("main")).not().containsText(booked.email());
        page.getByLabel("Per E-Mail an " + booked.email().charAt(0) + "•••@example.org")
                .check();
        click(page, "Code schicken");
        scan(page, "data-3-code", "Bitte geben Sie den Code ein");
        page.getByLabel("Code aus 6 Ziffern").fill("12");
        click(page, "Bestätigen");
        scan(page, "data-3b-code-errors", "Bitte geben Sie den Code ein");
        page.getByLabel("Code aus 6 Ziffern").fill(citizens.codeFromInbox(booked.email(), Duration.ofSeconds(15)));
        click(page, "Bestätigen");

        scan(page, "data-4-stored", "Gespeicherte Daten zur Buchung " + booked.code());
        assertThat(page.locator("main")).containsText(booked.person().lastName());
        assertThat(page.locator("main")).containsText("03.05.1950");
        assertThat(page.locator("main")).containsText(booked.phone());
        assertThat(page.locator("main")).containsText("Impftermin gebucht. Code " + booked.code());
        assertThat(page.locator("main")).containsText("Sie können die Daten sofort löschen, sobald");

        page.navigate("/manage/cancel");
        click(page, "Ja, alle Termine absagen");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gespeicherte Daten ansehen oder löschen"))
                .click();
        assertThat(page.locator("h1")).containsText("Gespeicherte Daten zur Buchung");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Daten jetzt löschen"))
                .click();
        scan(page, "data-5-erase", "Daten dieser Buchung jetzt löschen?");
        click(page, "Ja, Daten löschen");

        scan(page, "data-6-erased", "Ihre Daten sind gelöscht");
        assertThat(count(
                        "select count(*) from booking_person where booking_id = (select id from booking where code = ?)",
                        booked.code()))
                .isZero();
        page.navigate("/manage/data");
        assertThat(page.locator("h1")).containsText("Buchung ansehen, umbuchen oder absagen");
        assertNoViolations();
    }

    @Test
    void theSamePagesInEnglishWithTheCodeBySms() {
        Booked booked = book();
        cancel(booked);
        Page page = browser.newPage();
        page.navigate("/manage?lang=en");
        openBooking(page, booked, "Show booking");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View or delete stored data"))
                .click();

        scan(page, "data-verify-en", "Confirm that this is your booking");
        page.getByLabel("By text message to " + booked.phone().substring(0, 6), new Page.GetByLabelOptions())
                .check();
        click(page, "Send code");
        scan(page, "data-code-en", "code");
        page.locator("#code").fill(citizens.codeFromInbox(booked.phone(), Duration.ofSeconds(15)));
        page.locator("main button[type=submit]").first().click();

        scan(page, "data-stored-en", "Data stored about booking " + booked.code());
        assertThat(page.locator("main")).containsText("Access by staff");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete the data now"))
                .click();
        scan(page, "data-erase-en", "Delete this booking's data now?");
        click(page, "Yes, delete the data");
        scan(page, "data-erased-en", "Your data is deleted");
        assertNoViolations();
    }

    private record Booked(String code, Person person, String phone, String email) {}

    private Booked book() {
        TestCentre centre = TestCentre.bookable(admin, day, 6);
        Citizen citizen = citizens.citizen();
        Person person = Person.unique();
        String email = Citizens.freshEmail();
        ApiResponse hold = citizens.hold(citizen, centre.id(), day, "09:00", person);
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        ApiResponse booked = api.post(
                "/api/v1/bookings",
                obj(
                        "holdId",
                        hold.json().path("id").asString(),
                        "persons",
                        List.of(Requests.details(person)),
                        "contact",
                        obj("phone", citizen.address(), "email", email)),
                citizen.bookingHeaders(UUID.randomUUID().toString()));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return new Booked(booked.json().path("code").asString(), person, citizen.address(), email);
    }

    private void cancel(Booked booked) {
        ApiResponse cancelled = api.post(
                "/api/v1/bookings/" + booked.code() + "/cancel",
                obj("birthDate", booked.person().birthDate().toString()));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    }

    private static void openBooking(Page page, Booked booked, String button) {
        if (!page.url().contains("/manage")) {
            page.navigate("/manage");
        }
        page.locator("#code").fill(booked.code());
        page.locator("#birthDate").fill("03.05.1950");
        click(page, button);
    }

    private static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click();
    }

    private void scan(Page page, String name, String heading) {
        assertThat(page.locator("h1")).containsText(heading);
        assertThat(page.locator("body")).not().containsText("??");
        PortalBrowser.screenshot(page, name);
        PortalBrowser.violations(page).forEach(v -> violations.add(name + ": " + v.text()));
    }

    private void assertNoViolations() {
        assertThat(violations).as("axe violations").isEmpty();
    }
}
