package de.impftermin.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
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
 */
@Service
public class StaffAccounts implements UserDetailsService {

    public enum Role {
        ADMIN,
        OPERATOR,
        AGENT
    }

    /** A staff account as other modules see it. */
    public record StaffAccount(String username, Role role, Set<String> centreIds) {}

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ImpfterminProperties properties;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, ImpfterminProperties properties) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.properties = properties;
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

    @Transactional
    public StaffAccount create(String username, String password, Role role, Set<String> centreIds) {
        int created = jdbc.sql("""
                        insert into staff_account (username, password_hash, role, centre_ids)
                        values (:username, :hash, :role, :centres) on conflict do nothing
                        """)
                .param("username", username)
                .param("hash", passwords.encode(password))
                .param("role", role.name())
                .param("centres", centreIds.toArray(String[]::new))
                .update();
        if (created == 0) {
            throw new Refusal(HttpStatus.CONFLICT, "STAFF_ACCOUNT_EXISTS", "A staff account with this name exists.");
        }
        return new StaffAccount(username, role, centreIds);
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
        return jdbc.sql("select username, password_hash, role, centre_ids from staff_account where username = ?")
                .param(username)
                .query((rs, n) -> {
                    String[] centres = (String[]) rs.getArray(4).getArray();
                    String[] authorities = new String[centres.length + 1];
                    authorities[0] = "ROLE_" + rs.getString(3);
                    for (int i = 0; i < centres.length; i++) {
                        authorities[i + 1] = "CENTRE_" + centres[i];
                    }
                    return (UserDetails) User.withUsername(rs.getString(1))
                            .password(rs.getString(2))
                            .authorities(AuthorityUtils.createAuthorityList(authorities))
                            .build();
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown staff account"));
    }
}
