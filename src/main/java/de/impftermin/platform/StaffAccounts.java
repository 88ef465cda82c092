package de.impftermin.platform;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts (administrators, centre operators scoped to their centres, hotline agents) with hashed passwords.
 * The first administrator {@code admin} takes its password from {@code IMPFTERMIN_ADMIN_PASSWORD} at every start.
 *
 * <p>An account an administrator creates may use the API at once, but the console makes it choose a new password at its
 * first sign-in ({@code must_change_password}, shown to Spring Security as the authority
 * {@value #PASSWORD_CHANGE_REQUIRED}). A deactivated account cannot sign in at all.
 */
@Service
public class StaffAccounts implements UserDetailsService {

    public enum Role {
        ADMIN,
        OPERATOR,
        AGENT
    }

    /** The authority of a signed-in account that must choose a new password before it may use the console. */
    public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    /** A staff account as other modules see it. */
    public record StaffAccount(String username, Role role, Set<String> centreIds) {}

    /** The outcome of creating an account: created, or refused because the name is taken. */
    public sealed interface Creation {
        record Created(StaffAccount account) implements Creation {}

        record UsernameTaken(String username) implements Creation {}

        record WeakPassword(PasswordPolicy.Weakness weakness) implements Creation {}
    }

    /** The outcome of a password change. */
    public sealed interface PasswordChange {
        record Changed() implements PasswordChange {}

        record WrongCurrentPassword() implements PasswordChange {}

        record WeakPassword(PasswordPolicy.Weakness weakness) implements PasswordChange {}
    }

    /** An account as the state office lists it, with its sign-in state. */
    public record AccountOverview(
            String username, Role role, Set<String> centreIds, boolean deactivated, boolean mustChangePassword) {}

    /** The outcome of an administrator's password reset. */
    public sealed interface PasswordReset {
        /** Done: the account signs in with {@code temporaryPassword} once and must then choose its own. */
        record Reset(String username, String temporaryPassword) implements PasswordReset {}

        record NoSuchAccount(String username) implements PasswordReset {}

        record WeakPassword(PasswordPolicy.Weakness weakness) implements PasswordReset {}
    }

    /** The outcome of deactivating or reactivating an account. */
    public sealed interface Activation {
        /** The account changed to {@code deactivated}. */
        record Changed(String username, boolean deactivated) implements Activation {}

        /** The account was already in that state; nothing changed and nothing was audited. */
        record Unchanged(String username, boolean deactivated) implements Activation {}

        record NoSuchAccount(String username) implements Activation {}

        /** An administrator may not lock themselves out. */
        record OwnAccount(String username) implements Activation {}
    }

    private static final String TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ImpfterminProperties properties;
    private final AuditLog audit;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, ImpfterminProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.properties = properties;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void ensureFirstAdministrator() {
        String password = properties.adminPassword();
        if (password == null || password.isBlank()) {
            return;
        }
        jdbc.sql("""
                        insert into staff_account (username, password_hash, role) values ('admin', :hash, 'ADMIN')
                        on conflict (username) do update set password_hash = excluded.password_hash, role = 'ADMIN'
                        """).param("hash", passwords.encode(password)).update();
    }

    /**
     * Creates an account that must choose a new password at its first console sign-in; audited as
     * {@code ACCOUNT_CREATED} by the signed-in administrator.
     */
    @Transactional
    public Creation create(String username, String password, Role role, Set<String> centreIds) {
        var weakness = PasswordPolicy.check(username, password);
        if (weakness.isPresent()) {
            return new Creation.WeakPassword(weakness.get());
        }
        int created = jdbc.sql("""
                        insert into staff_account (username, password_hash, role, centre_ids, must_change_password)
                        values (:username, :hash, :role, :centres, true) on conflict do nothing
                        """)
                .param("username", username)
                .param("hash", passwords.encode(password))
                .param("role", role.name())
                .param("centres", centreIds.toArray(String[]::new))
                .update();
        if (created == 0) {
            return new Creation.UsernameTaken(username);
        }
        audit.record("ACCOUNT_CREATED", username, "role=" + role + " centres=" + String.join(",", centreIds));
        return new Creation.Created(new StaffAccount(username, role, centreIds));
    }

    /** Replaces the password of a signed-in account that knows its current one; audited as {@code PASSWORD_CHANGED}. */
    @Transactional
    public PasswordChange changePassword(String username, String currentPassword, String newPassword) {
        String hash = jdbc.sql(
                        "select password_hash from staff_account where username = ? and not deactivated for update")
                .param(username)
                .query(String.class)
                .optional()
                .orElse(null);
        if (hash == null || !passwords.matches(currentPassword, hash)) {
            return new PasswordChange.WrongCurrentPassword();
        }
        var weakness = PasswordPolicy.check(username, newPassword);
        if (weakness.isPresent()) {
            return new PasswordChange.WeakPassword(weakness.get());
        }
        if (passwords.matches(newPassword, hash)) {
            return new PasswordChange.WeakPassword(PasswordPolicy.Weakness.COMMON);
        }
        jdbc.sql("""
                        update staff_account set password_hash = :hash, must_change_password = false,
                               password_changed_at = now() where username = :username
                        """)
                .param("hash", passwords.encode(newPassword))
                .param("username", username)
                .update();
        audit.record(username, "PASSWORD_CHANGED", username, "", AuditLog.currentClientAddress());
        return new PasswordChange.Changed();
    }

    /**
     * Sets a temporary password ({@code temporaryPassword}, or a generated one of 79 bits when it is null) that works
     * for one console sign-in, after which the account must choose its own; clears the account's sign-in lockout.
     * Audited once as {@code ACCOUNT_PASSWORD_RESET}; the password itself is never written to the log.
     */
    @Transactional
    public PasswordReset resetPassword(String username, @Nullable String temporaryPassword) {
        String password = temporaryPassword == null ? temporaryPassword() : temporaryPassword;
        var weakness = PasswordPolicy.check(username, password);
        if (weakness.isPresent()) {
            return new PasswordReset.WeakPassword(weakness.get());
        }
        int updated = jdbc.sql("""
                        update staff_account set password_hash = :hash, must_change_password = true,
                               password_changed_at = now() where username = :username
                        """)
                .param("hash", passwords.encode(password))
                .param("username", username)
                .update();
        if (updated == 0) {
            return new PasswordReset.NoSuchAccount(username);
        }
        jdbc.sql("delete from staff_login_failure where key_kind = 'ACCOUNT' and key_value = ?")
                .param(username)
                .update();
        audit.record("ACCOUNT_PASSWORD_RESET", username, "");
        return new PasswordReset.Reset(username, password);
    }

    /**
     * Deactivates ({@code deactivated = true}) or reactivates an account in one guarded update, so that two
     * administrators clicking at once audit one change. A deactivated account cannot sign in, on the API at once and
     * in the console at its next sign-in. Audited as {@code ACCOUNT_DEACTIVATED} or {@code ACCOUNT_REACTIVATED}.
     */
    @Transactional
    public Activation setDeactivated(String username, boolean deactivated) {
        if (deactivated && username.equals(AuditLog.currentActor())) {
            return new Activation.OwnAccount(username);
        }
        int changed = jdbc.sql(
                        "update staff_account set deactivated = :to where username = :username and deactivated <> :to")
                .param("to", deactivated)
                .param("username", username)
                .update();
        if (changed == 0) {
            return jdbc.sql("select deactivated from staff_account where username = ?")
                    .param(username)
                    .query(Boolean.class)
                    .optional()
                    .<Activation>map(state -> new Activation.Unchanged(username, state))
                    .orElseGet(() -> new Activation.NoSuchAccount(username));
        }
        audit.record(deactivated ? "ACCOUNT_DEACTIVATED" : "ACCOUNT_REACTIVATED", username, "");
        return new Activation.Changed(username, deactivated);
    }

    /**
     * Makes exactly the operators in {@code operators} work for {@code centreId}: the centre is added to those that lack
     * it and removed from every other operator. Each account that changes is audited once as
     * {@code ACCOUNT_CENTRES_CHANGED}. Names that are not operators are ignored.
     *
     * @return the operators whose centres changed
     */
    @Transactional
    public List<String> assignOperators(String centreId, Set<String> operators) {
        String[] chosen = operators.toArray(String[]::new);
        List<String> changed = jdbc.sql("""
                        update staff_account set centre_ids = case
                                when username = any(:chosen) then array_append(centre_ids, :centre)
                                else array_remove(centre_ids, :centre) end
                        where role = 'OPERATOR'
                          and ((username = any(:chosen) and not (:centre = any(centre_ids)))
                               or (not (username = any(:chosen)) and :centre = any(centre_ids)))
                        returning username, :centre = any(centre_ids)
                        """)
                .param("chosen", chosen)
                .param("centre", centreId)
                .query((rs, n) -> (rs.getBoolean(2) ? "+" : "-") + rs.getString(1))
                .list();
        for (String change : changed) {
            audit.record(
                    "ACCOUNT_CENTRES_CHANGED",
                    change.substring(1),
                    (change.startsWith("+") ? "added " : "removed ") + centreId);
        }
        return changed.stream().map(change -> change.substring(1)).toList();
    }

    /** Every account with its sign-in state, by name. */
    @Transactional(readOnly = true)
    public List<AccountOverview> overview() {
        return jdbc.sql("""
                        select username, role, centre_ids, deactivated, must_change_password
                        from staff_account order by username
                        """)
                .query((rs, n) -> new AccountOverview(
                        rs.getString(1),
                        Role.valueOf(rs.getString(2)),
                        Set.copyOf(Arrays.asList((String[]) rs.getArray(3).getArray())),
                        rs.getBoolean(4),
                        rs.getBoolean(5)))
                .list();
    }

    /** 16 characters from an alphabet without look-alikes (no 0/o, 1/l/i), in groups of four: 79 bits. */
    public static String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(TEMPORARY_ALPHABET.charAt(RANDOM.nextInt(TEMPORARY_ALPHABET.length())));
        }
        return password.toString();
    }

    @Transactional(readOnly = true)
    public List<StaffAccount> list() {
        return jdbc.sql("select username, role, centre_ids from staff_account order by username")
                .query((rs, n) -> new StaffAccount(
                        rs.getString(1), Role.valueOf(rs.getString(2)), Set.copyOf(Arrays.asList((String[])
                                rs.getArray(3).getArray()))))
                .list();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("""
                        select username, password_hash, role, centre_ids, must_change_password, deactivated
                        from staff_account where username = ?
                        """)
                .param(username)
                .query((rs, n) -> {
                    List<String> authorities =
                            new ArrayList<>(authorities(Role.valueOf(rs.getString(3)), Arrays.asList((String[])
                                    rs.getArray(4).getArray())));
                    if (rs.getBoolean(5)) {
                        authorities.add(PASSWORD_CHANGE_REQUIRED);
                    }
                    return (UserDetails) User.withUsername(rs.getString(1))
                            .password(rs.getString(2))
                            .authorities(AuthorityUtils.createAuthorityList(authorities))
                            .disabled(rs.getBoolean(6))
                            .build();
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown staff account"));
    }

    /** The authorities of a role and its centres: {@code ROLE_x} and {@code CENTRE_<id>}, as the API checks them. */
    public static List<String> authorities(Role role, Collection<String> centreIds) {
        List<String> authorities = new ArrayList<>();
        authorities.add("ROLE_" + role.name());
        centreIds.forEach(centre -> authorities.add("CENTRE_" + centre));
        return authorities;
    }
}
