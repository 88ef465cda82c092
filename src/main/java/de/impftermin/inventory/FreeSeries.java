package de.impftermin.inventory;

import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.LocalDate;

/** How many series of an open release are free at a centre on a 1st-dose day, per vaccine and channel. */
public record FreeSeries(String centreId, long releaseId, LocalDate day, Vaccine vaccine, Channel channel, int free) {}
