package de.impftermin.centres;

/**
 * The state office closed a centre. Published inside the closing transaction: inventory takes the centre's unbooked
 * series out of sale in the same transaction, so no booking can slip in after the close commits.
 */
public record CentreClosed(String centreId, String note) {}
