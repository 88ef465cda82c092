package de.impftermin.inventory;

import java.time.Instant;

/** A PHONE release's unbooked series became ONLINE; published exactly once per release. */
public record ReleaseSpilled(long releaseId, String centreId, Instant at) {}
