package de.impftermin.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code impftermin.waiting-room.*}: the admission rate a fresh queue starts with (operators change it at run time),
 * how long an admission pass and a ticket stay valid, and how often each instance steps the shared counter.
 */
@ConfigurationProperties("impftermin.waiting-room")
public record WaitingRoomProperties(
        @DefaultValue("300") double rate,
        @DefaultValue("15m") Duration passValidity,
        @DefaultValue("12h") Duration ticketValidity,
        @DefaultValue("100ms") Duration step) {}
