package de.impftermin.waitlist;

import static de.impftermin.platform.SqlTimes.utc;

import de.impftermin.booking.Contact;
import de.impftermin.booking.PersonDetails;
import de.impftermin.eligibility.EligibilityRule;
import de.impftermin.platform.SqlArrays;
import de.impftermin.shared.Language;
import de.impftermin.shared.Vaccine;
import de.impftermin.waitlist.domain.Offer;
import de.impftermin.waitlist.domain.Registration;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the waitlist: registrations, the line, offers. */
@Repository
class WaitlistRepository {

    private static final String COLUMNS = """
            w.id, w.token_hash, w.status, w.first_names, w.last_names, w.birth_dates, w.postal_codes, w.centre_ids,
            w.vaccine, w.contact_phone, w.contact_email, w.language, w.waiting_since, w.missed_offers, w.booking_code,
            o.hold_id, o.centre_id, o.made_at, o.expires_at
            """;
    private static final String FROM = """
            from waitlist_registration w
            left join waitlist_offer o on o.registration_id = w.id and o.state = 'LIVE'
            """;

    private final JdbcClient jdbc;

    WaitlistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WaitingPeople waitingFor(String centreId, EligibilityRule rule) {
        return jdbc.sql("""
                        select count(*),
                               count(*) filter (where (cast(:after as date) is null or p.birth_date >= :after)
                                                  and (cast(:before as date) is null or p.birth_date <= :before)
                                                  and (cardinality(:prefixes) = 0
                                                       or exists (select 1 from unnest(:prefixes) x(prefix)
                                                                  where starts_with(p.postal_code, x.prefix))))
                        from waitlist_registration r, unnest(r.birth_dates, r.postal_codes) p(birth_date, postal_code)
                        where r.status = 'WAITING' and r.centre_ids @> array[cast(:centre as text)]
                        """)
                .param("after", rule.bornOnOrAfter())
                .param("before", rule.bornOnOrBefore())
                .param(
                        "prefixes",
                        SqlArrays.of("text", rule.postalCodePrefixes().toArray()))
                .param("centre", centreId)
                .query((rs, n) -> new WaitingPeople(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    void insert(UUID id, String tokenHash, RegistrationRequest request, Instant now) {
        List<PersonDetails> persons = request.persons();
        jdbc.sql("""
                        insert into waitlist_registration (id, token_hash, status, first_names, last_names,
                            birth_dates, postal_codes, centre_ids, vaccine, contact_phone, contact_email, language,
                            waiting_since)
                        values (:id, :hash, 'WAITING', :first, :last, :births, :postal, :centres, :vaccine, :phone,
                            :email, :language, :now)
                        """)
                .param("id", id)
                .param("hash", tokenHash)
                .param("first", texts(persons, PersonDetails::firstName))
                .param("last", texts(persons, PersonDetails::lastName))
                .param(
                        "births",
                        SqlArrays.of(
                                "date",
                                persons.stream()
                                        .map(p -> p.birthDate().toString())
                                        .toArray()))
                .param("postal", texts(persons, PersonDetails::postalCode))
                .param("centres", SqlArrays.of("text", request.centreIds().toArray()))
                .param(
                        "vaccine",
                        request.vaccine() == null ? null : request.vaccine().id())
                .param("phone", request.contact().phone())
                .param("email", request.contact().email())
                .param("language", request.contact().language().code())
                .param("now", utc(now))
                .update();
    }

    Optional<Entry> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where w.id = ?")
                .param(id)
                .query(WaitlistRepository::entry)
                .optional();
    }

    /** The registration, locked for this transaction: its transitions are decided on what is read here. */
    Optional<Entry> lock(UUID id) {
        jdbc.sql("select 1 from waitlist_registration where id = ? for update")
                .param(id)
                .query(Integer.class)
                .optional();
        return find(id);
    }

    /** The centres anyone waits for. */
    List<String> wantedCentres() {
        return jdbc.sql("select distinct unnest(centre_ids) from waitlist_registration where status = 'WAITING'")
                .query(String.class)
                .list();
    }

    /**
     * The next {@code limit} waiting registrations for any of these centres after {@code (since, id)} in line, locked,
     * skipping those another engine has locked (they are being offered to right now).
     */
    List<Entry> claimWaiting(String[] centres, @Nullable Instant since, @Nullable UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                        from waitlist_registration w
                        left join waitlist_offer o on false
                        where w.status = 'WAITING' and w.centre_ids && :centres
                          and (w.waiting_since, w.id) > (:since, :after)
                        order by w.waiting_since, w.id
                        limit :limit
                        for update of w skip locked
                        """)
                .param("centres", SqlArrays.of("text", (Object[]) centres))
                .param("since", utc(since == null ? Instant.EPOCH : since))
                .param("after", after == null ? new UUID(0, 0) : after)
                .param("limit", limit)
                .query(WaitlistRepository::entry)
                .list();
    }

    /** Registrations whose live offer has passed its deadline, locked, skipping those being handled elsewhere. */
    List<UUID> claimExpired(Instant now, int limit) {
        return jdbc.sql("""
                        select w.id from waitlist_registration w
                        join waitlist_offer o on o.registration_id = w.id and o.state = 'LIVE'
                        where o.expires_at <= :now
                        order by o.expires_at
                        limit :limit
                        for update of w skip locked
                        """)
                .param("now", utc(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** How many wait ahead of this registration for any of the same centres, plus one. */
    int position(UUID id) {
        return jdbc.sql("""
                        select count(*) + 1 from waitlist_registration o, waitlist_registration me
                        where me.id = ? and o.status = 'WAITING' and o.centre_ids && me.centre_ids
                          and (o.waiting_since, o.id) < (me.waiting_since, me.id)
                        """).param(id).query(Integer.class).single();
    }

    void insertOffer(UUID registrationId, Offer offer) {
        jdbc.sql("""
                        insert into waitlist_offer (registration_id, hold_id, centre_id, state, made_at, expires_at)
                        values (?, ?, ?, 'LIVE', ?, ?)
                        """)
                .params(registrationId, offer.holdId(), offer.centreId(), utc(offer.madeAt()), utc(offer.expiresAt()))
                .update();
    }

    void endOffer(UUID holdId, String state) {
        jdbc.sql("update waitlist_offer set state = ? where hold_id = ? and state = 'LIVE'")
                .params(state, holdId)
                .update();
    }

    /**
     * Writes the registration's state; back in line means at the end ({@code waitingSince} = now): an offer missed
     * must not come straight back to the same registration ahead of everyone else. An ended registration (booked,
     * withdrawn, ended) records when it ended: its retention counts from then.
     */
    void save(Registration registration, boolean backOfLine, @Nullable String bookingCode, Instant now) {
        jdbc.sql("""
                        update waitlist_registration
                        set status = :status, missed_offers = :missed,
                            waiting_since = case when :back then :now else waiting_since end,
                            booking_code = coalesce(:code, booking_code),
                            closed_at = case when :status in ('BOOKED', 'WITHDRAWN', 'ENDED')
                                             then coalesce(closed_at, :now) end
                        where id = :id
                        """)
                .param("status", registration.status().name())
                .param("missed", registration.missedOffers())
                .param("back", backOfLine)
                .param("now", utc(now))
                .param("code", bookingCode)
                .param("id", registration.id())
                .update();
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        String[] first = strings(rs.getArray(4));
        String[] last = strings(rs.getArray(5));
        Object[] births = (Object[]) rs.getArray(6).getArray();
        String[] postal = strings(rs.getArray(7));
        List<PersonDetails> persons = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            persons.add(new PersonDetails(first[i], last[i], ((java.sql.Date) births[i]).toLocalDate(), postal[i]));
        }
        String vaccine = rs.getString(9);
        Offer offer = rs.getObject(16) == null
                ? null
                : new Offer(
                        rs.getObject(16, UUID.class),
                        rs.getString(17),
                        rs.getObject(18, OffsetDateTime.class).toInstant(),
                        rs.getObject(19, OffsetDateTime.class).toInstant());
        return new Entry(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                Registration.Status.valueOf(rs.getString(3)),
                persons,
                Arrays.asList(strings(rs.getArray(8))),
                vaccine == null ? null : Vaccine.fromJson(vaccine),
                new Contact(rs.getString(10), rs.getString(11), Language.fromJson(rs.getString(12))),
                rs.getObject(13, OffsetDateTime.class).toInstant(),
                rs.getInt(14),
                rs.getString(15),
                offer);
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    private static Object texts(List<PersonDetails> persons, Function<PersonDetails, String> field) {
        return SqlArrays.of("text", persons.stream().map(field).toArray());
    }
}
