package de.impftermin.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.impftermin.inventory.domain.InvitationCode;
import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.TestCentre;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Invitation codes end to end in the browser: the office issues codes for an INVITATION release and downloads them as
 * CSV; a citizen types one of them in the portal (a wrong one first), sees the centre and days of the invitation,
 * chooses a time and books; the code is then used and cannot book again. The new pages pass the axe scan (WCAG 2.1
 * A/AA, no violation at all) in German and English.
 */
@IntegrationTest
class PortalInvitationIntegrationTests extends PortalTestSupport {

    private final LocalDate day = TestCentre.day(17);

    @Test
    void aCodeIssuedAndExportedInTheOfficeBooksInThePortalOnce() {
        TestCentre centre = invitationCentre();
        long releaseId = invitationRelease(centre);
        List<String> codes = issuedInTheOffice(releaseId, 3);
        String code = codes.getFirst();

        Page page = browser.newPage();
        String phone = Citizens.freshPhone();
        new PortalJourney(page, citizens)
                .checkEligibility(LocalDate.of(1950, 4, 1))
                .verifyBySms(phone);
        // an invitation-only release is not offered without a code
        assertThat(page.locator("a[href='/appointments/" + centre.id() + "']")).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Einladungscode eingeben"))
                .click();
        assertNoViolations(page, "Einladungscode eingeben");
        page.locator("#code").fill("ABCD-EFGH-JKMNP");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Code prüfen"))
                .click();
        assertThat(page.locator("#error-summary")).containsText("Diesen Code kennen wir nicht");
        assertThat(page.locator("#code")).hasAttribute("aria-invalid", "true");
        assertNoViolations(page, "Einladungscode eingeben");
        PortalBrowser.screenshot(page, "invitation-1-code");

        page.locator("#code").fill(code.toLowerCase().replace("-", " "));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Code prüfen"))
                .click();
        assertThat(page.locator("h1")).hasText("Ihre Einladung");
        assertThat(page.locator("main")).containsText("Testzentrum " + centre.id());
        assertNoViolations(page, "Ihre Einladung");
        PortalBrowser.screenshot(page, "invitation-2-days");
        for (String path : List.of("/appointments/invitation", "/appointments/invitation/days")) {
            page.navigate(path + "?lang=en");
            assertNoViolations(page, path.endsWith("days") ? "Your invitation" : "Enter your invitation code");
        }
        page.navigate("/appointments/invitation/" + day + "?lang=en");
        assertNoViolations(page, "Choose a time");
        page.navigate("/appointments/invitation/days?lang=de");

        page.locator("a[href='/appointments/invitation/" + day + "']").click();
        assertThat(page.locator("h1")).containsText("Uhrzeit wählen");
        assertNoViolations(page, "Uhrzeit wählen");
        page.locator("input[name=time]").first().check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Diese Termine reservieren"))
                .click();
        assertThat(page.locator("h1")).hasText("Ihre Angaben");
        String booking = new PortalJourney(page, citizens).book("Änne", "Einladung" + phone.substring(8));

        assertThat(booking).isNotBlank();
        assertThat(count(
                        "select count(*) from invitation i join booking b on b.id = i.booking_id"
                                + " where i.code_hash = ? and b.code = ?",
                        InvitationCode.parse(code).orElseThrow().hash(),
                        booking))
                .isEqualTo(1);
        assertThat(count("select count(*) from invitation where release_id = ? and booking_id is not null", releaseId))
                .isEqualTo(1);

        Page another = browser.newPage();
        new PortalJourney(another, citizens)
                .checkEligibility(LocalDate.of(1951, 6, 2))
                .verifyBySms(Citizens.freshPhone());
        another.navigate("/appointments/invitation");
        another.locator("#code").fill(code);
        another.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Code prüfen"))
                .click();
        assertThat(another.locator("#error-summary")).containsText("Mit diesem Code wurde schon gebucht");
    }

    @Test
    void pastTheFreeWrongCodesEvenTheRightOneMustWait() {
        TestCentre centre = invitationCentre();
        long releaseId = invitationRelease(centre);
        String code = issuedByApi(releaseId);
        Page page = browser.newPage();
        String phone = Citizens.freshPhone();
        new PortalJourney(page, citizens)
                .checkEligibility(LocalDate.of(1950, 4, 1))
                .verifyBySms(phone);
        page.navigate("/appointments/invitation");

        for (int i = 0; i < 3; i++) {
            page.locator("#code").fill("ABCD-EFGH-JKMN" + "234".charAt(i));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Code prüfen"))
                    .click();
            assertThat(page.locator("#error-summary")).containsText("Diesen Code kennen wir nicht");
        }
        // seven more wrong codes a moment ago: the wait after ten is 2^5 s, long enough not to pass during the test
        jdbc.sql("""
                        insert into guess_failure (scope, key_kind, key_value, at)
                        select 'invitation', k, :subject, now() from unnest(array['CLIENT', 'KEY']) k, generate_series(1, 7)
                        """).param("subject", "SMS:" + phone).update();
        page.locator("#code").fill(code);
        var refused = page.waitForResponse(
                r -> r.url().endsWith("/appointments/invitation"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Code prüfen"))
                        .click());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(page.locator("#error-summary")).containsText("zu viele falsche Codes");
        assertNoViolations(page, "Einladungscode eingeben");
        assertThat(count("select count(*) from invitation where release_id = ? and hold_id is not null", releaseId))
                .isZero();
    }

    private TestCentre invitationCentre() {
        return TestCentre.create(admin)
                .open(day, "09:00", "10:00", 1, 5)
                .open(day.plusDays(21), "09:00", "10:00", 1, 5)
                .deliver("comirnaty", 40, day.minusDays(1));
    }

    private long invitationRelease(TestCentre centre) {
        Map<String, Object> body = new LinkedHashMap<>(centre.releaseBody("comirnaty", day, day, 12));
        body.put("channel", "INVITATION");
        ApiResponse release = centre.tryRelease(body);
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        return release.json().path("id").asLong();
    }

    private String issuedByApi(long releaseId) {
        ApiResponse issued = admin.post(
                "/api/v1/admin/releases/" + releaseId + "/invitations",
                de.impftermin.support.Json.obj("count", 1, "householdSize", 1));
        assertThat(issued.status()).isEqualTo(201);
        return issued.json().path("codes").get(0).asString();
    }

    /** The office's invitations page: issue {@code count} codes for one person each and read them from the CSV. */
    private List<String> issuedInTheOffice(long releaseId, int count) {
        Page office = browser.newPage();
        office.navigate("/staff/login");
        office.locator("#username").fill(Api.ADMIN_USER);
        office.locator("#password").fill(Api.ADMIN_PASSWORD);
        office.waitForNavigation(
                () -> office.locator("main button[type=submit]").click());
        office.navigate("/staff/office/invitations");
        office.locator("#count-" + releaseId).fill(Integer.toString(count));
        Download download = office.waitForDownload(
                () -> office.locator("#release-" + releaseId + " button").click());
        try {
            List<String> lines = Files.readString(download.path(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            assertThat(lines).hasSize(count + 1);
            return lines.stream().skip(1).map(line -> line.split(",")[0]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            office.context().close();
        }
    }

    private static void assertNoViolations(Page page, String heading) {
        assertThat(page.locator("h1")).containsText(heading);
        assertThat(page.locator("body")).not().containsText("??");
        assertThat(PortalBrowser.violations(page)).as(page.url()).isEmpty();
    }
}
