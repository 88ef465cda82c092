package de.impftermin.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A citizen is offered only centres and days that every person of the booking may book; a centre whose free
 * appointments are released for others is named with the reason, never offered and then refused.
 */
@IntegrationTest
class PortalNoDeadEndsIntegrationTests extends PortalTestSupport {

    private static final LocalDate HUSBAND = LocalDate.of(1941, 5, 3);
    private static final LocalDate WIFE = LocalDate.of(1939, 8, 17);

    private final LocalDate day = TestCentre.day(9);

    @Test
    void aCoupleOutsideACatchmentAreaIsOfferedOnlyCentresThatAdmitThemAndToldWhyNotTheOthers() {
        TestCentre catchmentOnly = centreReleasingFor(TestCentre.eligibility(null, null, List.of("45", "46")));
        TestCentre forEveryone = centreReleasingFor(null);
        Page page = browser.newPage();

        new PortalJourney(page, citizens)
                .checkEligibility("44137", HUSBAND, WIFE)
                .verifyBySms(Citizens.freshPhone());

        assertThat(page.locator("a[href='/appointments/" + forEveryone.id() + "']"))
                .isVisible();
        assertThat(page.locator("a[href='/appointments/" + catchmentOnly.id() + "']"))
                .hasCount(0);
        assertThat(page.locator("#not-for-everyone")).hasText("Freie Termine für andere Personengruppen");
        assertThat(page.locator("section[aria-labelledby=not-for-everyone]"))
                .containsText("nur für Postleitzahlen 45…, 46…");
        PortalBrowser.screenshot(page, "5b-choose-centre-not-for-everyone");
        org.assertj.core.api.Assertions.assertThat(PortalBrowser.violations(page))
                .as("axe on the centre choice")
                .isEmpty();

        page.navigate("/appointments/" + catchmentOnly.id());
        assertThat(page.locator("main")).containsText("In diesem Impfzentrum ist zurzeit nichts frei.");
        page.navigate("/appointments/" + catchmentOnly.id() + "/" + day);
        assertThat(page.locator("main")).containsText("An diesem Tag ist nichts mehr frei.");

        page.navigate("/appointments");
        new PortalJourney(page, citizens).choose(forEveryone.id(), day);
    }

    @Test
    void aCentreReleasedForAnotherCohortIsExplainedInEnglishToo() {
        TestCentre youngerOnly = centreReleasingFor(TestCentre.eligibility(LocalDate.of(1960, 1, 1), null, List.of()));
        centreReleasingFor(null); // so that the husband may book somewhere, whichever tests ran before
        Page page = browser.newPage();

        new PortalJourney(page, citizens).checkEligibility("46282", HUSBAND).verifyBySms(Citizens.freshPhone());
        page.navigate("/appointments?lang=en");

        assertThat(page.locator("a[href='/appointments/" + youngerOnly.id() + "']"))
                .hasCount(0);
        assertThat(page.locator("section[aria-labelledby=not-for-everyone]"))
                .containsText("only for people born on or after 01.01.1960");
        assertThat(page.locator("body")).not().containsText("??");
        org.assertj.core.api.Assertions.assertThat(PortalBrowser.violations(page))
                .as("axe on the centre choice, English")
                .isEmpty();
    }

    private TestCentre centreReleasingFor(Map<String, Object> eligibility) {
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 2, 5)
                .open(day.plusDays(21), "09:00", "10:00", 2, 5)
                .deliver("comirnaty", 40, day.minusDays(1));
        Map<String, Object> body = centre.releaseBody("comirnaty", day, day, 12);
        body.put("eligibility", eligibility);
        TestCentre.expect(centre.tryRelease(body), 201, "release at " + centre.id());
        return centre;
    }
}
