package de.impftermin.notifications;

import de.impftermin.shared.Language;
import de.impftermin.shared.StatedReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages the platform sends, written in the citizen's language and enqueued in the caller's transaction (so a
 * message exists exactly when the change that caused it commits). A booking message goes as a short SMS to the phone
 * and as an e-mail to the address, whichever are set; the confirmation and rebooking e-mails carry a calendar file
 * with every appointment of every person.
 */
@Service
public class Notifications {

    private static final Duration VISIT_LENGTH = Duration.ofMinutes(30);

    private final Outbox outbox;
    private final MessageTexts texts;
    private final Clock clock;

    Notifications(Outbox outbox, MessageTexts texts, Clock clock) {
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
    }

    /** The 6-digit code that proves control of a phone number or an e-mail address. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void verificationCode(
            MessageChannel channel, String address, String code, Duration validity, Language language) {
        long minutes = validity.toMinutes();
        switch (channel) {
            case SMS ->
                outbox.enqueueUrgent(OutgoingMessage.sms(address, texts.text(language, "code.sms", code, minutes)));
            case EMAIL ->
                outbox.enqueueUrgent(OutgoingMessage.email(
                        address,
                        texts.text(language, "code.subject", code),
                        texts.text(language, "code.mail", code, minutes)));
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void bookingConfirmed(BookingNotice booking) {
        sms(booking, "confirmed.sms", firstVisit(booking));
        email(booking, "confirmed.subject", mail(booking, "confirmed.intro", true), true);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void bookingCancelled(BookingNotice booking) {
        bookingCancelled(booking, null);
    }

    /** Cancelled by the centre, which says why ({@code reason}, null where the citizen cancelled). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bookingCancelled(BookingNotice booking, @Nullable StatedReason reason) {
        sms(booking, reason, "cancelled.sms");
        email(booking, "cancelled.subject", mail(booking, "cancelled.intro", reason, false), false);
    }

    /** The booking now holds the appointments of {@code current}; those of {@code previous} are void. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bookingRebooked(BookingNotice previous, BookingNotice current) {
        bookingRebooked(previous, current, null);
    }

    /** Rebooked by the centre, which says why ({@code reason}, null where the citizen rebooked). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bookingRebooked(BookingNotice previous, BookingNotice current, @Nullable StatedReason reason) {
        sms(current, reason, "rebooked.sms", firstVisit(current));
        String body = mail(current, "rebooked.intro", reason, true)
                + "\n" + texts.text(current.language(), "rebooked.previous") + "\n"
                + visitLines(previous, current.language());
        email(current, "rebooked.subject", body, true);
    }

    /**
     * The centre's reason in the booking's language: as given, or for an English booking without an English text the
     * German one, said to be German. Empty without a reason.
     */
    private String reasonLine(Language language, @Nullable StatedReason reason) {
        if (reason == null) {
            return "";
        }
        return reason.in(language)
                .map(text -> texts.text(language, "reason.given", text))
                .orElseGet(() -> texts.text(language, "reason.givenInGerman", reason.german()));
    }

    /** A reminder of the visits in {@code booking} (those of one day), sent the day before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reminder(BookingNotice booking) {
        sms(booking, "reminder.sms", firstVisit(booking));
        email(booking, "reminder.subject", mail(booking, "reminder.intro", true), false);
    }

    /** A call-back request was queued: its position and the estimated time of the call. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void callBackQueued(String phone, int position, @Nullable Instant expectedAt, Language language) {
        String when = expectedAt == null ? "" : texts.time(expectedAt);
        outbox.enqueue(OutgoingMessage.sms(phone, texts.text(language, "callback.queued.sms", position, when)));
    }

    /** An agent has taken the call-back and is about to call. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void callBackCalling(String phone, Language language) {
        outbox.enqueueUrgent(OutgoingMessage.sms(phone, texts.text(language, "callback.calling.sms")));
    }

    /** The caller was not reached {@code attempts} times; the request is closed, and this is how to go on. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void callBackGivenUp(String phone, int attempts, Language language) {
        outbox.enqueue(OutgoingMessage.sms(phone, texts.text(language, "callback.givenUp.sms", attempts)));
    }

    /**
     * A waitlist offer: appointments reserved until {@code expiresAt}, accepted or declined through {@code link} (the
     * signed link is the proof). Urgent: the deadline runs from now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void waitlistOffer(
            Language language,
            @Nullable String phone,
            @Nullable String email,
            String link,
            Instant expiresAt,
            BookingNotice.Place place,
            List<BookingNotice.Visit> visits) {
        String until = texts.shortWhen(language, expiresAt);
        if (phone != null) {
            outbox.enqueueUrgent(OutgoingMessage.sms(phone, texts.text(language, "waitlist.offer.sms", until, link)));
        }
        if (email != null) {
            StringBuilder body = new StringBuilder()
                    .append(texts.text(language, "mail.greeting"))
                    .append("\n\n")
                    .append(texts.text(language, "waitlist.offer.intro", until))
                    .append("\n\n")
                    .append(texts.text(language, "mail.place", place.toString()))
                    .append("\n\n");
            for (BookingNotice.Visit visit : visits) {
                body.append(texts.text(
                                language,
                                "mail.visit",
                                visit.name(),
                                texts.dose(language, visit),
                                visit.vaccine().displayName(),
                                texts.when(language, visit.startsAt())))
                        .append('\n');
            }
            body.append('\n')
                    .append(texts.text(language, "waitlist.offer.link", link))
                    .append("\n\n")
                    .append(texts.text(language, "mail.closing"));
            outbox.enqueueUrgent(OutgoingMessage.email(
                    email, texts.text(language, "waitlist.offer.subject", until), body.toString()));
        }
    }

    /** A waitlist registration ended after too many missed offers. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void waitlistEnded(Language language, @Nullable String phone, @Nullable String email, int missed) {
        if (phone != null) {
            outbox.enqueue(OutgoingMessage.sms(phone, texts.text(language, "waitlist.ended.sms", missed)));
        }
        if (email != null) {
            outbox.enqueue(OutgoingMessage.email(
                    email,
                    texts.text(language, "waitlist.ended.subject"),
                    texts.text(language, "mail.greeting") + "\n\n" + texts.text(language, "waitlist.ended.mail", missed)
                            + "\n\n" + texts.text(language, "mail.closing")));
        }
    }

    /** The calendar file (RFC 5545) of every visit, as attached to the confirmation: for a download button too. */
    public byte[] calendarFile(BookingNotice booking) {
        Language language = booking.language();
        List<CalendarFile.Event> events = booking.visits().stream()
                .map(visit -> new CalendarFile.Event(
                        booking.code() + "-" + visit.person() + "-" + visit.dose() + "@impftermin",
                        visit.startsAt(),
                        VISIT_LENGTH,
                        texts.text(language, "calendar.summary", texts.dose(language, visit), visit.name()),
                        booking.place().toString(),
                        texts.text(
                                language,
                                "calendar.description",
                                booking.code(),
                                visit.vaccine().displayName())))
                .toList();
        return CalendarFile.of(events, clock.instant());
    }

