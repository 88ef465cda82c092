package de.impftermin.notifications;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A message as the outbox keeps it: sent ({@code sentAt}), given up ({@code givenUpAt}) or still to be sent. */
public record StoredMessage(
        MessageChannel channel,
        String to,
        @Nullable String subject,
        String body,
        @Nullable String attachmentName,
        OffsetDateTime writtenAt,
        @Nullable OffsetDateTime sentAt,
        @Nullable OffsetDateTime givenUpAt) {}
