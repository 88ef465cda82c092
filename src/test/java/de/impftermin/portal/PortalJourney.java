package de.impftermin.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.impftermin.support.Citizens;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The steps of the booking journey as a citizen takes them in the browser, by the visible labels (German), so that a
 * changed label or a broken form fails the test as it would fail a person.
 */
final class PortalJourney {

    static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Page page;
    private final Citizens citizens;
    private Consumer<String> screenshots = name -> {};

    PortalJourney(Page page, Citizens citizens) {
        this.page = page;
        this.citizens = citizens;
    }

    PortalJourney takingScreenshots() {
        this.screenshots = name -> PortalBrowser.screenshot(page, name);
        return this;
    }

    /** Eligibility for the given persons (birth date, postal code), up to the answer "you can book". */
    PortalJourney checkEligibility(LocalDate... birthDates) {
        return checkEligibility("46282", birthDates);
    }

    /** Eligibility for persons who all live in {@code postalCode}, up to the answer "you can book". */
    PortalJourney checkEligibility(String postalCode, LocalDate... birthDates) {
        page.navigate("/eligibility");
        for (int i = 0; i < birthDates.length; i++) {
            page.locator("#birthDate" + i).fill(GERMAN_DATE.format(birthDates[i]));
            page.locator("#postalCode" + i).fill(postalCode);
        }
        screenshots.accept("2-eligibility");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prüfen"))
                .click();
        assertThat(page.locator("h1")).containsText("buchen");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Weiter"))
                .click();
        return this;
    }

    /** SMS verification with the code read from the local inbox; ends in the waiting room and then choosing. */
    PortalJourney verifyBySms(String phone) {
        page.getByLabel("Per SMS an mein Handy").check();
        page.getByLabel("Handynummer oder E-Mail-Adresse").fill(phone);
        screenshots.accept("3-verification");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Code schicken"))
                .click();
        String code = citizens.codeFromInbox(phone, Duration.ofSeconds(15));
        page.getByLabel("Code aus 6 Ziffern").fill(code);
        screenshots.accept("4-verification-code");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bestätigen"))
                .click();
        assertThat(page.locator("h1")).hasText("Impfzentrum wählen");
        return this;
    }

    /** Centre, day, time (the first free one), then holds. */
    PortalJourney choose(String centreId, LocalDate day) {
        screenshots.accept("5-choose-centre");
        page.locator("a[href='/appointments/" + centreId + "']").click();
        assertThat(page.locator("h1")).hasText("Tag der 1. Impfung wählen");
        screenshots.accept("6-choose-day");
        page.locator("a[href='/appointments/" + centreId + "/" + day + "']").click();
        assertThat(page.locator("h1")).containsText("Uhrzeit wählen");
        page.locator("input[name=time]").first().check();
        screenshots.accept("7-choose-time");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Diese Termine reservieren"))
                .click();
        assertThat(page.locator("h1")).hasText("Ihre Angaben");
        return this;
    }

    /** Names of each person, then books; returns the booking code shown on the confirmation. */
    String book(String... firstAndLastNames) {
        for (int i = 0; i < firstAndLastNames.length / 2; i++) {
            page.locator("#firstName" + i).fill(firstAndLastNames[2 * i]);
            page.locator("#lastName" + i).fill(firstAndLastNames[2 * i + 1]);
        }
        screenshots.accept("8-personal-data");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verbindlich buchen"))
                .click();
        assertThat(page.locator("h1")).hasText("Ihre Termine sind gebucht");
        screenshots.accept("9-confirmation");
        return page.locator(".booking-code").innerText().strip();
    }
}
