package de.impftermin.hotline.console;

import static de.impftermin.hotline.console.ConsoleFixtures.CENTRE;
import static de.impftermin.hotline.console.ConsoleFixtures.ERNA_BORN;
import static de.impftermin.hotline.console.ConsoleFixtures.coupleBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.impftermin.booking.BookingView;
import de.impftermin.booking.HotlineBookings;
import de.impftermin.centres.Centres;
import de.impftermin.platform.Refusal;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A booking for the caller: the code to read aloud, the printable letter, cancel and resend. */
@WebMvcTest(
        controllers = ConsoleBookingController.class,
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ConsoleWebTestConfiguration.NOT_IN_SLICE))
@Import(ConsoleWebTestConfiguration.class)
@WithMockUser(username = "agent-1", roles = "AGENT")
class ConsoleBookingControllerTests {

    private static final String PAGE = "/staff/hotline/bookings/K7QM-3XTA-9PLW";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    HotlineBookings bookings;

    @MockitoBean
    Centres centres;

    @BeforeEach
    void aCoupleIsBooked() {
        given(centres.find("dorsten")).willReturn(Optional.of(CENTRE));
        given(bookings.find("K7QM-3XTA-9PLW", ERNA_BORN))
                .willReturn(Optional.of(coupleBooking(BookingView.Status.CONFIRMED, null)));
    }

    @Test
    void spellsTheNewBookingsCodeOutForReadingAloud() throws Exception {
        String page = mvc.perform(get(PAGE).param("birthDate", "1941-05-03").param("created", ""))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Gebucht – bitte den Code vorlesen", "K7QM-3XTA-9PLW");
        assertThat(page).contains("K wie Kaufmann · 7 – Sieben · Q wie Quelle · M wie Martha");
        assertThat(page).contains("keiner (Code vorlesen, Brief drucken)", "aria-keyshortcuts=\"Alt+D\"");
        // without phone or e-mail there is nothing to resend
        assertThat(page).doesNotContain("Bestätigung erneut senden");
    }

    @Test
    void spellsTheCodeWithTheIcaoAlphabetInEnglish() throws Exception {
        String page = mvc.perform(get(PAGE).param("birthDate", "1941-05-03").param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("K as in Kilo · 7 – seven · Q as in Quebec · M as in Mike");
    }

    @Test
    void printsALetterWithBothDosesOfEveryPersonOnA4() throws Exception {
        String page = mvc.perform(get(PAGE + "/letter").param("birthDate", "1941-05-03"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("/css/letter.css", "Ihre Impftermine", "K7QM-3XTA-9PLW");
        assertThat(page)
                .contains(
                        "Erna Muster (geb. 03.05.1941)",
                        "Karl Muster (geb. 02.01.1940)",
                        "Donnerstag, 10. März 2022, 09:00 Uhr",
                        "Donnerstag, 31. März 2022, 09:05 Uhr");
        assertThat(page.split("<tr>", -1)).hasSize(1 + 1 + 4); // the head row and four doses
    }

    @Test
    void cancelsForTheCallerAfterAskingOnce() throws Exception {
        String question = mvc.perform(get(PAGE + "/cancel").param("birthDate", "1941-05-03"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(question).contains("Buchung K7QM-3XTA-9PLW stornieren?", "Ja, stornieren");
        given(bookings.cancel("K7QM-3XTA-9PLW", ERNA_BORN))
                .willReturn(coupleBooking(BookingView.Status.CANCELLED, null));

        var result = mvc.perform(post(PAGE + "/cancel").with(csrf()).param("birthDate", "1941-05-03"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(PAGE + "?birthDate=1941-05-03"))
                .andReturn();

        verify(bookings).cancel("K7QM-3XTA-9PLW", ERNA_BORN);
        assertThat(result.getFlashMap().get("notice")).isEqualTo("hotline.booking.cancelled");
    }

    @Test
    void explainsThatABookingWithoutContactCannotBeResent() throws Exception {
        given(bookings.resendConfirmation("K7QM-3XTA-9PLW", ERNA_BORN))
                .willThrow(Refusal.invalid("NO_CONTACT", "none"));

        var result = mvc.perform(post(PAGE + "/resend").with(csrf()).param("birthDate", "1941-05-03"))
                .andExpect(status().isFound())
                .andReturn();

        assertThat(result.getFlashMap().get("notice")).isEqualTo("hotline.refusal.NO_CONTACT");
    }

    @Test
    void answersAWrongBirthDateAsNotFound() throws Exception {
        given(bookings.find("K7QM-3XTA-9PLW", ERNA_BORN.plusDays(1))).willReturn(Optional.empty());

        mvc.perform(get(PAGE).param("birthDate", "1941-05-04")).andExpect(status().isNotFound());
    }

    @Test
    void startsARebookingWithTheBookingsPersonsOnTheCallerCard() throws Exception {
        MockHttpSession session = new MockHttpSession();

        mvc.perform(post(PAGE + "/rebook").with(csrf()).session(session).param("birthDate", "1941-05-03"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/hotline"));

        CallerCard card = CallerCard.of(session);
        assertThat(card.movingBooking()).contains(new CallerCard.Rebooking("K7QM-3XTA-9PLW", ERNA_BORN));
        assertThat(card.search().household()).isEqualTo(2);
        assertThat(card.search().persons())
                .containsExactly(
                        new SearchForm.PersonRow("03.05.1941", "46282"),
                        new SearchForm.PersonRow("02.01.1940", "46282"));
    }

    @Test
    void answersAnAddressWithoutABirthDateAsABadRequestPage() throws Exception {
        String page = mvc.perform(get(PAGE))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Das ist so nicht möglich.");
        mvc.perform(get(PAGE).param("birthDate", "gestern")).andExpect(status().isBadRequest());
    }

    @Test
    @WithMockUser(username = "operator-1", roles = "OPERATOR")
    void refusesACentreOperator() throws Exception {
        mvc.perform(get(PAGE).param("birthDate", "1941-05-03")).andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/cancel").with(csrf()).param("birthDate", "1941-05-03"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(bookings);
    }
}
