package de.impftermin.verification;

import static de.impftermin.platform.SqlTimes.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VerificationRepository {

    record Stored(
            UUID id,
            ContactAddress address,
            byte[] codeHash,
            Instant expiresAt,
            int failedTries,
            @Nullable Instant confirmedAt) {}

    private final JdbcClient jdbc;

    VerificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long sentTo(String address, Instant since) {
        return jdbc.sql("select count(*) from verification where address = ? and created_at > ?")
                .params(address, utc(since))
                .query(Long.class)
                .single();
    }

    long requestedBy(String client, Instant since) {
        return jdbc.sql("select count(*) from verification where client = ? and created_at > ?")
                .params(client, utc(since))
                .query(Long.class)
                .single();
    }

    void insert(UUID id, ContactAddress address, byte[] codeHash, String client, Instant expiresAt) {
        jdbc.sql("""
                        insert into verification (id, channel, address, code_hash, client, expires_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        address.channel().name(),
                        address.value(),
                        codeHash,
                        client,
                        utc(expiresAt),
                        utc(expiresAt.minus(Verifications.CODE_VALIDITY)))
                .update();
    }

    Optional<Stored> lock(UUID id) {
        return jdbc.sql("""
                        select id, channel, address, code_hash, expires_at, failed_tries, confirmed_at
                        from verification where id = ? for update
                        """)
                .param(id)
                .query((rs, n) -> {
                    OffsetDateTime confirmed = rs.getObject(7, OffsetDateTime.class);
                    return new Stored(
                            rs.getObject(1, UUID.class),
                            new ContactAddress(
                                    de.impftermin.notifications.MessageChannel.valueOf(rs.getString(2)),
                                    rs.getString(3)),
                            rs.getBytes(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(),
                            rs.getInt(6),
                            confirmed == null ? null : confirmed.toInstant());
                })
                .optional();
    }

    void countWrongCode(UUID id) {
        jdbc.sql("update verification set failed_tries = failed_tries + 1 where id = ?")
                .param(id)
                .update();
    }

    int deleteSentBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                        delete from verification
                        where id in (select id from verification where created_at < ?
                                     order by created_at limit ? for update skip locked)
                        """).params(utc(cutoff), batch).update();
    }

    void markConfirmed(UUID id, Instant at) {
        jdbc.sql("update verification set confirmed_at = ? where id = ?")
                .params(utc(at), id)
                .update();
    }
}
