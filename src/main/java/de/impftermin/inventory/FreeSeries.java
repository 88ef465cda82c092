package de.impftermin.inventory;

import de.impftermin.shared.Channel;
import de.impftermin.shared.Vaccine;
import java.time.LocalDate;

/** How many series are free at a centre on a 1st-dose day, per vaccine and channel, in open releases. */
public record FreeSeries(String centreId, LocalDate day, Vaccine vaccine, Channel channel, int free) {}
