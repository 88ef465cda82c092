package de.impftermin.waitlist;

import de.impftermin.booking.HoldView;
import de.impftermin.waitlist.domain.Registration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A registration as its holder sees it.
 *
 * @param position the place among those waiting for any of the same centres (1 = next), while waiting
 * @param offer the live offer, while offered
 */
public record RegistrationView(
        UUID id,
        Registration.Status status,
        @Nullable Integer position,
        @Nullable OfferView offer) {

    /** The series reserved, one per person, in the shape of a hold. */
    public record OfferView(OffsetDateTime expiresAt, List<HoldView.SeriesView> series) {}
}
