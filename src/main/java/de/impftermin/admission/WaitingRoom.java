package de.impftermin.admission;

import de.impftermin.platform.Refusal;
import de.impftermin.platform.Signer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The admission module's API. */
@Service
public class WaitingRoom {

    static final Duration TICKET_VALIDITY = Duration.ofHours(12);
    static final Duration PASS_VALIDITY = Duration.ofMinutes(30);
    private static final String TICKET = "ticket";
    private static final String PASS = "pass";

    private final Signer signer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WaitingRoom(Signer signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    public TicketStatus join() {
        byte[] id = new byte[12];
        random.nextBytes(id);
        String ticket = signer.sign(
                TICKET, HexFormat.of().formatHex(id), clock.instant().plus(TICKET_VALIDITY));
        return status(ticket);
    }

    public TicketStatus status(String ticket) {
        String id = signer.verify(TICKET, ticket)
                .orElseThrow(() -> new Refusal(
                        HttpStatus.NOT_FOUND, "UNKNOWN_TICKET", "This waiting-room ticket is unknown or expired."));
        Instant now = clock.instant();
        String pass = signer.sign(PASS, id, now.plus(PASS_VALIDITY));
        return new TicketStatus(ticket, TicketStatus.State.ADMITTED, 0, 0, pass);
    }

    /** Whether the pass is genuine and unexpired. */
    public boolean admits(String pass) {
        return signer.verify(PASS, pass).isPresent();
    }
}
