package de.impftermin.hotline.console;

import static de.impftermin.hotline.console.ConsoleFixtures.CENTRE;
import static de.impftermin.hotline.console.ConsoleFixtures.ERNA_BORN;
import static de.impftermin.hotline.console.ConsoleFixtures.KARL_BORN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.impftermin.booking.HotlineBookings;
import de.impftermin.centres.Centres;
import de.impftermin.waitlist.Registered;
import de.impftermin.waitlist.RegistrationRequest;
import de.impftermin.waitlist.Waitlist;
import de.impftermin.waitlist.domain.Registration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A caller for whom nothing fits is put on the waitlist from the caller card, with a contact and centres. */
@WebMvcTest(
        controllers = {ConsoleWaitlistController.class, ConsoleSearchController.class},
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ConsoleWebTestConfiguration.NOT_IN_SLICE))
@Import(ConsoleWebTestConfiguration.class)
@WithMockUser(username = "agent-1", roles = "AGENT")
class ConsoleWaitlistControllerTests {

    private final MockHttpSession session = new MockHttpSession();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Waitlist waitlist;

    @MockitoBean
    HotlineBookings bookings;

    @MockitoBean
    Centres centres;

    @MockitoBean
    Offers offers;

    @BeforeEach
    void aCoupleWasSearchedFor() throws Exception {
        given(centres.all()).willReturn(List.of(CENTRE));
        mvc.perform(post("/staff/hotline/search")
                .with(csrf())
                .session(session)
                .param("household", "2")
                .param("persons[0].birthDate", "03.05.1941")
                .param("persons[0].postalCode", "46282")
                .param("persons[1].birthDate", "02.01.1940")
                .param("persons[1].postalCode", "46282")
                .param("day", "10.03.2022"));
    }

    @Test
    void offersTheWaitlistWithTheCallersPersonsAndTheCentres() throws Exception {
        String page = mvc.perform(get("/staff/hotline/waitlist").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Auf die Warteliste setzen", "Person 2 (02.01.1940, 46282)", "id=\"names1-lastName\"")
                .contains("Impfzentrum Dorsten (Recklinghausen)", "aria-keyshortcuts=\"Alt+W\"");
    }

    @Test
    void asksForAContactAndACentreAndRegistersNothingWithout() throws Exception {
        String page = mvc.perform(post("/staff/hotline/waitlist")
                        .with(csrf())
                        .session(session)
                        .param("names[0].firstName", "Erna")
                        .param("names[0].lastName", "Muster")
                        .param("names[1].firstName", "Karl")
                        .param("names[1].lastName", "Muster"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("href=\"#phone\"", "Bitte geben Sie eine Handynummer oder eine E-Mail-Adresse an")
                .contains("href=\"#centres\"", "Bitte wählen Sie mindestens ein Impfzentrum.");
        verify(waitlist, never()).registerForCaller(any());
    }

    @Test
    void putsTheCoupleOnTheListAndSaysTheirPlace() throws Exception {
        given(waitlist.registerForCaller(any()))
                .willReturn(new Registered.OnTheList(UUID.randomUUID(), "secret", Registration.Status.WAITING, 7));

        String page = mvc.perform(post("/staff/hotline/waitlist")
                        .with(csrf())
                        .session(session)
                        .param("names[0].firstName", "Erna")
                        .param("names[0].lastName", "Muster")
                        .param("names[1].firstName", "Karl")
                        .param("names[1].lastName", "Muster")
                        .param("phone", "0170 1234567")
                        .param("centreIds", "dorsten"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Platz 7 auf der Warteliste.").doesNotContain("secret");
        ArgumentCaptor<RegistrationRequest> request = ArgumentCaptor.forClass(RegistrationRequest.class);
        verify(waitlist).registerForCaller(request.capture());
        assertThat(request.getValue().centreIds()).containsExactly("dorsten");
        assertThat(request.getValue().persons()).extracting(p -> p.birthDate()).containsExactly(ERNA_BORN, KARL_BORN);
        assertThat(request.getValue().contact().phone()).isNotBlank();
    }

    @Test
    void withoutACallerCardGoesBackToTheSearch() throws Exception {
        mvc.perform(get("/staff/hotline/waitlist").session(new MockHttpSession()))
                .andExpect(redirectedUrl("/staff/hotline"));
    }
}
