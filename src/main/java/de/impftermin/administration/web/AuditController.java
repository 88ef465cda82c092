package de.impftermin.administration.web;

import de.impftermin.platform.AuditLog;
import de.impftermin.platform.CentreAccess;
import de.impftermin.platform.Refusal;
import de.impftermin.shared.BerlinTime;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for the state office: who did what and when, newest first. Administrators only; an operator gets
 * {@code 403}. {@code from} is inclusive, {@code to} exclusive, both ISO-8601 instants with offset.
 */
@RestController
@RequestMapping("/api/v1/admin/audit")
@Tag(name = "Administration: audit log")
@SecurityRequirement(name = "staff")
class AuditController {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5000;

    /** One audit entry as the API shows it. */
    record AuditEntry(OffsetDateTime at, String actor, String action, String subject, String detail) {}

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    List<AuditEntry> find(
            @Parameter(description = "exact staff username") @RequestParam(required = false) @Nullable String actor,
            @Parameter(description = "exact action, e.g. SIGN_IN") @RequestParam(required = false) @Nullable
                    String action,
            @Parameter(description = "exact subject, e.g. a username or a booking code")
                    @RequestParam(required = false)
                    @Nullable
                    String subject,
            @Parameter(description = "from this instant on (inclusive), e.g. 2022-01-10T00:00:00+01:00")
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(description = "before this instant (exclusive)") @RequestParam(required = false) @Nullable
                    String to,
            @Parameter(description = "at most this many entries, 1 to 5000 (default 500)")
                    @RequestParam(defaultValue = "" + DEFAULT_LIMIT)
                    String limit) {
        CentreAccess.requireAdmin();
        OffsetDateTime fromInstant = instant("from", from);
        OffsetDateTime toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw bad("from must be before to.");
        }
        var query = new AuditLog.Query(
                blankToNull(actor), blankToNull(action), blankToNull(subject), fromInstant, toInstant, limit(limit), 0);
        return audit.find(query).stream()
                .map(e -> new AuditEntry(
                        e.at().atZoneSameInstant(BerlinTime.ZONE).toOffsetDateTime(),
                        e.actor(),
                        e.action(),
                        e.subject(),
                        e.detail()))
                .toList();
    }

    private static @Nullable OffsetDateTime instant(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // an unencoded "+" of the offset arrives as a space
            return OffsetDateTime.parse(value.strip().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw bad(name + " must be an ISO-8601 instant with offset, e.g. 2022-01-10T09:30:00+01:00.");
        }
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw bad("limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Refusal bad(String detail) {
        return new Refusal(HttpStatus.BAD_REQUEST, "BAD_REQUEST", detail);
    }
}
