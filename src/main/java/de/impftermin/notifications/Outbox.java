package de.impftermin.notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The notifications module's entry: enqueue a message inside the caller's transaction. */
@Service
public class Outbox {

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction: the message exists exactly when the change that caused it commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(OutgoingMessage message) {
        insert(message, false);
    }

    /**
     * Like {@link #enqueue}, but sent before every message that is not urgent: for verification codes, which a person
     * is waiting for on the page, while a rush of booking confirmations is still being sent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueUrgent(OutgoingMessage message) {
        insert(message, true);
    }

    private void insert(OutgoingMessage message, boolean urgent) {
        var attachment = message.attachment();
        jdbc.sql("""
                        insert into outbox_message (channel, recipient, subject, body, attachment_name,
                                                    attachment_type, attachment, urgent)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        message.channel().name(),
                        message.to(),
                        message.subject(),
                        message.body(),
                        attachment == null ? null : attachment.name(),
                        attachment == null ? null : attachment.contentType(),
                        attachment == null ? null : attachment.content(),
                        urgent)
                .update();
    }
}
