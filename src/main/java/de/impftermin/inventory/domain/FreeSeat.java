package de.impftermin.inventory.domain;

import java.time.Instant;

/** A seat no pair uses yet. */
public record FreeSeat(long id, Instant startsAt) {}
