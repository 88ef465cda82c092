package de.impftermin.centres;

/** The state office reopened a closed centre; published inside the reopening transaction, like {@link CentreClosed}. */
public record CentreReopened(String centreId) {}
