package de.impftermin.hotline.console;

import static de.impftermin.hotline.console.ConsoleFixtures.ERNA_BORN;
import static de.impftermin.hotline.console.ConsoleFixtures.coupleBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.impftermin.booking.BookingView;
import de.impftermin.booking.HotlineBookings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Finding a caller's booking by code and birth date, or by name, birth date and postal code. */
@WebMvcTest(
        controllers = ConsoleFindController.class,
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ConsoleWebTestConfiguration.NOT_IN_SLICE))
@Import(ConsoleWebTestConfiguration.class)
@WithMockUser(username = "agent-1", roles = "AGENT")
class ConsoleFindControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    HotlineBookings bookings;

    @Test
    void leadsAFoundCodeToItsBooking() throws Exception {
        given(bookings.find("k7qm 3xta 9plw", ERNA_BORN))
                .willReturn(Optional.of(coupleBooking(BookingView.Status.CONFIRMED, null)));

        mvc.perform(post("/staff/hotline/find/code")
                        .with(csrf())
                        .param("code", "k7qm 3xta 9plw")
                        .param("codeBirthDate", "03051941"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/hotline/bookings/K7QM-3XTA-9PLW?birthDate=1941-05-03"));
    }

    @Test
    void saysSoWhenNothingIsFound() throws Exception {
        given(bookings.find("K7QM-3XTA-9PLW", ERNA_BORN)).willReturn(Optional.empty());

        String page = mvc.perform(post("/staff/hotline/find/code")
                        .with(csrf())
                        .param("code", "K7QM-3XTA-9PLW")
                        .param("codeBirthDate", "03.05.1941"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("role=\"status\"", "Keine Buchung gefunden.");
    }

    @Test
    void showsTheNameSearchsMissingEntries() throws Exception {
        String page = mvc.perform(post("/staff/hotline/find/name")
                        .with(csrf())
                        .param("lastName", "")
                        .param("birthDate", "3.5.41")
                        .param("postalCode", "46282"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains(
                        "href=\"#lastName\"",
                        "Bitte den Nachnamen eingeben.",
                        "href=\"#birthDate\"",
                        "Das Geburtsdatum ist kein gültiges Datum");
        verifyNoInteractions(bookings);
    }

    @Test
    void listsTheBookingsFoundByNameWithLinksToThem() throws Exception {
        given(bookings.findByName("", "Muster", ERNA_BORN, "46282"))
                .willReturn(List.of(coupleBooking(BookingView.Status.CONFIRMED, null)));

        String page = mvc.perform(post("/staff/hotline/find/name")
                        .with(csrf())
                        .param("lastName", "Muster")
                        .param("birthDate", "03.05.1941")
                        .param("postalCode", "46282"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains(
                        "Eine Buchung gefunden.",
                        "href=\"/staff/hotline/bookings/K7QM-3XTA-9PLW?birthDate=1941-05-03\"",
                        "Erna Muster, Karl Muster");
    }

    @Test
    @WithMockUser(username = "operator-1", roles = "OPERATOR")
    void refusesACentreOperator() throws Exception {
        mvc.perform(get("/staff/hotline/find")).andExpect(status().isForbidden());
    }
}
