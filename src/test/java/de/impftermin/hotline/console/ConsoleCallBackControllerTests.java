package de.impftermin.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.impftermin.booking.HotlineBookings;
import de.impftermin.hotline.CallBackOutcome;
import de.impftermin.hotline.CallBackQueueStats;
import de.impftermin.hotline.CallBacks;
import de.impftermin.hotline.OutcomeRecorded;
import de.impftermin.hotline.TakenCallBack;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
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

/** The call-back queue in the console: its numbers, the next call-back onto the caller card, and the outcome. */
@WebMvcTest(
        controllers = {ConsoleCallBackController.class, ConsoleSearchController.class},
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ConsoleWebTestConfiguration.NOT_IN_SLICE))
@Import(ConsoleWebTestConfiguration.class)
@WithMockUser(username = "agent-1", roles = "AGENT")
class ConsoleCallBackControllerTests {

    private final UUID id = UUID.randomUUID();
    private final MockHttpSession session = new MockHttpSession();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CallBacks callBacks;

    @MockitoBean
    Offers offers;

    @MockitoBean
    HotlineBookings bookings;

    @Test
    void showsTheQueueAndTheNextCallBackKey() throws Exception {
        given(callBacks.stats()).willReturn(new CallBackQueueStats(7, 2, Duration.ofMinutes(42), 10, 9, 12));

        String page =
                mvc.perform(get("/staff/hotline")).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Wartend: 7 · älteste Wartezeit: 42 Min. · Rückrufe pro Stunde: 12");
        assertThat(page).contains("Nächster Rückruf", "aria-keyshortcuts=\"Alt+N\"");
    }

    @Test
    void startsACallerCardWithTheCallBacksPhoneHouseholdAndPostalCode() throws Exception {
        given(callBacks.takeNext("agent-1"))
                .willReturn(Optional.of(new TakenCallBack(id, "+4917012345678", "46282", 2, 1)));

        mvc.perform(post("/staff/hotline/callbacks/next").with(csrf()).session(session))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/hotline"));

        CallerCard card = CallerCard.of(session);
        assertThat(card.callBack()).isEqualTo(new CallerCard.CallBack(id, "+4917012345678", "46282", 2, 1));
        assertThat(card.search().household()).isEqualTo(2);
        assertThat(card.search().persons()).allMatch(p -> p.postalCode().equals("46282"));
        assertThat(card.contact().phone()).isEqualTo("+4917012345678");
        String page = mvc.perform(get("/staff/hotline").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Rückruf: bitte +4917012345678 anrufen (2. Versuch).", "Nicht erreicht");
    }

    @Test
    void saysSoWhenNobodyWaits() throws Exception {
        given(callBacks.takeNext("agent-1")).willReturn(Optional.empty());

        var result = mvc.perform(
                        post("/staff/hotline/callbacks/next").with(csrf()).session(session))
                .andReturn();

        assertThat(result.getFlashMap().get("notice")).isEqualTo("hotline.callBacks.none");
    }

    @Test
    void closesTheCallBackAsBookedWithTheCodeBookedDuringTheCall() throws Exception {
        CallerCard.forCallBack(new CallerCard.CallBack(id, "+4917012345678", "46282", 1, 0))
                .booked("K7QM-3XTA-9PLW")
                .save(session);
        given(callBacks.recordOutcome(id, CallBackOutcome.BOOKED, "K7QM-3XTA-9PLW", "agent-1"))
                .willReturn(new OutcomeRecorded.Recorded(id, "DONE"));

        var result = mvc.perform(post("/staff/hotline/callbacks/outcome")
                        .with(csrf())
                        .session(session)
                        .param("outcome", "BOOKED"))
                .andExpect(status().isFound())
                .andReturn();

        assertThat(result.getFlashMap().get("notice")).isEqualTo("hotline.callBacks.recorded");
        assertThat(CallerCard.of(session).callBack()).isNull();
    }

    @Test
    void keepsTheCallBackWhenBookedIsChosenWithoutABooking() throws Exception {
        CallerCard.forCallBack(new CallerCard.CallBack(id, "+4917012345678", "46282", 1, 0))
                .save(session);
        given(callBacks.recordOutcome(id, CallBackOutcome.BOOKED, null, "agent-1"))
                .willReturn(new OutcomeRecorded.BookingCodeRequired());

        var result = mvc.perform(post("/staff/hotline/callbacks/outcome")
                        .with(csrf())
                        .session(session)
                        .param("outcome", "BOOKED"))
                .andReturn();

        assertThat(result.getFlashMap().get("notice")).isEqualTo("hotline.callBacks.bookFirst");
        assertThat(CallerCard.of(session).callBack()).isNotNull();
    }

    @Test
    @WithMockUser(username = "operator-1", roles = "OPERATOR")
    void refusesACentreOperator() throws Exception {
        mvc.perform(post("/staff/hotline/callbacks/next").with(csrf())).andExpect(status().isForbidden());
    }
}
