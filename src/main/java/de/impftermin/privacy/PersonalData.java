package de.impftermin.privacy;

import de.impftermin.booking.StoredBooking;
import de.impftermin.hotline.StoredCallBack;
import de.impftermin.notifications.StoredMessage;
import de.impftermin.operations.VisitRecords;
import de.impftermin.waitlist.StoredRegistration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything stored about one booking, as its citizen sees it (Art. 15 DSGVO): the booking with its persons, contact
 * and appointments; what the centre recorded about each appointment; the messages sent about it; the waitlist
 * registration and the call-back that led to it; when staff read or changed it (the action and the time, not who);
 * and when the platform anonymises it by itself.
 */
public record PersonalData(
        StoredBooking booking,
        List<VisitRecords.Visit> visits,
        List<StoredMessage> messages,
        List<StoredRegistration> waitlist,
        List<StoredCallBack> callBacks,
        List<StaffAccess> staffAccess,
        OffsetDateTime anonymisedAfter) {

    /** One audited staff action on the booking, or a read of a centre's day list that showed it. */
    public record StaffAccess(OffsetDateTime at, String action) {}
}
