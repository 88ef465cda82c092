package de.impftermin.availability;

import java.util.List;

/**
 * One immutable version of the read side. {@code feedJson} is serialised once; {@code etag} depends only on the
 * data, so a client polling an unchanged feed gets 304s.
 */
public record Snapshot(long version, List<CentreSummary> centres, Feed feed, byte[] feedJson, String etag) {}
