package de.impftermin.hotline.console;

import static de.impftermin.hotline.console.ConsoleFixtures.CENTRE;
import static de.impftermin.hotline.console.ConsoleFixtures.coupleBooking;
import static de.impftermin.hotline.console.ConsoleFixtures.coupleHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.impftermin.booking.BookingView;
import de.impftermin.booking.Contact;
import de.impftermin.booking.HotlineBookings;
import de.impftermin.booking.PersonDetails;
import de.impftermin.centres.Centres;
import de.impftermin.platform.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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

/** The held page: the series and the expiry, the names form with its errors, and the booking. */
@WebMvcTest(
        controllers = {ConsoleHeldController.class, ConsoleSearchController.class},
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ConsoleWebTestConfiguration.NOT_IN_SLICE))
@Import(ConsoleWebTestConfiguration.class)
@WithMockUser(username = "agent-1", roles = "AGENT")
class ConsoleHeldControllerTests {

    private final UUID holdId = UUID.randomUUID();
    private final MockHttpSession session = new MockHttpSession();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    HotlineBookings bookings;

    @MockitoBean
    Centres centres;

    @MockitoBean
    Offers offers;

    @BeforeEach
    void aCoupleIsHeld() throws Exception {
        given(centres.find("dorsten")).willReturn(Optional.of(CENTRE));
        given(bookings.findHold("agent-1", holdId)).willReturn(Optional.of(coupleHold(holdId)));
        mvc.perform(post("/staff/hotline/search")
                .with(csrf())
                .session(session)
                .param("household", "2")
                .param("persons[0].birthDate", "03.05.1941")
                .param("persons[0].postalCode", "46282")
                .param("persons[1].birthDate", "02.01.1940")
                .param("persons[1].postalCode", "46282")
                .param("day", "10.03.2022")); // an operator's search is refused, see below
    }

    @Test
    void showsBothDosesOfEveryHeldPersonAndWhenTheHoldEnds() throws Exception {
        String page = mvc.perform(get("/staff/hotline/holds/" + holdId).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Reserviert bis 09:10 Uhr", "Impfzentrum Dorsten", "geb. 03.05.1941");
        assertThat(page).contains("1. Impfung: Do., 10.03.2022, 09:00 Uhr", "2. Impfung: Do., 31.03.2022, 09:00 Uhr");
        assertThat(page).contains("id=\"names1-lastName\"", "Verbindlich buchen", "aria-keyshortcuts=\"Alt+B\"");
    }

    @Test
    void asksForEveryMissingNameAndBooksNothing() throws Exception {
        String page = mvc.perform(post("/staff/hotline/holds/" + holdId + "/confirm")
                        .with(csrf())
                        .session(session)
                        .param("names[0].firstName", "Erna")
                        .param("names[0].lastName", "")
                        .param("names[1].firstName", "")
                        .param("names[1].lastName", "Muster")
                        .param("email", "no-address"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains(
                        "href=\"#names0-lastName\"",
                        "Person 1: Bitte den Nachnamen eingeben.",
                        "href=\"#names1-firstName\"",
                        "Person 2: Bitte den Vornamen eingeben.",
                        "href=\"#email\"",
                        "Die E-Mail-Adresse ist nicht gültig.");
        assertThat(page.indexOf("#names0-lastName")).isLessThan(page.indexOf("#names1-firstName"));
        verify(bookings, never()).confirm(any(), any(), anyList(), any());
    }

    @Test
    void booksTheHeldPersonsWithoutAnyContactAndShowsTheBooking() throws Exception {
        given(bookings.confirm(eq("agent-1"), eq(holdId), anyList(), any()))
                .willReturn(coupleBooking(BookingView.Status.CONFIRMED, null));

        mvc.perform(post("/staff/hotline/holds/" + holdId + "/confirm")
                        .with(csrf())
                        .session(session)
                        .param("names[0].firstName", "Erna")
                        .param("names[0].lastName", "Muster")
                        .param("names[1].firstName", "Karl")
                        .param("names[1].lastName", "Muster"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/hotline/bookings/K7QM-3XTA-9PLW?birthDate=1941-05-03&created="));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<PersonDetails>> persons = ArgumentCaptor.forClass(List.class);
        ArgumentCaptor<Contact> contact = ArgumentCaptor.forClass(Contact.class);
        verify(bookings).confirm(eq("agent-1"), eq(holdId), persons.capture(), contact.capture());
        assertThat(persons.getValue())
                .containsExactly(
                        new PersonDetails("Erna", "Muster", ConsoleFixtures.ERNA_BORN, "46282"),
                        new PersonDetails("Karl", "Muster", ConsoleFixtures.KARL_BORN, "46282"));
        assertThat(contact.getValue().phone()).isNull();
        assertThat(contact.getValue().email()).isNull();
    }

    @Test
    void explainsThatAPersonIsBookedAlready() throws Exception {
        given(bookings.confirm(any(), any(), anyList(), any()))
                .willThrow(new Refusal(HttpStatus.CONFLICT, "ALREADY_BOOKED", "booked"));

        String page = mvc.perform(post("/staff/hotline/holds/" + holdId + "/confirm")
                        .with(csrf())
                        .session(session)
                        .param("names[0].firstName", "Erna")
                        .param("names[0].lastName", "Muster")
                        .param("names[1].firstName", "Karl")
                        .param("names[1].lastName", "Muster")
                        .param("phone", "+49 170 1234567"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Eine der Personen hat schon einen gebuchten Termin", "value=\"+49 170 1234567\"");
    }

    @Test
    void saysWhenTheHoldHasExpired() throws Exception {
        given(bookings.findHold("agent-1", holdId)).willReturn(Optional.empty());

        String page = mvc.perform(get("/staff/hotline/holds/" + holdId).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Die Reservierung ist abgelaufen");
    }

    @Test
    void confirmsARebookingInsteadOfANewBookingWhenTheCallerMovesOne() throws Exception {
        CallerCard.of(session)
                .rebooking(
                        CallerCard.of(session).search(),
                        new CallerCard.Rebooking("K7QM-3XTA-9PLW", ConsoleFixtures.ERNA_BORN))
                .save(session);
        String page = mvc.perform(get("/staff/hotline/holds/" + holdId).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Die Buchung K7QM-3XTA-9PLW wird durch diese Termine ersetzt", "Umbuchung bestätigen");
        assertThat(page).doesNotContain("Verbindlich buchen");
        given(bookings.rebook("agent-1", "K7QM-3XTA-9PLW", ConsoleFixtures.ERNA_BORN, holdId))
                .willReturn(coupleBooking(BookingView.Status.CONFIRMED, null));

        mvc.perform(post("/staff/hotline/holds/" + holdId + "/rebook")
                        .with(csrf())
                        .session(session))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/hotline/bookings/K7QM-3XTA-9PLW?birthDate=1941-05-03"));

        assertThat(CallerCard.of(session).movingBooking()).isEmpty();
    }

    @Test
    @WithMockUser(username = "operator-1", roles = "OPERATOR")
    void refusesACentreOperator() throws Exception {
        mvc.perform(get("/staff/hotline/holds/" + holdId)).andExpect(status().isForbidden());
    }
}
