package de.impftermin.hotline;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A call-back request as its citizen sees it. {@code position} counts the waiting requests due before it, itself
 * included (0 while an agent is calling or once it is closed); {@code expectedAt} is the estimated time of the call.
 */
public record CallBackView(
        UUID id,
        String status,
        int position,
        @Nullable Instant expectedAt,
        String postalCode,
        int persons,
        @Nullable CallBackOutcome outcome) {}