    public String calendarFileName(Language language) {
        return texts.text(language, "calendar.file");
    }

    private void sms(BookingNotice booking, String key, Object... more) {
        sms(booking, null, key, more);
    }

    private void sms(BookingNotice booking, @Nullable StatedReason reason, String key, Object... more) {
        if (booking.phone() == null) {
            return;
        }
        Object[] args = new Object[2 + more.length];
        args[0] = booking.code();
        args[1] = booking.place().name();
        System.arraycopy(more, 0, args, 2, more.length);
        String text = texts.text(booking.language(), key, args);
        String why = reasonLine(booking.language(), reason);
        outbox.enqueue(OutgoingMessage.sms(booking.phone(), why.isEmpty() ? text : text + " " + why));
    }

    private void email(BookingNotice booking, String subjectKey, String body, boolean withCalendar) {
        if (booking.email() == null) {
            return;
        }
        Language language = booking.language();
        String subject = texts.text(language, subjectKey, booking.code());
        OutgoingMessage.Attachment calendar = withCalendar
                ? new OutgoingMessage.Attachment(
                        calendarFileName(language), "text/calendar; charset=UTF-8", calendarFile(booking))
                : null;
        outbox.enqueue(new OutgoingMessage(MessageChannel.EMAIL, booking.email(), subject, body, calendar));
    }

    private String mail(BookingNotice booking, String introKey, boolean withAdvice) {
        return mail(booking, introKey, null, withAdvice);
    }

    private String mail(BookingNotice booking, String introKey, @Nullable StatedReason reason, boolean withAdvice) {
        Language language = booking.language();
        String why = reasonLine(language, reason);
        StringBuilder body = new StringBuilder()
                .append(texts.text(language, "mail.greeting"))
                .append("\n\n")
                .append(texts.text(language, introKey))
                .append(why.isEmpty() ? "" : "\n" + why)
                .append("\n\n")
                .append(texts.text(language, "mail.code", booking.code()))
                .append('\n')
                .append(texts.text(language, "mail.place", booking.place().toString()))
                .append("\n\n")
                .append(visitLines(booking, language));
        if (withAdvice) {
            body.append('\n').append(texts.text(language, "mail.bring")).append('\n');
            body.append(texts.text(language, "mail.manage")).append('\n');
        }
        return body.append('\n').append(texts.text(language, "mail.closing")).toString();
    }

    private String visitLines(BookingNotice booking, Language language) {
        StringBuilder lines = new StringBuilder();
        for (BookingNotice.Visit visit : booking.visits()) {
            lines.append(texts.text(
                            language,
                            "mail.visit",
                            visit.name(),
                            texts.dose(language, visit),
                            visit.vaccine().displayName(),
                            texts.when(language, visit.startsAt())))
                    .append('\n');
        }
        return lines.toString();
    }

    private String firstVisit(BookingNotice booking) {
        return booking.visits().stream()
                .map(BookingNotice.Visit::startsAt)
                .min(Comparator.naturalOrder())
                .map(first -> texts.shortWhen(booking.language(), first))
                .orElse("");
    }
}
