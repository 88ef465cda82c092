package de.impftermin.privacy;

/** Why a citizen's request for their data, or its erasure, was refused. */
public enum CitizenRequest {
    /** No verification token, or one that is forged or expired. */
    VERIFICATION_REQUIRED,
    /** No booking with this code and a person of this birth date (or it is anonymised already). */
    NOT_FOUND,
    /** The verified address is none of the booking's. */
    CONTACT_NOT_VERIFIED,
    /** The booking has neither phone nor e-mail (booked by phone, confirmed by letter): the hotline helps. */
    NO_CONTACT,
    /** The booking is still live: it is cancelled first. */
    NOT_CANCELLED
}
