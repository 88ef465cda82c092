package de.impftermin.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The waiting page moves on by itself at the citizen's turn, with one long poll instead of polling: the whole wait
 * costs the servers the page itself and one request.
 */
@IntegrationTest
class PortalWaitingRoomIntegrationTests extends PortalTestSupport {

    private static final LocalDate BORN = LocalDate.of(1941, 5, 3);

    @Test
    void theWaitingPageMovesOnAtItsTurnWithOneLongPoll() {
        TestCentre centre = TestCentre.create(admin)
                .open(TestCentre.day(11), "09:00", "10:00", 2, 5)
                .open(TestCentre.day(11).plusDays(21), "09:00", "10:00", 2, 5)
                .deliver("comirnaty", 40, TestCentre.day(10));
        TestCentre.expect(
                centre.tryRelease(centre.releaseBody("comirnaty", TestCentre.day(11), TestCentre.day(11), 10)),
                201,
                "release at " + centre.id());
        Page page = browser.newPage();
        new PortalJourney(page, citizens).checkEligibility(BORN).verifyBySms(Citizens.freshPhone());

        try {
            // A rush: one admission a second, and five people ahead of this page's new ticket.
            org.assertj.core.api.Assertions.assertThat(setRate(1).status()).isEqualTo(200);
            // The counter may run ahead of the last ticket (up to a second of an earlier, higher rate, whatever other
            // tests set): take tickets until one has to wait, then four more, so that this page's ticket waits too.
            int waiting = 0;
            for (int i = 0; i < 20_000 && waiting < 5; i++) {
                ApiResponse joined = api.post("/api/v1/waiting-room/tickets", null);
                org.assertj.core.api.Assertions.assertThat(joined.status()).isEqualTo(201);
                if (waiting > 0 || "WAITING".equals(joined.json().path("state").asString())) {
                    waiting++;
                }
            }
            org.assertj.core.api.Assertions.assertThat(waiting).isEqualTo(5);
            List<String> asked = new CopyOnWriteArrayList<>();
            page.onRequest(request -> {
                if (request.url().contains("/api/v1/waiting-room/tickets/")) {
                    asked.add(request.url());
                }
            });
            page.context().clearCookies(new BrowserContext.ClearCookiesOptions().setName("impf_ticket"));
            page.context().clearCookies(new BrowserContext.ClearCookiesOptions().setName("impf_pass"));

            page.navigate("/waiting-room");
            assertThat(page.locator("h1")).hasText("Sie sind im Warteraum");
            org.assertj.core.api.Assertions.assertThat(PortalBrowser.violations(page))
                    .as("axe on the waiting page")
                    .isEmpty();

            assertThat(page.locator("h1"))
                    .hasText(
                            "Impfzentrum wählen",
                            new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                                    .setTimeout(20_000));
            org.assertj.core.api.Assertions.assertThat(asked)
                    .as("one long poll for the whole wait")
                    .hasSize(1)
                    .allSatisfy(url ->
                            org.assertj.core.api.Assertions.assertThat(url).endsWith("?wait=25"));
        } finally {
            org.assertj.core.api.Assertions.assertThat(setRate(300).status()).isEqualTo(200);
        }
    }

    private ApiResponse setRate(int perSecond) {
        return admin.send(
                "PUT", "/api/v1/admin/waiting-room", "{\"ratePerSecond\":" + perSecond + ",\"adaptive\":false}");
    }
}
