package de.impftermin.administration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import de.impftermin.portal.PortalBrowser;
import de.impftermin.portal.PortalTestSupport;
import de.impftermin.support.Api;
import de.impftermin.support.ApiResponse;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The state office in a real browser: it creates an operator for a centre, hands over and resets the password,
 * deactivates the account, reads the audit log and the statistics; every office page has no axe violation in German
 * and English; other roles are refused.
 */
@IntegrationTest
class OfficeConsoleIntegrationTests extends PortalTestSupport {

    @AfterEach
    void forgetFailuresOfTheTestAddress() {
        jdbc.sql("delete from staff_login_failure where key_kind = 'ADDRESS'").update();
    }

    @Test
    void theOfficeCreatesAnOperatorResetsItsPasswordAndDeactivatesIt() {
        TestCentre centre = TestCentre.create(admin);
        String operator = "t-op-" + UUID.randomUUID().toString().substring(0, 8);
        Page office = signedIn(Api.ADMIN_USER, Api.ADMIN_PASSWORD);

        office.navigate("/staff/office/accounts");
        office.locator("#username").fill(operator);
        office.locator("#role-OPERATOR").check();
        office.locator("#centre-" + centre.id()).check();
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Konto anlegen"))
                .click();
        assertThat(office.locator("#handover")).containsText(operator);
        String firstPassword = office.locator("#handover strong").textContent().strip();
        assertThat(office.locator("#account-" + operator)).containsText(centre.id());
        assertThat(office.locator("#account-" + operator)).containsText("muss Passwort ändern");
        PortalBrowser.screenshot(office, "office-accounts");

        Page operatorPage = signedIn(operator, firstPassword);
        assertThat(operatorPage.locator("h1")).hasText("Neues Passwort wählen");

        office.locator(
                        "#account-" + operator + " button",
                        new Page.LocatorOptions().setHasText("Passwort zurücksetzen"))
                .click();
        assertThat(office.locator("#handover")).containsText("zurückgesetzt");
        String resetPassword = office.locator("#handover strong").textContent().strip();
        assertThat(resetPassword).isNotEqualTo(firstPassword);
        assertThat(signIn(operator, firstPassword).url()).endsWith("/staff/login?error");
        Page operatorSession = signedIn(operator, resetPassword);
        assertThat(operatorSession.locator("h1")).hasText("Neues Passwort wählen");

        office.locator("#account-" + operator + " button", new Page.LocatorOptions().setHasText("Deaktivieren"))
                .click();
        assertThat(office.locator("#account-" + operator)).containsText("deaktiviert");
        assertThat(signIn(operator, resetPassword).url()).endsWith("/staff/login?error");
        operatorSession.navigate("/staff/password");
        assertThat(operatorSession.url())
                .as("a session signed in before the deactivation ends with it")
                .endsWith("/staff/login?error");

        assertThat(count("select count(*) from audit_event where action = 'ACCOUNT_CREATED' and subject = ?", operator))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_event where action = 'ACCOUNT_PASSWORD_RESET' and subject = ?",
                        operator))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_event where action = 'ACCOUNT_DEACTIVATED' and subject = ?",
                        operator))
                .isEqualTo(1);
        assertThat(jdbc.sql("select centre_ids[1] from staff_account where username = ?")
                        .param(operator)
                        .query(String.class)
                        .single())
                .isEqualTo(centre.id());

        office.navigate("/staff/office/audit");
        office.locator("#actor").fill(Api.ADMIN_USER);
        office.locator("#subject").fill(operator);
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anzeigen"))
                .click();
        assertThat(office.locator("#audit tbody tr")).hasCount(3);
        assertThat(office.locator("#audit tbody tr").first()).containsText("ACCOUNT_DEACTIVATED");
        assertThat(office.locator("#audit tbody tr").last()).containsText("ACCOUNT_CREATED");
        PortalBrowser.screenshot(office, "office-audit");
        Download download = office.waitForDownload(
                () -> office.locator("a[href*='/staff/office/audit/export']").click());
        String csv = read(download);
        assertThat(csv).startsWith("\uFEFFat,actor,action,subject,detail");
        assertThat(csv.lines().skip(1))
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).contains(operator));
    }

    @Test
    void theOfficeRegistersACentreEditsItAndAssignsAnOperator() {
        String centreId = TestCentre.freshId();
        String operator = "t-op-" + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse created = admin.post(
                "/api/v1/admin/staff",
                obj("username", operator, "password", OfficeAccountsIntegrationTests.PASSWORD, "role", "OPERATOR"));
        assertThat(created.status()).isEqualTo(201);
        Page office = signedIn(Api.ADMIN_USER, Api.ADMIN_PASSWORD);

        office.navigate("/staff/office/centres");
        office.locator("#id").fill(centreId);
        office.locator("#name").fill("Impfzentrum Münster-Süd");
        office.locator("#county").fill("Münster");
        office.locator("#postalCode").fill("4815");
        office.locator("#address").fill("Halle Münsterland");
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zentrum anlegen"))
                .click();
        assertThat(office.locator("#error-summary")).containsText("5 Ziffern");
        assertThat(count("select count(*) from centre where id = ?", centreId)).isZero();
        office.locator("#postalCode").fill("48155");
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zentrum anlegen"))
                .click();
        assertThat(office.locator("h1")).containsText(centreId);

        office.locator("#address").fill("Halle Münsterland, Eingang Süd");
        office.locator("#operator-" + operator).check();
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Speichern"))
                .click();
        assertThat(office.locator(".notice")).containsText("gespeichert");
        PortalBrowser.screenshot(office, "office-centre");

        assertThat(jdbc.sql("select address from centre where id = ?")
                        .param(centreId)
                        .query(String.class)
                        .single())
                .isEqualTo("Halle Münsterland, Eingang Süd");
        assertThat(jdbc.sql("select :centre = any(centre_ids) from staff_account where username = :username")
                        .param("centre", centreId)
                        .param("username", operator)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(count("select count(*) from audit_event where action = 'CENTRE_CREATED' and subject = ?", centreId))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'CENTRE_UPDATED' and subject = ?", centreId))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_event where action = 'ACCOUNT_CENTRES_CHANGED' and subject = ?",
                        operator))
                .isEqualTo(1);
        ApiResponse publicList = api.get("/api/v1/centres");
        assertThat(publicList.body()).contains(centreId);

        office.locator("#operator-" + operator).uncheck();
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Speichern"))
                .click();
        assertThat(count(
                        "select count(*) from staff_account where username = ? and cardinality(centre_ids) = 0",
                        operator))
                .isEqualTo(1);
    }

    @Test
    void theOfficeIssuesInvitationCodesAsAUtf8CsvAndACodeBooks() {
        LocalDate day = TestCentre.day(13);
        TestCentre centre = TestCentre.create(admin)
                .open(day, "09:00", "10:00", 1, 5)
                .open(day.plusDays(21), "09:00", "10:00", 1, 5)
                .deliver("comirnaty", 40, day.minusDays(1));
        var body = new java.util.LinkedHashMap<>(centre.releaseBody("comirnaty", day, day, 12));
        body.put("channel", "INVITATION");
        ApiResponse release = centre.tryRelease(body);
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        long releaseId = release.json().path("id").asLong();
        Page office = signedIn(Api.ADMIN_USER, Api.ADMIN_PASSWORD);

        office.navigate("/staff/office/invitations");
        office.locator("#count-" + releaseId).fill("viele");
        office.locator("#release-" + releaseId + " button").click();
        assertThat(office.locator("#error-summary")).containsText("ganze Zahl");
        assertThat(count("select count(*) from invitation where release_id = ?", releaseId))
                .isZero();

        office.locator("#count-" + releaseId).fill("5");
        office.locator("#household-" + releaseId).selectOption("2");
        PortalBrowser.screenshot(office, "office-invitations");
        Download download = office.waitForDownload(
                () -> office.locator("#release-" + releaseId + " button").click());
        List<String> lines = read(download).lines().toList();

        assertThat(lines.getFirst()).isEqualTo("\uFEFFcode,householdSize,centre,address,firstDoses,howToBook");
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(1, 6))
                .allSatisfy(line -> assertThat(line)
                        .matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{5},2,.*")
                        .contains("Teststraße 1"));
        String code = lines.get(1).split(",")[0];
        var persons = new Person[] {Person.unique(), Person.unique()};
        var hold =
                new java.util.LinkedHashMap<>(de.impftermin.support.Requests.hold(centre.id(), day, "09:00", persons));
        hold.put("invitationCode", code);
        ApiResponse held = api.post("/api/v1/holds", hold, citizens.citizen().holdHeaders());
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        office.navigate("/staff/office/invitations");
        assertThat(office.locator("#release-" + releaseId)).containsText("5 Codes erzeugt");
    }

    @Test
    void theOfficePrintsOneLetterPerCodeAndTheCsvKeepsItsUmlauts() throws Exception {
        LocalDate day = TestCentre.day(14);
        String id = TestCentre.freshId();
        ApiResponse created = admin.post(
                "/api/v1/admin/centres",
                obj(
                        "id",
                        id,
                        "name",
                        "Impfzentrum Lüdenscheid-Süd",
                        "county",
                        "Märkischer Kreis",
                        "postalCode",
                        "58511",
                        "address",
                        "Hohe Straße 5",
                        "phoneOnly",
                        false));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        TestCentre centre = TestCentre.existing(admin, id)
                .open(day, "09:00", "10:00", 1, 5)
                .open(day.plusDays(21), "09:00", "10:00", 1, 5)
                .deliver("comirnaty", 40, day.minusDays(1));
        var body = new java.util.LinkedHashMap<>(centre.releaseBody("comirnaty", day, day, 12));
        body.put("channel", "INVITATION");
        long releaseId = centre.tryRelease(body).json().path("id").asLong();
        Page office = signedIn(Api.ADMIN_USER, Api.ADMIN_PASSWORD);
        office.navigate("/staff/office/invitations");

        office.locator("#count-" + releaseId).fill("4");
        office.locator("#format-pdf-" + releaseId).check();
        Download letters = office.waitForDownload(
                () -> office.locator("#release-" + releaseId + " button").click());
        Process pdftotext = new ProcessBuilder(
                        "pdftotext", "-enc", "UTF-8", letters.path().toString(), "-")
                .redirectErrorStream(true)
                .start();
        String text = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(pdftotext.waitFor()).as(text).isZero();
        List<String> printed = java.util.regex.Pattern.compile(
                        "[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{5}")
                .matcher(text)
                .results()
                .map(java.util.regex.MatchResult::group)
                .toList();

        assertThat(printed).hasSize(4).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from invitation where release_id = ? and code_hash = any(?)")
                        .params(
                                releaseId,
                                printed.stream()
                                        .map(code -> de.impftermin.inventory.domain.InvitationCode.parse(code)
                                                .orElseThrow()
                                                .hash())
                                        .toArray(String[]::new))
                        .query(Integer.class)
                        .single())
                .as("every code printed is one the release issued")
                .isEqualTo(4);
        assertThat(text.split("\f")).as("one page per code").hasSizeGreaterThanOrEqualTo(4);
        assertThat(text).contains("Impfzentrum Lüdenscheid-Süd", "Hohe Straße 5", "Einladungscode eingeben", "116 117");

        office.locator("#count-" + releaseId).fill("2");
        office.locator("#format-csv-" + releaseId).check();
        Download csv = office.waitForDownload(
                () -> office.locator("#release-" + releaseId + " button").click());
        byte[] bytes = Files.readAllBytes(csv.path());
        String decoded = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
        assertThat(decoded).startsWith("\uFEFFcode,").contains("Impfzentrum Lüdenscheid-Süd", "Hohe Straße 5");
        assertThat(decoded.lines()).hasSize(3);
        assertThat(count("select count(*) from invitation where release_id = ?", releaseId))
                .isEqualTo(6);
    }

    @Test
    void aFormWithMistakesIsRefusedBesideItsFieldsAndCreatesNothing() {
        Page office = signedIn(Api.ADMIN_USER, Api.ADMIN_PASSWORD);
        int accountsBefore = count("select count(*) from staff_account");

        office.navigate("/staff/office/accounts");
        office.locator("#username").fill("Nicht Erlaubt!");
        office.locator("#role-OPERATOR").check();
        var response = office.waitForResponse(
                r -> r.url().endsWith("/staff/office/accounts")
                        && r.request().method().equals("POST"),
                () -> office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Konto anlegen"))
                        .click());

        assertThat(response.status()).isEqualTo(422);
        assertThat(office.locator("#error-summary")).containsText("Benutzernamen");
        assertThat(office.locator("#error-summary")).containsText("mindestens ein Zentrum");
        assertThat(office.locator("#username")).hasAttribute("aria-invalid", "true");
        assertThat(count("select count(*) from staff_account")).isEqualTo(accountsBefore);
        assertNoViolations(office, null, "Konten der Mitarbeitenden");

        office.navigate("/staff/office/audit?from=2022-13-45T99:00");
        assertThat(office.locator("#error-summary")).containsText("Datum und Uhrzeit");
        assertNoViolations(office, null, "Protokoll");
    }

    @Test
    void theStatisticsPageShowsTheBookingsOfTheLastDayAsChartTableAndCsv() {
        LocalDate day = TestCentre.day(12);
        TestCentre centre = TestCentre.bookable(admin, day, 6);
        for (int i = 0; i < 3; i++) {
            ApiResponse booked = citizens.book(citizens.citizen(), centre.id(), day, "09:00", Person.unique());
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        }
        Page office = signedIn(Api.ADMIN_USER, Api.ADMIN_PASSWORD);

        office.navigate("/staff/office/statistics");
        int sqlBooked = count(
                "select count(*) from booking where created_at >= date_trunc('hour', now()) - interval '23 hours'");

        assertThat(office.locator("#booked-total")).hasText(Integer.toString(sqlBooked));
        assertThat(office.locator("#per-hour tbody tr")).hasCount(24);
        assertThat(office.locator("section[aria-labelledby=per-hour-title] svg[role=img] rect"))
                .hasCount(24);
        assertThat(office.locator("section[aria-labelledby=per-day-title] svg[role=img] rect"))
                .hasCount(14);
        assertThat(office.locator("#per-day tbody tr").last().locator("td").first())
                .hasText(Integer.toString(
                        count("select count(*) from booking where created_at >= date_trunc('day', now() at time zone"
                                + " 'Europe/Berlin') at time zone 'Europe/Berlin'")));
        assertThat(office.locator("#centre-" + centre.id() + " .booked")).hasText("3");
        assertThat(office.locator("#centre-" + centre.id() + " .free")).hasText("3");
        PortalBrowser.screenshot(office, "office-statistics");
        Download download =
                office.waitForDownload(() -> office.locator("a[href='/staff/office/statistics/bookings-per-hour']")
                        .click());
        List<String> lines = read(download).lines().toList();
        assertThat(lines).hasSize(25);
        assertThat(lines.stream()
                        .skip(1)
                        .mapToInt(l -> Integer.parseInt(l.split(",")[1]))
                        .sum())
                .isEqualTo(sqlBooked);
    }

    @Test
    void everyOfficePageHasNoAxeViolationsInGermanAndEnglish() {
        Page office = signedIn(Api.ADMIN_USER, Api.ADMIN_PASSWORD);
        TestCentre centre = TestCentre.create(admin);
        List<String> pages = List.of(
                "/staff/office",
                "/staff/office/accounts",
                "/staff/office/audit",
                "/staff/office/statistics",
                "/staff/office/centres",
                "/staff/office/centres/" + centre.id(),
                "/staff/office/invitations");
        List<String> german = List.of(
                "Landesverwaltung",
                "Konten der Mitarbeitenden",
                "Protokoll",
                "Die Region",
                "Impfzentren",
                "Zentrum " + centre.id() + " bearbeiten",
                "Einladungscodes");
        List<String> english = List.of(
                "State office",
                "Staff accounts",
                "Audit log",
                "The region at a glance",
                "Vaccination centres",
                "Edit centre " + centre.id(),
                "Invitation codes");
        for (int i = 0; i < pages.size(); i++) {
            assertNoViolations(office, pages.get(i) + "?lang=de", german.get(i));
        }
        for (int i = 0; i < pages.size(); i++) {
            assertNoViolations(office, pages.get(i) + "?lang=en", english.get(i));
        }
        PortalBrowser.screenshot(office, "office-statistics-en");
        office.navigate("/staff/office?lang=de");
    }

    @Test
    void otherRolesAreRefusedEveryOfficePage() {
        for (String role : List.of("AGENT", "OPERATOR")) {
            String username = "t-" + UUID.randomUUID().toString().substring(0, 13);
            ApiResponse created = admin.post(
                    "/api/v1/admin/staff",
                    obj("username", username, "password", OfficeAccountsIntegrationTests.PASSWORD, "role", role));
            assertThat(created.status()).isEqualTo(201);
            jdbc.sql("update staff_account set must_change_password = false where username = ?")
                    .param(username)
                    .update();
            Page page = signedIn(username, OfficeAccountsIntegrationTests.PASSWORD);
            for (String path : List.of(
                    "/staff/office",
                    "/staff/office/accounts",
                    "/staff/office/audit",
                    "/staff/office/audit/export",
                    "/staff/office/statistics",
                    "/staff/office/statistics/bookings-per-hour",
                    "/staff/office/centres",
                    "/staff/office/invitations")) {
                var response = page.navigate(path);
                assertThat(response.status()).as(role + " " + path).isEqualTo(403);
            }
            page.navigate("/staff");
            String csrf = page.locator("input[name=_csrf]").first().getAttribute("value");
            var post = page.request()
                    .post(
                            "/staff/office/accounts/admin/deactivate",
                            RequestOptions.create()
                                    .setForm(FormData.create().set("_csrf", csrf))
                                    .setMaxRedirects(0));
            assertThat(post.status()).as(role + " POST").isEqualTo(403);
        }
        assertThat(count("select count(*) from staff_account where username = 'admin' and not deactivated"))
                .isEqualTo(1);
    }

    private Page signedIn(String username, String password) {
        Page page = signIn(username, password);
        assertThat(page.url()).doesNotContain("/staff/login");
        return page;
    }

    private static Page signIn(String username, String password) {
        Page page = browser.newPage();
        page.navigate("/staff/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.waitForNavigation(() -> page.locator("main button[type=submit]").click());
        return page;
    }

    private static void assertNoViolations(Page page, String path, String heading) {
        if (path != null) {
            page.navigate(path);
        }
        assertThat(page.locator("h1")).containsText(heading);
        List<PortalBrowser.Violation> violations = PortalBrowser.violations(page);
        assertThat(violations).as(page.url()).isEmpty();
    }

    private static String read(Download download) {
        try {
            return Files.readString(download.path(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
