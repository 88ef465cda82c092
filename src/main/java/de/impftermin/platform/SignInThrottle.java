package de.impftermin.platform;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins counted per account and per client address in PostgreSQL, so that every instance behind the load
 * balancer sees the same counts. A key is locked while it has too many failures within the window (see
 * {@link StaffProperties.Lockout}); attempts refused because of a lock are not counted, so a lock ends one window after
 * the failure that caused it. The check is not atomic with the attempt: guesses racing in parallel at the threshold
 * each get their try, a handful more at most, each costing the attacker a bcrypt comparison; a lock row per account
 * would close that gap at the price of a write on every sign-in.
 */
@Component
class SignInThrottle {

    static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final StaffProperties.Lockout lockout;

    SignInThrottle(JdbcClient jdbc, StaffProperties properties) {
        this.jdbc = jdbc;
        this.lockout = properties.lockout();
    }

    /** Whether the account or the address has failed too often within the window. */
    @Transactional(readOnly = true)
    public boolean isLocked(String username, @Nullable String address) {
        Boolean locked = jdbc.sql("""
                        select (select count(*) from staff_login_failure
                                 where key_kind = 'ACCOUNT' and key_value = :account
                                   and at > now() - make_interval(secs => :window)) >= :accountFailures
                            or (select count(*) from staff_login_failure
                                 where key_kind = 'ADDRESS' and key_value = :address
                                   and at > now() - make_interval(secs => :window)) >= :addressFailures
                        """)
                .param("account", accountKey(username))
                .param("address", addressKey(address))
                .param("window", (double) lockout.window().toSeconds())
                .param("accountFailures", lockout.accountFailures())
                .param("addressFailures", lockout.addressFailures())
                .query(Boolean.class)
                .single();
        return Boolean.TRUE.equals(locked);
    }

    /**
     * Counts one failure against the account and the address, and forgets every failure that has left the window, so
     * the table holds at most one window's failures.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordFailure(String username, @Nullable String address) {
        forgetExpired();
        jdbc.sql("""
                        insert into staff_login_failure (key_kind, key_value)
                        values ('ACCOUNT', :account), ('ADDRESS', :address)
                        """)
                .param("account", accountKey(username))
                .param("address", addressKey(address))
                .update();
    }

    /**
     * Forgets every failure that has left the window: a username or client address is kept no longer than it can
     * count. Run by every failure, and by {@link #housekeeping} for the failures after which none came.
     */
    int forgetExpired() {
        return jdbc.sql("delete from staff_login_failure where at <= now() - make_interval(secs => :window)")
                .param("window", (double) lockout.window().toSeconds())
                .update();
    }

    /** Idempotent, so every instance may run it at the same time. */
    @Scheduled(fixedDelayString = "${impftermin.housekeeping.interval:5m}", initialDelayString = "1m")
    @Transactional
    public void housekeeping() {
        forgetExpired();
    }

    /** Usernames are lowercase; an attempt in capitals counts against the same account. */
    static String accountKey(String username) {
        String key = username.isBlank() ? "(blank)" : username.strip().toLowerCase(Locale.ROOT);
        return truncate(key);
    }

    private static String addressKey(@Nullable String address) {
        return address == null || address.isBlank() ? "(unknown)" : truncate(address);
    }

    static String truncate(String value) {
        return value.length() <= MAX_KEY_LENGTH ? value : value.substring(0, MAX_KEY_LENGTH);
    }
}
