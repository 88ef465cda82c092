package de.impftermin.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.impftermin.booking.HoldView;
import de.impftermin.booking.HotlineBookings;
import de.impftermin.booking.WantedAppointments;
import de.impftermin.centres.Centre;
import de.impftermin.eligibility.Applicant;
import de.impftermin.inventory.FreeTime;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The console's home: the caller card form, its errors in plain words, the offers, holding one, and who may. */
@WebMvcTest(
        controllers = ConsoleSearchController.class,
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ConsoleWebTestConfiguration.NOT_IN_SLICE))
@Import(ConsoleWebTestConfiguration.class)
@WithMockUser(username = "agent-1", roles = "AGENT")
class ConsoleSearchControllerTests {

    private static final Centre CENTRE =
            new Centre("dorsten", "Impfzentrum Dorsten", "Recklinghausen", "46282", "Altstadt 1", false, null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Offers offers;

    @MockitoBean
    HotlineBookings bookings;

    @Test
    void showsTheEmptyCallerCardWithItsShortcutKeys() throws Exception {
        String page = mvc.perform(get("/staff/hotline"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Termine für Anrufende", "Personen im Haushalt", "aria-keyshortcuts=\"Alt+S\"");
        assertThat(page).contains("<kbd>Alt</kbd>+<kbd>B</kbd>");
        // no call-back queue in this slice: no panel, no key for it
        assertThat(page).doesNotContain("Rückrufe", "Alt+N");
        verifyNoInteractions(offers);
    }

    @Test
    void showsEveryMissingEntryInTheErrorSummaryAndNextToItsField() throws Exception {
        String page = mvc.perform(post("/staff/hotline/search")
                        .with(csrf())
                        .param("household", "2")
                        .param("persons[0].birthDate", "31.02.1941")
                        .param("persons[0].postalCode", "462")
                        .param("persons[1].birthDate", "")
                        .param("persons[1].postalCode", "46282")
                        .param("day", ""))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"error-summary\"", "role=\"alert\"");
        assertThat(page)
                .contains(
                        "href=\"#persons0-birthDate\"",
                        "Person 1: Das Geburtsdatum ist kein gültiges Datum",
                        "href=\"#persons0-postalCode\"",
                        "Person 1: Die Postleitzahl hat 5 Ziffern.",
                        "href=\"#persons1-birthDate\"",
                        "Person 2: Bitte das Geburtsdatum eingeben.",
                        "href=\"#day\"",
                        "Bitte den Wunschtag eingeben.");
        assertThat(page).contains("id=\"persons0-birthDate-error\"", "aria-invalid=\"true\"");
        // what was typed stays on the card
        assertThat(page).contains("value=\"31.02.1941\"");
        verifyNoInteractions(offers);
    }

    @Test
    void checksOnlyThePersonsOfTheHousehold() throws Exception {
        mvc.perform(post("/staff/hotline/search")
                        .with(csrf())
                        .session(new MockHttpSession())
                        .param("household", "1")
                        .param("persons[0].birthDate", "03051941")
                        .param("persons[0].postalCode", "46282")
                        .param("persons[1].birthDate", "nonsense")
                        .param("day", "10.03.2022")
                        .param("timeOfDay", "MORNING"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/hotline#results"));
    }

    @Test
    void showsTheErrorsInEnglishWhenTheConsoleIsSwitched() throws Exception {
        String page = mvc.perform(post("/staff/hotline/search")
                        .with(csrf())
                        .param("lang", "en")
                        .param("household", "1")
                        .param("persons[0].birthDate", "")
                        .param("persons[0].postalCode", "46282")
                        .param("day", "10.03.2022"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Person 1: please enter the date of birth.", "Please check your entries");
    }

    @Test
    void keepsTheCallerCardInTheSessionAndShowsPhoneOffersBeforeOnlineOnes() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/staff/hotline/search")
                        .with(csrf())
                        .session(session)
                        .param("household", "2")
                        .param("persons[0].birthDate", "03.05.1941")
                        .param("persons[0].postalCode", "46282")
                        .param("persons[1].birthDate", "1942-07-01")
                        .param("persons[1].postalCode", "46282")
                        .param("day", "10.03.2022"))
                .andExpect(status().isFound());
        Instant first = Instant.parse("2022-03-10T08:00:00Z");
        FreeTime free = new FreeTime(first, Vaccine.COMIRNATY, Instant.parse("2022-03-31T07:00:00Z"), 4);
        given(offers.find(any()))
                .willReturn(new Offers.Answer(
                        List.of(new Offers.CentreOffers(
                                CENTRE,
                                List.of(),
                                List.of(new Offers.Offer(Channel.PHONE, free)),
                                List.of(new Offers.Offer(Channel.ONLINE, free)))),
                        2,
                        HouseholdEligibility.decide(
                                List.of(
                                        new Applicant(LocalDate.of(1941, 5, 3), "46282"),
                                        new Applicant(LocalDate.of(1942, 7, 1), "46282")),
                                List.of()),
                        null));

        String page = mvc.perform(get("/staff/hotline").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("value=\"03.05.1941\"", "value=\"01.07.1942\"");
        assertThat(page.indexOf("Telefon-Kontingent")).isPositive().isLessThan(page.indexOf("Online-Kontingent"));
        assertThat(page)
                .contains("1. Impfung: Do., 10.03.2022, 09:00 Uhr", "2. Impfung ab: Do., 31.03.2022, 09:00 Uhr");
        assertThat(page).contains("Weitere 2 Zentren");
        ArgumentCaptor<Offers.Search> search = ArgumentCaptor.forClass(Offers.Search.class);
        verify(offers).find(search.capture());
        assertThat(search.getValue().persons()).hasSize(2);
        assertThat(search.getValue().where()).isEqualTo("46282");
        assertThat(search.getValue().day()).isEqualTo(LocalDate.of(2022, 3, 10));
    }

    @Test
    void holdsTheChosenOfferForTheCallerInItsContingent() throws Exception {
        MockHttpSession session = searched();
        UUID holdId = UUID.randomUUID();
        given(bookings.hold(eq("agent-1"), any(), eq(Channel.PHONE)))
                .willReturn(new HoldView(holdId, OffsetDateTime.parse("2022-03-01T09:10:00+01:00"), List.of()));

        mvc.perform(post("/staff/hotline/hold")
                        .with(csrf())
                        .session(session)
                        .param("centreId", "dorsten")
                        .param("date", "2022-03-10")
                        .param("time", "09:00")
                        .param("channel", "PHONE")
                        .param("vaccine", "comirnaty"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/hotline/holds/" + holdId));

        ArgumentCaptor<WantedAppointments> wanted = ArgumentCaptor.forClass(WantedAppointments.class);
        verify(bookings).hold(eq("agent-1"), wanted.capture(), eq(Channel.PHONE));
        assertThat(wanted.getValue().persons()).containsExactly(new Applicant(LocalDate.of(1941, 5, 3), "46282"));
        assertThat(wanted.getValue().vaccine()).isEqualTo(Vaccine.COMIRNATY);
    }

    @Test
    void explainsARefusedHoldInPlainWords() throws Exception {
        MockHttpSession session = searched();
        given(bookings.hold(any(), any(), any()))
                .willThrow(new Refusal(HttpStatus.CONFLICT, "NO_APPOINTMENTS", "gone"));

        var result = mvc.perform(post("/staff/hotline/hold")
                        .with(csrf())
                        .session(session)
                        .param("centreId", "dorsten")
                        .param("date", "2022-03-10")
                        .param("time", "09:00")
                        .param("channel", "ONLINE"))
                .andExpect(status().isFound())
                .andReturn();

        assertThat(result.getFlashMap().get("notice")).isEqualTo("hotline.refusal.NO_APPOINTMENTS");
    }

    @Test
    @WithMockUser(username = "operator-1", roles = "OPERATOR")
    void refusesACentreOperator() throws Exception {
        mvc.perform(get("/staff/hotline")).andExpect(status().isForbidden());
        mvc.perform(post("/staff/hotline/hold")
                        .with(csrf())
                        .param("centreId", "dorsten")
                        .param("date", "2022-03-10")
                        .param("time", "09:00")
                        .param("channel", "PHONE"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(bookings, offers);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void letsAnAdministratorIn() throws Exception {
        mvc.perform(get("/staff/hotline"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"));
    }

    private MockHttpSession searched() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/staff/hotline/search")
                        .with(csrf())
                        .session(session)
                        .param("household", "1")
                        .param("persons[0].birthDate", "03.05.1941")
                        .param("persons[0].postalCode", "46282")
                        .param("day", "10.03.2022"))
                .andExpect(status().isFound());
        return session;
    }
}
