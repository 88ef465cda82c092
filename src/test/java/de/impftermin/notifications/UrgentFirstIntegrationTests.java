package de.impftermin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import de.impftermin.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A verification code does not queue behind a rush of booking confirmations. */
@IntegrationTest
class UrgentFirstIntegrationTests {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRows rows;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void leasesAVerificationCodeBeforeOlderConfirmations() {
        String tag = UUID.randomUUID().toString();
        List<String> leased = transaction.execute(status -> {
            for (int i = 0; i < 100; i++) {
                outbox.enqueue(OutgoingMessage.email("rush-" + i + "-" + tag + "@example.org", "Bestätigung", "…"));
            }
            jdbc.sql("update outbox_message set next_attempt_at = now() - interval '1 minute' where recipient like ?")
                    .param("rush-%-" + tag + "@example.org")
                    .update();
            outbox.enqueueUrgent(OutgoingMessage.sms("+49170" + Math.abs(tag.hashCode() % 10_000_000), "Code 123456"));
            List<String> recipients = rows.lease(8, Duration.ofMinutes(1)).stream()
                    .map(OutboxRows.Due::to)
                    .toList();
            status.setRollbackOnly(); // invisible to the running dispatcher, gone afterwards
            return recipients;
        });

        assertThat(leased).hasSize(8).anyMatch(recipient -> recipient.startsWith("+49170"));
    }
}
