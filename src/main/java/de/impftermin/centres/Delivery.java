package de.impftermin.centres;

import de.impftermin.shared.Vaccine;
import java.time.LocalDate;

/** A confirmed vaccine delivery to a centre: the dose ledger's credit side. */
public record Delivery(long id, String centreId, Vaccine vaccine, int doses, LocalDate arrives) {}
