package de.impftermin.waitlist;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code impftermin.waitlist.*}.
 *
 * @param offerDuration how long an offer holds its series (2 h: long enough to read a message at work or after a
 *     nap, short enough that a missed offer costs the next person little; the same by night and day)
 * @param engineInterval the pause between two engine runs (the scheduled job's fixed delay, read there)
 * @param maxMissedOffers declined or expired offers after which a registration ends
 * @param linkBase where the links in offer messages point (the public address of the portal)
 */
@ConfigurationProperties("impftermin.waitlist")
public record WaitlistProperties(
        @DefaultValue("2h") Duration offerDuration,
        @DefaultValue("1s") Duration engineInterval,
        @DefaultValue("3") int maxMissedOffers,
        @DefaultValue("http://localhost:8080") String linkBase) {}
