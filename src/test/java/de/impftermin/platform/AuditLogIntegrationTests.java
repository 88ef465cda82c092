package de.impftermin.platform;

import static de.impftermin.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.impftermin.support.ApiTestSupport;
import de.impftermin.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every audited staff action writes exactly one entry, in the action's own transaction (a rolled-back action leaves
 * none), and nothing that the application can do removes or changes an entry, except the retention purge removing an
 * entry past its legal minimum of a year.
 */
@IntegrationTest
class AuditLogIntegrationTests extends ApiTestSupport {

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void forgetFailuresOfTheTestAddress() {
        jdbc.sql("delete from staff_login_failure where key_kind = 'ADDRESS'").update();
    }

    @Test
    void signInFailedSignInAndSignOutWriteOneEntryEach() {
        String agent = agentAccount();
        StaffClient browser = StaffClient.on(port);

        browser.signIn(agent, "wrong password here");
        assertThat(entries(agent, "SIGN_IN_FAILED")).isEqualTo(1);
        assertThat(entries(agent, "SIGN_IN")).isZero();
        browser.signIn(agent, StaffLoginIntegrationTests.PASSWORD);
        assertThat(entries(agent, "SIGN_IN")).isEqualTo(1);
        browser.get("/staff");
        browser.get("/staff");
        assertThat(entries(agent, "SIGN_IN")).as("a session signs in once").isEqualTo(1);
        browser.signOut();
        assertThat(entries(agent, "SIGN_OUT")).isEqualTo(1);
        assertThat(entries(agent, "SIGN_IN_FAILED")).isEqualTo(1);
    }

    @Test
    void aFailedSignInNamesTheAttemptedUsernameCutToLength() {
        String attempted = "t-" + "x".repeat(300);

        StaffClient.on(port).signIn(attempted, "whatever it is");

        assertThat(entries(attempted.substring(0, 64), "SIGN_IN_FAILED")).isEqualTo(1);
    }

    @Test
    void creatingAnAccountWritesOneEntryByTheAdministrator() {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 13);

        admin.post(
                "/api/v1/admin/staff",
                obj("username", username, "password", StaffLoginIntegrationTests.PASSWORD, "role", "AGENT"));
        admin.post(
                "/api/v1/admin/staff",
                obj("username", username, "password", StaffLoginIntegrationTests.PASSWORD, "role", "AGENT"));

        assertThat(count(
                        "select count(*) from audit_event where action = 'ACCOUNT_CREATED' and subject = ? and actor = 'admin'",
                        username))
                .isEqualTo(1);
    }

    @Test
    void aRolledBackActionLeavesNoEntry() {
        String subject = "rolled-back-" + UUID.randomUUID();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    audit.record("t-tester", "TEST_ACTION", subject, "", null);
                    throw new IllegalStateException("the action fails after its entry was written");
                }))
                .isInstanceOf(IllegalStateException.class);
        transactions.executeWithoutResult(
                status -> audit.record("t-tester", "TEST_ACTION", subject + "-kept", "", null));

        assertThat(count("select count(*) from audit_event where subject = ?", subject))
                .isZero();
        assertThat(count("select count(*) from audit_event where subject = ?", subject + "-kept"))
                .isEqualTo(1);
    }

    @Test
    void anEntryIsWrittenOnlyInsideTheActionsTransaction() {
        assertThatThrownBy(() -> audit.record("t-tester", "TEST_ACTION", "no transaction", "", null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theTableRefusesUpdateDeleteAndTruncate() {
        String subject = "append-only-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> audit.record("t-tester", "TEST_ACTION", subject, "", null));

        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone else' where subject = ?")
                        .param(subject)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where subject = ?")
                        .param(subject)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(count("select count(*) from audit_event where subject = ? and actor = 't-tester'", subject))
                .isEqualTo(1);
    }

    @Test
    void anEntryPastItsLegalMinimumIsStillRefusedToEveryDeleteButThePurge() {
        String subject = "past-minimum-" + UUID.randomUUID();
        insertEntry(subject, "13 months");

        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where subject = ?")
                        .param(subject)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update audit_event set detail = 'changed' where subject = ?")
                        .param(subject)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        // a function that calls itself audit_event_purge, but lives in another schema, is not the purge
        jdbc.sql("create schema if not exists t_imitation").update();
        try {
            jdbc.sql("""
                            create or replace function t_imitation.audit_event_purge(before timestamptz, max_rows integer)
                            returns integer language plpgsql as $$
                            begin
                                delete from public.audit_event where at < before;
                                return 0;
                            end
                            $$
                            """).update();
            assertThatThrownBy(() -> jdbc.sql("select t_imitation.audit_event_purge(now(), 10)")
                            .query(Integer.class)
                            .single())
                    .rootCause()
                    .hasMessageContaining("append-only");
        } finally {
            jdbc.sql("drop schema t_imitation cascade").update();
        }
        assertThat(count("select count(*) from audit_event where subject = ?", subject))
                .isEqualTo(1);

        assertThat(audit.purgeBefore(Instant.now(), 10_000)).isGreaterThanOrEqualTo(1);

        assertThat(count("select count(*) from audit_event where subject = ?", subject))
                .isZero();
    }

    @Test
    void thePurgeNeverRemovesAnEntryYoungerThanTheLegalMinimumWhateverItIsAsked() {
        String subject = "within-minimum-" + UUID.randomUUID();
        insertEntry(subject, "11 months");
        transactions.executeWithoutResult(status -> audit.record("t-tester", "TEST_ACTION", subject, "", null));

        audit.purgeBefore(Instant.now().plus(Duration.ofDays(3650)), 10_000);
        jdbc.sql("select audit_event_purge('infinity', 10000)")
                .query(Integer.class)
                .single();

        assertThat(count("select count(*) from audit_event where subject = ?", subject))
                .isEqualTo(2);
    }

    private void insertEntry(String subject, String age) {
        jdbc.sql("""
                        insert into audit_event (at, actor, action, subject)
                        values (now() - cast(? as interval), 't-tester', 'TEST_ACTION', ?)
                        """).params(age, subject).update();
    }

    private String agentAccount() {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 13);
        admin.post(
                "/api/v1/admin/staff",
                obj("username", username, "password", StaffLoginIntegrationTests.PASSWORD, "role", "AGENT"));
        jdbc.sql("update staff_account set must_change_password = false where username = ?")
                .param(username)
                .update();
        return username;
    }

    private int entries(String actor, String action) {
        return count("select count(*) from audit_event where actor = ? and action = ?", actor, action);
    }
}
