package de.impftermin.notifications;

import org.jspecify.annotations.Nullable;

/** A message to send; an e-mail may carry one attachment (the calendar file of a booking). */
public record OutgoingMessage(
        MessageChannel channel,
        String to,
        @Nullable String subject,
        String body,
        @Nullable Attachment attachment) {

    public record Attachment(String name, String contentType, byte[] content) {}

    public static OutgoingMessage sms(String to, String body) {
        return new OutgoingMessage(MessageChannel.SMS, to, null, body, null);
    }

    public static OutgoingMessage email(String to, String subject, String body) {
        return new OutgoingMessage(MessageChannel.EMAIL, to, subject, body, null);
    }
}
