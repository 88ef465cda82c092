package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.platform.StaffAccounts.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffOidcUsersTests {

    @Test
    void readsOnlyTheThreeKnownRoles() {
        assertThat(StaffOidcUsers.role("AGENT")).contains(Role.AGENT);
        assertThat(StaffOidcUsers.role(" ADMIN ")).contains(Role.ADMIN);
        assertThat(StaffOidcUsers.role("admin")).isEmpty();
        assertThat(StaffOidcUsers.role("ROOT")).isEmpty();
        assertThat(StaffOidcUsers.role(List.of("ADMIN"))).isEmpty();
        assertThat(StaffOidcUsers.role(null)).isEmpty();
    }

    @Test
    void readsCentresFromAListOrAStringAndDropsWhatIsNoCentreId() {
        assertThat(StaffOidcUsers.centres(List.of("dorsten", "marl", 7, "Not An Id")))
                .containsExactly("dorsten", "marl");
        assertThat(StaffOidcUsers.centres("dorsten, marl")).containsExactly("dorsten", "marl");
        assertThat(StaffOidcUsers.centres(null)).isEmpty();
    }
}
