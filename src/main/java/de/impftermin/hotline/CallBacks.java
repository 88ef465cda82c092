package de.impftermin.hotline;

import de.impftermin.hotline.domain.CallBack;
import de.impftermin.hotline.domain.Resolution;
import de.impftermin.notifications.MessageChannel;
import de.impftermin.notifications.Notifications;
import de.impftermin.platform.AuditLog;
import de.impftermin.shared.Language;
import de.impftermin.verification.ContactAddress;
import de.impftermin.verification.SendingLimits;
import de.impftermin.verification.Verifications;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The call-back queue's API: one method per use case, one transaction each. */
@Service
public class CallBacks {

    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{5}");
    private static final String LIMIT_SCOPE = "call-back:";

    private final CallBackRepository repository;
    private final Verifications verifications;
    private final SendingLimits limits;
    private final Notifications notifications;
    private final CallBackSchedule schedule;
    private final AuditLog audit;

    CallBacks(
            CallBackRepository repository,
            Verifications verifications,
            SendingLimits limits,
            Notifications notifications,
            CallBackSchedule schedule,
            AuditLog audit) {
        this.repository = repository;
        this.verifications = verifications;
        this.limits = limits;
        this.notifications = notifications;
        this.schedule = schedule;
        this.audit = audit;
    }

    /**
     * A citizen asks to be called back on the phone number the token proves. The same phone while a request is open
     * gets that request back (nothing is sent again); a new request is answered with its position and an SMS with
     * the position and estimated time.
     *
     * @param client the requesting client's address, for the per-client limit
     */
    @Transactional
    public CallBackRequested request(
            @Nullable String verificationToken, String postalCode, int persons, String client, Language language) {
        Optional<String> phone = Optional.ofNullable(verificationToken)
                .flatMap(verifications::verifiedBy)
                .filter(address -> address.channel() == MessageChannel.SMS)
                .map(ContactAddress::value);
        if (phone.isEmpty()) {
            return new CallBackRequested.VerificationRequired();
        }
        if (!POSTAL_CODE.matcher(postalCode).matches()) {
            return new CallBackRequested.Invalid("INVALID_POSTAL_CODE", "The postal code must have 5 digits.");
        }
        if (persons < 1 || persons > 4) {
            return new CallBackRequested.Invalid("INVALID_PERSONS", "A call-back is for 1 to 4 people.");
        }
        Optional<CallBackRequested> open = openOf(phone.get());
        if (open.isPresent()) {
            return open.get();
        }
        Instant now = schedule.now();
        Optional<Duration> retryAfter = limits.exceeded(LIMIT_SCOPE, phone.get(), client, now, counts());
        if (retryAfter.isPresent()) {
            return new CallBackRequested.TooManyRequests(retryAfter.get());
        }
        CallBack callBack = CallBack.queue(UUID.randomUUID(), phone.get(), postalCode, persons, now);
        if (!repository.insertIfNoneOpen(callBack, language, client, now)) {
            // another request for this phone won the race (the partial unique index): answer with that one
            return openOf(phone.get()).orElseThrow();
        }
        var stored = new CallBackRepository.Stored(callBack, language, now);
        CallBackView view = schedule.view(stored);
        notifications.callBackQueued(callBack.phone(), view.position(), view.expectedAt(), language);
        return new CallBackRequested.Queued(view, true);
    }

    /** The newest request of the phone number the token proves, with its position now. */
    @Transactional(readOnly = true)
    public Optional<CallBackView> latest(@Nullable String verificationToken) {
        return Optional.ofNullable(verificationToken)
                .flatMap(verifications::verifiedBy)
                .filter(address -> address.channel() == MessageChannel.SMS)
                .flatMap(address -> repository.latestOf(address.value()))
                .map(schedule::view);
    }

    /**
     * The agent takes the oldest due request (or one whose previous agent's lease ended), claimed with
     * {@code FOR UPDATE SKIP LOCKED}: two agents never get the same one. The caller gets an SMS that the call is
     * coming; the take is audited.
     */
    @Transactional
    public Optional<TakenCallBack> takeNext(String agent) {
        Instant now = schedule.now();
        Optional<CallBackRepository.Stored> next = repository.claimNext(now);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        CallBack taken =
                next.get().callBack().takenBy(agent, now, schedule.settings().lease());
        if (!repository.save(taken, now)) {
            throw new IllegalStateException("call-back " + taken.id() + " changed under its row lock");
        }
        repository.startAttempt(taken.id(), agent, now);
        audit.record(
                agent,
                "CALLBACK_TAKEN",
                taken.id().toString(),
                "attempt " + (taken.attempts() + 1),
                AuditLog.currentClientAddress());
        notifications.callBackCalling(taken.phone(), next.get().language());
        return Optional.of(
                new TakenCallBack(taken.id(), taken.phone(), taken.postalCode(), taken.persons(), taken.attempts()));
    }

    /**
     * Records how the agent's call ended. NOT_REACHED queues the request again after the retry delay; the last
     * attempt closes it and tells the caller by SMS how to go on.
     */
    @Transactional
    public OutcomeRecorded recordOutcome(UUID id, CallBackOutcome outcome, @Nullable String bookingCode, String agent) {
        Optional<CallBackRepository.Stored> stored = repository.lock(id);
        if (stored.isEmpty()) {
            return new OutcomeRecorded.UnknownCallBack();
        }
        Instant now = schedule.now();
        Resolution resolution =
                stored.get().callBack().resolve(outcome, bookingCode, agent, now, schedule.retryPolicy());
        return switch (resolution) {
            case Resolution.Refused refusal -> refused(refusal.reason());
            case Resolution.Resolved resolved -> {
                CallBack next = resolved.next();
                if (!repository.save(next, now)) {
                    throw new IllegalStateException("call-back " + id + " changed under its row lock");
                }
                repository.resolveAttempt(id, outcome.name(), now);
                audit.record(
                        agent,
                        "CALLBACK_OUTCOME",
                        id.toString(),
                        outcome.name() + (next.bookingCode() == null ? "" : " " + next.bookingCode()),
                        AuditLog.currentClientAddress());
                if (resolved.givenUp()) {
                    notifications.callBackGivenUp(
                            next.phone(), next.attempts(), stored.get().language());
                }
                yield new OutcomeRecorded.Recorded(id, next.status().name());
            }
        };
    }

    /** Length, oldest wait and call-backs per hour, for the console and the state office. */
    @Transactional(readOnly = true)
    public CallBackQueueStats stats() {
        return schedule.stats();
    }

    private Optional<CallBackRequested> openOf(String phone) {
        return repository.openOf(phone).map(open -> new CallBackRequested.Queued(schedule.view(open), false));
    }

    private SendingLimits.Counts counts() {
        return new SendingLimits.Counts() {
            @Override
            public long toAddress(String address, Instant since) {
                return repository.madeFor(address, since);
            }

            @Override
            public long byClient(String client, Instant since) {
                return repository.madeBy(client, since);
            }
        };
    }

    private static OutcomeRecorded refused(Resolution.Reason reason) {
        return switch (reason) {
            case BOOKING_CODE_REQUIRED -> new OutcomeRecorded.BookingCodeRequired();
            case NOT_BEING_CALLED -> new OutcomeRecorded.NotYours("This call-back is not being called.");
            case TAKEN_BY_ANOTHER_AGENT -> new OutcomeRecorded.NotYours("Another agent has taken this call-back.");
        };
    }
}
