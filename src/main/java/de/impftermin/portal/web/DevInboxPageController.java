package de.impftermin.portal.web;

import de.impftermin.notifications.OutgoingMessage;
import de.impftermin.notifications.SentMessages;
import de.impftermin.platform.Refusal;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The local inbox of the development run: every sent e-mail and SMS, with the calendar files to download. */
@Controller
@ConditionalOnProperty(name = "impftermin.dev-inbox", havingValue = "true")
class DevInboxPageController {

    private final SentMessages sent;

    DevInboxPageController(SentMessages sent) {
        this.sent = sent;
    }

    @GetMapping("/dev/inbox")
    String inbox(@RequestParam(required = false) @Nullable String to, Model model) {
        String recipient = to == null ? "" : to.strip();
        model.addAttribute("to", recipient);
        model.addAttribute("messages", sent.newestFirst(recipient.isEmpty() ? null : recipient, 100));
        return "portal/dev-inbox";
    }

    @GetMapping("/dev/inbox/{id}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        OutgoingMessage.Attachment file = sent.attachment(id).orElseThrow(() -> Refusal.notFound("Attachment"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name())
                                .build()
                                .toString())
                .body(file.content());
    }
}
