package de.impftermin.inventory.domain;

import org.jspecify.annotations.Nullable;

/** One series: a 1st-dose seat and, for a two-dose vaccine, its 2nd-dose seat. */
public record SeatPair(FreeSeat first, @Nullable FreeSeat second) {}
