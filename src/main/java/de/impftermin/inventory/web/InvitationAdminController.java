package de.impftermin.inventory.web;

import de.impftermin.inventory.Invitations;
import de.impftermin.inventory.Invitations.Issue;
import de.impftermin.platform.CentreAccess;
import de.impftermin.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The state office issues invitation codes for an INVITATION release. Administrators only. */
@RestController
@Tag(name = "Administration: invitation codes")
@SecurityRequirement(name = "staff")
class InvitationAdminController {

    record InvitationRequest(
            @NotNull @Min(1) @Max(Invitations.MAX_PER_REQUEST)
            Integer count,

            @Nullable @Min(1) @Max(4) Integer householdSize) {}

    record IssuedCodes(List<String> codes) {}

    private final Invitations invitations;

    InvitationAdminController(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/api/v1/admin/releases/{id}/invitations")
    @Operation(summary = "How many codes a release has, and how many booked")
    Invitations.Report report(@PathVariable long id) {
        CentreAccess.requireAdmin();
        return invitations.report(id).orElseThrow(() -> Refusal.notFound("Release " + id));
    }

    @PostMapping("/api/v1/admin/releases/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Issue invitation codes",
            description = "count 1 to 10000 codes, each for one person or a household of up to householdSize (1 to 4,"
                    + " default 1). The codes are answered only here and stored hashed. 404 for an unknown release,"
                    + " 422 NOT_AN_INVITATION_RELEASE for a release whose channel is not INVITATION.")
    IssuedCodes issue(@PathVariable long id, @Valid @RequestBody InvitationRequest body) {
        CentreAccess.requireAdmin();
        int householdSize = body.householdSize() == null ? 1 : body.householdSize();
        return switch (invitations.issue(id, body.count(), householdSize)) {
            case Issue.Issued issued -> new IssuedCodes(issued.codes());
            case Issue.NoSuchRelease missing -> throw Refusal.notFound("Release " + id);
            case Issue.NotAnInvitationRelease other ->
                throw Refusal.invalid(
                        "NOT_AN_INVITATION_RELEASE",
                        "Release " + id + " is a " + other.channel() + " release; codes are for INVITATION releases.");
        };
    }
}
