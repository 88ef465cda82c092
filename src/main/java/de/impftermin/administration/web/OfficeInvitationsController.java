package de.impftermin.administration.web;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.inventory.Invitations;
import de.impftermin.inventory.Invitations.Issue;
import de.impftermin.inventory.Release;
import de.impftermin.inventory.Releases;
import de.impftermin.platform.FormErrors;
import de.impftermin.shared.Channel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Invitation codes in the office console: every INVITATION release with the codes issued and used so far, and per
 * release a form that issues codes and answers them at once, as a CSV for a mail merge (one row per letter: the code,
 * how many people it is for, the centre and how to book) or as printable letters (PDF, one A4 page per code). The
 * codes exist only in that download.
 */
@Controller
class OfficeInvitationsController {

    static final String PAGE = "/staff/office/invitations";
    private static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** One INVITATION release as the page lists it. */
    record Row(long id, String centre, String days, int series, long issued, long used) {}

    /** The issue form; {@code format} is {@code pdf} for printable letters, anything else a CSV. */
    record IssueForm(
            @Nullable String count,
            @Nullable String householdSize,
            @Nullable String format) {}

    private final Releases releases;
    private final Invitations invitations;
    private final Centres centres;
    private final OfficePages.Texts texts;

    OfficeInvitationsController(Releases releases, Invitations invitations, Centres centres, OfficePages.Texts texts) {
        this.releases = releases;
        this.invitations = invitations;
        this.centres = centres;
        this.texts = texts;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("errors", texts.errors());
        return page(model, null);
    }

    @PostMapping(PAGE + "/{releaseId}")
    Object issue(
            @PathVariable long releaseId,
            IssueForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        FormErrors errors = texts.errors();
        int count = number(form.count(), 1, Invitations.MAX_PER_REQUEST);
        int householdSize = number(form.householdSize(), 1, 4);
        if (count < 0) {
            errors.add("count-" + releaseId, "office.invitations.error.count");
        }
        if (householdSize < 0) {
            errors.add("household-" + releaseId, "office.invitations.error.household");
        }
        if (!errors.any()) {
            switch (invitations.issue(releaseId, count, householdSize)) {
                case Issue.Issued issued -> {
                    return "pdf".equals(form.format())
                            ? pdf(releaseId, householdSize, issued.codes(), request)
                            : csv(releaseId, householdSize, issued.codes());
                }
                case Issue.NoSuchRelease missing ->
                    errors.add("count-" + releaseId, "office.invitations.error.release");
                case Issue.NotAnInvitationRelease other ->
                    errors.add("count-" + releaseId, "office.invitations.error.release");
            }
        }
        response.setStatus(422);
        model.addAttribute("errors", errors);
        return page(model, releaseId);
    }

    /** One A4 letter per code, in the page's language, with the portal's address as this request reached it. */
    private ResponseEntity<byte[]> pdf(
            long releaseId, int householdSize, List<String> codes, HttpServletRequest request) {
        Release release = release(releaseId);
        Centre centre = centres.find(release.centreId()).orElseThrow();
        String portal = ServletUriComponentsBuilder.fromContextPath(request)
                .replaceQuery(null)
                .build()
                .toUriString();
        var letter = new InvitationLetters.Texts(
                texts.get("office.letter.title"),
                texts.get("office.letter.name"),
                texts.get("office.letter.greeting"),
                texts.get(
                        "office.letter.facts",
                        centre.name(),
                        centre.address() + ", " + centre.postalCode(),
                        DATES.format(release.firstDoseFrom()),
                        DATES.format(release.firstDoseTo()),
                        release.vaccine().displayName(),
                        householdSize),
                texts.get("office.letter.code"),
                texts.get("office.letter.online"),
                List.of(
                        texts.get("office.letter.online.1", portal),
                        texts.get("office.letter.online.2"),
                        texts.get("office.letter.online.3"),
                        texts.get("office.letter.online.4")),
                texts.get("office.letter.phone"),
                texts.get("office.letter.phone.text"),
                texts.get("office.letter.closing"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("invitation-letters-" + releaseId + ".pdf")
                                .build()
                                .toString())
                .body(InvitationLetters.pdf(letter, codes));
    }

    private Release release(long releaseId) {
        return releases.all().stream()
                .filter(r -> r.id() == releaseId)
                .findFirst()
                .orElseThrow();
    }

    private ResponseEntity<byte[]> csv(long releaseId, int householdSize, List<String> codes) {
        Release release = release(releaseId);
        Centre centre = centres.find(release.centreId()).orElseThrow();
        String howToBook = texts.get("office.invitations.howToBook");
        List<List<String>> rows = codes.stream()
                .map(code -> List.of(
                        code,
                        Integer.toString(householdSize),
                        centre.name(),
                        centre.address() + ", " + centre.postalCode(),
                        release.firstDoseFrom() + " – " + release.firstDoseTo(),
                        howToBook))
                .toList();
        return Csv.download(
                "invitations-" + releaseId + ".csv",
                List.of("code", "householdSize", "centre", "address", "firstDoses", "howToBook"),
                rows);
    }

    private String page(Model model, @Nullable Long failedRelease) {
        Map<String, Centre> byId = centres.all().stream().collect(Collectors.toMap(Centre::id, Function.identity()));
        List<Row> rows = releases.all().stream()
                .filter(r -> r.channel() == Channel.INVITATION)
                .sorted(Comparator.comparing(Release::firstDoseFrom).reversed())
                .map(r -> {
                    var report = invitations.report(r.id()).orElseThrow();
                    Centre centre = byId.get(r.centreId());
                    return new Row(
                            r.id(),
                            centre == null ? r.centreId() : centre.name(),
                            r.firstDoseFrom() + " – " + r.firstDoseTo(),
                            r.series(),
                            report.issued(),
                            report.used());
                })
                .toList();
        model.addAttribute("releases", rows);
        model.addAttribute("failedRelease", failedRelease);
        return "office/invitations";
    }

    /** The number typed, or -1 when it is not a whole number from {@code min} to {@code max}. */
    private static int number(@Nullable String typed, int min, int max) {
        try {
            int value = Integer.parseInt(typed == null ? "" : typed.strip());
            return value >= min && value <= max ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
