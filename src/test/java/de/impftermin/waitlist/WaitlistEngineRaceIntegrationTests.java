package de.impftermin.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.booking.Contact;
import de.impftermin.booking.PersonDetails;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Race;
import de.impftermin.support.TestCentre;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** Several engine instances at once against a long line: exactly-once offers, in order. */
@IntegrationTest
class WaitlistEngineRaceIntegrationTests extends WaitlistTestSupport {

    private static final Logger log = LoggerFactory.getLogger(WaitlistEngineRaceIntegrationTests.class);

    @Autowired
    Waitlist waitlist;

    @Test
    void fourRacingEnginesOfferThreeHundredSeriesToTheFirstThreeHundredOfAThousandEachExactlyOnce() {
        LocalDate day = TestCentre.day(50);
        TestCentre centre = TestCentre.create(admin)
                .open(day, "08:00", "20:00", 3, 5)
                .open(day.plusDays(21), "08:00", "20:00", 3, 5)
                .deliver("comirnaty", 600, day.minusDays(1));
        String token = citizens.citizen().token();
        long registering = System.nanoTime();
        List<UUID> line = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            PersonDetails person = new PersonDetails(
                    "Wait", "Ing" + i + "x" + UUID.randomUUID(), LocalDate.of(1950, 1, 1), TestCentre.POSTAL_CODE);
            Registered registered = waitlist.register(
                    token,
                    new RegistrationRequest(List.of(person), List.of(centre.id()), null, new Contact(null, null)));
            line.add(((Registered.OnTheList) registered).id());
        }
        log.info("1,000 registrations in {} ms", (System.nanoTime() - registering) / 1_000_000);
        assertThat(centre.release("comirnaty", day, day, 300).path("series").asInt())
                .isEqualTo(300);

        long racing = System.nanoTime();
        List<Integer> made = Race.run(4, i -> runEngine());
        long raceMillis = (System.nanoTime() - racing) / 1_000_000;
        log.info("4 racing engine runs made {} offers in {} ms", made, raceMillis);

        assertThat(made.stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        assertThat(count("select count(*) from waitlist_offer where centre_id = ? and state = 'LIVE'", centre.id()))
                .isEqualTo(300);
        // every series in exactly one offer's hold, and no registration with two offers
        assertThat(count("""
                        select count(distinct p.id) from appointment_pair p
                        join waitlist_offer o on o.hold_id = p.hold_id and o.state = 'LIVE'
                        where p.centre_id = ? and p.hold_expires_at > now()
                        """, centre.id())).isEqualTo(300);
        assertThat(count(
                        "select count(*) from (select registration_id from waitlist_offer where centre_id = ?"
                                + " group by registration_id having count(*) > 1) twice",
                        centre.id()))
                .isZero();
        // in registration order: the offered are exactly the first 300 in line
        List<UUID> offered = jdbc.sql("""
                        select w.id from waitlist_registration w
                        where w.status = 'OFFERED' and w.centre_ids = array[?::text]
                        order by w.waiting_since, w.id
                        """).param(centre.id()).query(UUID.class).list();
        assertThat(offered).containsExactlyElementsOf(line.subList(0, 300));
        assertThat(count(
                        "select count(*) from outbox_message where body like '%/warteliste/%' and recipient = (select contact_phone from waitlist_registration where id = ?)",
                        line.getFirst()))
                .isEqualTo(300);
        invariants.check(centre.id());
    }
}
