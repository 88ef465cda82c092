package de.impftermin.inventory;

import static de.impftermin.platform.SqlTimes.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvitationRepository {

    /** A stored invitation as a hold reads it. */
    record Stored(
            long releaseId,
            int householdSize,
            @Nullable Long bookingId,
            @Nullable String holdSubject,
            @Nullable Instant holdExpiresAt) {

        /** Booked, or held by someone else whose hold is still live. */
        boolean usedAgainst(String subject, Instant now) {
            return bookingId != null
                    || (holdExpiresAt != null && holdExpiresAt.isAfter(now) && !subject.equals(holdSubject));
        }
    }

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the hashes; answers how many were new (a repeated hash, which 64 bits make unheard of, is skipped). */
    int insert(long releaseId, int householdSize, List<String> hashes) {
        return jdbc.sql("""
                        insert into invitation (code_hash, release_id, household_size)
                        select h, :release, :size from unnest(cast(:hashes as text[])) as h
                        on conflict (code_hash) do nothing
                        """)
                .param("release", releaseId)
                .param("size", householdSize)
                .param("hashes", hashes.toArray(String[]::new))
                .update();
    }

    Optional<Stored> find(String hash) {
        return jdbc.sql("""
                        select release_id, household_size, booking_id, hold_subject, hold_expires_at
                        from invitation where code_hash = ?
                        """)
                .param(hash)
                .query((rs, n) -> new Stored(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getObject(3, Long.class),
                        rs.getString(4),
                        rs.getObject(5, java.time.OffsetDateTime.class) == null
                                ? null
                                : rs.getObject(5, java.time.OffsetDateTime.class)
                                        .toInstant()))
                .optional();
    }

    /**
     * Claims the code for a hold in one guarded update: only while it is not booked and not under another subject's
     * live hold. Two holds racing for one code: the row lock orders them, and the second finds the guard false.
     */
    boolean claim(String hash, UUID holdId, String subject, Instant expiresAt, Instant now) {
        return jdbc.sql("""
                                update invitation set hold_id = :hold, hold_subject = :subject, hold_expires_at = :expires
                                where code_hash = :hash and booking_id is null
                                  and (hold_expires_at is null or hold_expires_at <= :now or hold_subject = :subject)
                                """)
                        .param("hold", holdId)
                        .param("subject", subject)
                        .param("expires", utc(expiresAt))
                        .param("now", utc(now))
                        .param("hash", hash)
                        .update()
                == 1;
    }

    /** Marks the code of a confirmed hold as used by the booking. */
    void use(UUID holdId, long bookingId, Instant now) {
        jdbc.sql(
                        "update invitation set booking_id = :booking, used_at = :now where hold_id = :hold and booking_id is null")
                .param("booking", bookingId)
                .param("now", utc(now))
                .param("hold", holdId)
                .update();
    }

    /** Codes of a release: issued and used. */
    long[] counts(long releaseId) {
        return jdbc.sql("select count(*), count(booking_id) from invitation where release_id = ?")
                .param(releaseId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }
}
