package de.impftermin.notifications;

import static de.impftermin.platform.SqlTimes.utc;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's copies of what was sent, over their life after sending: a message's text (names, booking code,
 * appointments) is needed to send and retry it, not afterwards. The retention job deletes sent and given-up messages
 * a while after they were written; a message still to be sent is never deleted, so that nothing is lost on its way.
 */
@Service
public class MessageRecords {

    private final JdbcClient jdbc;

    MessageRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes up to {@code batch} sent or given-up messages written before {@code cutoff}, claimed with
     * {@code SKIP LOCKED}; returns how many. One batch, one transaction.
     */
    @Transactional
    public int purgeWrittenBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                        delete from outbox_message
                        where id in (select id from outbox_message
                                     where created_at < ? and (sent_at is not null or dead_at is not null)
                                     order by created_at limit ? for update skip locked)
                        """).params(utc(cutoff), batch).update();
    }
}
