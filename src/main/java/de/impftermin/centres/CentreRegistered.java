package de.impftermin.centres;

/** A centre was added to the region. */
public record CentreRegistered(Centre centre) {}
