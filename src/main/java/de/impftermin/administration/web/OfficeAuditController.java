package de.impftermin.administration.web;

import de.impftermin.platform.AuditLog;
import de.impftermin.platform.FormErrors;
import de.impftermin.shared.BerlinTime;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The audit log in the office console: filters by actor, action, subject and a time range (local Berlin time), newest
 * first in pages of {@value #PAGE_SIZE}, and the same filter as a CSV download of at most {@value #EXPORT_LIMIT}
 * entries. Reading the log is not itself audited: it holds no person's data beyond staff names.
 */
@Controller
class OfficeAuditController {

    static final int PAGE_SIZE = 50;
    static final int EXPORT_LIMIT = 5000;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    /** The filter as the form sends it; times as {@code <input type=datetime-local>} writes them. */
    record AuditFilter(
            @Nullable String actor,
            @Nullable String action,
            @Nullable String subject,
            @Nullable String from,
            @Nullable String to,
            @Nullable Integer page) {

        int pageNumber() {
            return page == null || page < 1 ? 1 : Math.min(page, 10_000);
        }
    }

    /** One row as the page shows it. */
    record Row(String at, String actor, String action, String subject, String detail) {}

    private final AuditLog audit;
    private final OfficePages.Texts texts;

    OfficeAuditController(AuditLog audit, OfficePages.Texts texts) {
        this.audit = audit;
        this.texts = texts;
    }

    @GetMapping("/staff/office/audit")
    String page(AuditFilter filter, Model model, HttpServletResponse response) {
        FormErrors errors = texts.errors();
        AuditLog.Query query = query(filter, PAGE_SIZE + 1, (filter.pageNumber() - 1) * PAGE_SIZE, errors);
        List<Row> rows = errors.any() ? List.of() : rows(audit.find(query));
        if (errors.any()) {
            response.setStatus(400);
        }
        model.addAttribute("filter", filter);
        model.addAttribute("errors", errors);
        model.addAttribute("rows", rows.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("page", filter.pageNumber());
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        return "office/audit";
    }

    @GetMapping("/staff/office/audit/export")
    ResponseEntity<byte[]> export(AuditFilter filter) {
        FormErrors errors = texts.errors();
        AuditLog.Query query = query(filter, EXPORT_LIMIT, 0, errors);
        if (errors.any()) {
            return ResponseEntity.badRequest().build();
        }
        List<List<String>> rows = audit.find(query).stream()
                .map(e -> List.of(
                        BerlinTime.show(e.at().toInstant()).toString(), e.actor(), e.action(), e.subject(), e.detail()))
                .toList();
        return Csv.download("audit-log.csv", List.of("at", "actor", "action", "subject", "detail"), rows);
    }

    private AuditLog.Query query(AuditFilter filter, int limit, int offset, FormErrors errors) {
        @Nullable OffsetDateTime from = instant(filter.from(), "from", errors);
        @Nullable OffsetDateTime to = instant(filter.to(), "to", errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add("to", "office.audit.error.order");
        }
        return new AuditLog.Query(
                blankToNull(filter.actor()),
                upper(blankToNull(filter.action())),
                blankToNull(filter.subject()),
                from,
                to,
                limit,
                offset);
    }

    private @Nullable OffsetDateTime instant(@Nullable String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(BerlinTime.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            errors.add(field, "office.audit.error.time");
            return null;
        }
    }

    private static List<Row> rows(List<AuditLog.Entry> entries) {
        return entries.stream()
                .map(e -> new Row(
                        e.at().atZoneSameInstant(BerlinTime.ZONE).format(SHOWN),
                        e.actor(),
                        e.action(),
                        e.subject(),
                        e.detail()))
                .toList();
    }

    /** Actions are UPPER_SNAKE names; people type them in any case. */
    private static @Nullable String upper(@Nullable String value) {
        return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
