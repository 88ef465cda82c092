package de.impftermin.administration.web;

import de.impftermin.centres.Centres;
import de.impftermin.platform.CentreAccess;
import de.impftermin.platform.PasswordPolicy;
import de.impftermin.platform.Refusal;
import de.impftermin.platform.StaffAccounts;
import de.impftermin.platform.StaffAccounts.Activation;
import de.impftermin.platform.StaffAccounts.Creation;
import de.impftermin.platform.StaffAccounts.PasswordReset;
import de.impftermin.platform.StaffAccounts.Role;
import de.impftermin.platform.StaffAccounts.StaffAccount;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff accounts, for administrators only. An operator's centres must exist; the password follows
 * {@link PasswordPolicy} ({@code 422 WEAK_PASSWORD}); a taken name is {@code 409 USERNAME_TAKEN}. A password reset
 * hands out a temporary password that must be changed at the next console sign-in; deactivation stops every sign-in;
 * an unknown account is {@code 404}. Each change is audited once in its own transaction.
 */
@RestController
@RequestMapping("/api/v1/admin/staff")
@Tag(name = "Administration: staff accounts")
@SecurityRequirement(name = "staff")
class StaffAdminController {

    static final String USERNAME = "[a-z0-9._-]{1,64}";

    record NewStaffAccount(
            @NotBlank @Pattern(regexp = USERNAME, message = "must be 1 to 64 lowercase letters, digits, . _ -")
            String username,

            @NotNull @Size(max = 512, message = "is too long")
            String password,

            @NotNull Role role,
            @Nullable @Size(max = 200) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String> centreIds) {}

    /** A password reset; without {@code temporaryPassword} the server generates one and answers it once. */
    record PasswordResetRequest(@Nullable @Size(max = 512) String temporaryPassword) {}

    /** The answer to a reset: the temporary password to hand over; the account must change it at its next sign-in. */
    record PasswordResetDone(String username, String temporaryPassword, boolean mustChangePassword) {}

    /** The answer to a deactivation or reactivation. */
    record ActivationState(String username, boolean deactivated, boolean changed) {}

    private final StaffAccounts accounts;
    private final Centres centres;

    StaffAdminController(StaffAccounts accounts, Centres centres) {
        this.accounts = accounts;
        this.centres = centres;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StaffAccount create(@Valid @RequestBody NewStaffAccount body) {
        CentreAccess.requireAdmin();
        Set<String> centreIds = new LinkedHashSet<>(body.centreIds() == null ? List.of() : body.centreIds());
        for (String centreId : centreIds) {
            if (centres.find(centreId).isEmpty()) {
                throw Refusal.invalid("UNKNOWN_CENTRE", "There is no centre " + centreId + ".");
            }
        }
        return switch (accounts.create(body.username(), body.password(), body.role(), centreIds)) {
            case Creation.Created created -> created.account();
            case Creation.UsernameTaken taken ->
                throw new Refusal(HttpStatus.CONFLICT, "USERNAME_TAKEN", "A staff account with this name exists.");
            case Creation.WeakPassword weak -> throw Refusal.invalid("WEAK_PASSWORD", weakPassword(weak.weakness()));
        };
    }

    static String weakPassword(PasswordPolicy.Weakness weakness) {
        return switch (weakness) {
            case TOO_SHORT -> "The password must have at least " + PasswordPolicy.MIN_LENGTH + " characters.";
            case TOO_LONG ->
                "The password may have at most " + PasswordPolicy.MAX_LENGTH
                        + " characters; an umlaut counts twice, an emoji four times (bytes of UTF-8).";
            case COMMON -> "This password is too common; choose one that is hard to guess.";
            case IS_USERNAME -> "The password must not be the username.";
        };
    }

    @PostMapping("/{username}/password-reset")
    PasswordResetDone resetPassword(
            @PathVariable @Pattern(regexp = USERNAME) String username,
            @Valid @RequestBody(required = false) @Nullable PasswordResetRequest body) {
        CentreAccess.requireAdmin();
        return switch (accounts.resetPassword(username, body == null ? null : body.temporaryPassword())) {
            case PasswordReset.Reset reset -> new PasswordResetDone(reset.username(), reset.temporaryPassword(), true);
            case PasswordReset.NoSuchAccount missing -> throw Refusal.notFound("Staff account " + username);
            case PasswordReset.WeakPassword weak ->
                throw Refusal.invalid("WEAK_PASSWORD", weakPassword(weak.weakness()));
        };
    }

    @PostMapping("/{username}/deactivate")
    ActivationState deactivate(@PathVariable @Pattern(regexp = USERNAME) String username) {
        CentreAccess.requireAdmin();
        return activation(accounts.setDeactivated(username, true));
    }

    @PostMapping("/{username}/reactivate")
    ActivationState reactivate(@PathVariable @Pattern(regexp = USERNAME) String username) {
        CentreAccess.requireAdmin();
        return activation(accounts.setDeactivated(username, false));
    }

    private static ActivationState activation(Activation activation) {
        return switch (activation) {
            case Activation.Changed changed -> new ActivationState(changed.username(), changed.deactivated(), true);
            case Activation.Unchanged same -> new ActivationState(same.username(), same.deactivated(), false);
            case Activation.NoSuchAccount missing -> throw Refusal.notFound("Staff account " + missing.username());
            case Activation.OwnAccount own ->
                throw Refusal.invalid("OWN_ACCOUNT", "An administrator cannot deactivate their own account.");
        };
    }

    @GetMapping
    List<StaffAccount> list() {
        CentreAccess.requireAdmin();
        return accounts.list();
    }
}
