package de.impftermin.inventory;

/** What became of pausing, resuming or withdrawing a release. */
public sealed interface ReleaseChange {

    /** Changed as asked; {@code seriesWithdrawn} unbooked series were taken back (withdrawing only). */
    record Done(Release release, int seriesWithdrawn) implements ReleaseChange {}

    /** It already was in that state; nothing was written. */
    record Unchanged(Release release) implements ReleaseChange {}

    /** A withdrawn release cannot be resumed. */
    record Refused(Release release, String code) implements ReleaseChange {}

    record NotFound(long id) implements ReleaseChange {}
}
