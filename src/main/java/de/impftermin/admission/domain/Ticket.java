package de.impftermin.admission.domain;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a signed ticket carries: its queue, its join number and, for a ticket taken before the opening instant, the
 * pre-queue it belongs to (identified by the opening instant in epoch seconds). The number of a pre-queue ticket is
 * only its join order; its place in the queue is drawn at opening by {@link Shuffle}.
 */
public record Ticket(String queue, long number, @Nullable Long prequeue) {

    public String payload() {
        return queue + "|" + number + "|" + (prequeue == null ? "" : prequeue);
    }

    public static Optional<Ticket> parse(String payload) {
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Long prequeue = parts[2].isEmpty() ? null : Long.valueOf(parts[2]);
            return Optional.of(new Ticket(parts[0], Long.parseLong(parts[1]), prequeue));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
