package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A failed sign-in (username, client address) is kept no longer than it can count towards a lockout, also when no
 * later failure comes to delete it.
 */
@IntegrationTest
class SignInHousekeepingIntegrationTests extends ApiTestSupport {

    @Autowired
    SignInThrottle throttle;

    @Test
    void failuresThatLeftTheLockoutWindowAreForgottenAndRecentOnesKept() {
        String old = "t-old-" + UUID.randomUUID();
        String recent = "t-recent-" + UUID.randomUUID();
        jdbc.sql("""
                        insert into staff_login_failure (key_kind, key_value, at)
                        values ('ACCOUNT', ?, now() - interval '16 minutes'), ('ACCOUNT', ?, now())
                        """).params(old, recent).update();

        throttle.housekeeping();

        assertThat(count("select count(*) from staff_login_failure where key_value = ?", old))
                .isZero();
        assertThat(count("select count(*) from staff_login_failure where key_value = ?", recent))
                .isEqualTo(1);
        jdbc.sql("delete from staff_login_failure where key_value = ?")
                .param(recent)
                .update();
    }
}
