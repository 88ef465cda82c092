package de.impftermin.inventory;

/** A release was created with its appointment pairs (it may open now or later). */
public record ReleaseScheduled(Release release) {}
