package de.impftermin.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.impftermin.booking.Contact;
import de.impftermin.booking.PersonDetails;
import de.impftermin.shared.Language;
import de.impftermin.support.IntegrationTest;
import de.impftermin.support.Requests.Person;
import de.impftermin.support.TestCentre;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** A hotline agent puts a caller on the list without a verification, audited in the same transaction. */
@IntegrationTest
class CallerRegistrationIntegrationTests extends WaitlistTestSupport {

    @Autowired
    Waitlist waitlist;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAgentPutsACallerOnTheListAndTheAuditLogSaysWho() {
        TestCentre centre = TestCentre.create(admin);
        String agent = "agent-" + System.nanoTime();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        agent, "n/a", AuthorityUtils.createAuthorityList("ROLE_AGENT")));

        Registered registered = waitlist.registerForCaller(request(centre, "+4917012345678"));

        assertThat(registered).isInstanceOf(Registered.OnTheList.class);
        Registered.OnTheList onTheList = (Registered.OnTheList) registered;
        assertThat(onTheList.position()).isPositive();
        assertThat(count(
                        "select count(*) from audit_event where actor = ? and action = 'WAITLIST_REGISTERED'"
                                + " and subject = ?",
                        agent,
                        onTheList.id().toString()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from waitlist_registration where id = ?::uuid",
                        onTheList.id().toString()))
                .isEqualTo(1);
    }

    @Test
    void aCallerWithoutAnyContactIsNotRegistered() {
        TestCentre centre = TestCentre.create(admin);
        int before = count("select count(*) from waitlist_registration");

        assertThatThrownBy(() -> waitlist.registerForCaller(request(centre, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(count("select count(*) from waitlist_registration")).isEqualTo(before);
    }

    private static RegistrationRequest request(TestCentre centre, String phone) {
        Person person = Person.unique();
        return new RegistrationRequest(
                List.of(new PersonDetails(
                        person.firstName(), person.lastName(), person.birthDate(), person.postalCode())),
                List.of(centre.id()),
                null,
                new Contact(phone, null, Language.DE));
    }
}
