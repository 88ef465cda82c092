package de.impftermin.inventory;

/** Free appointment pairs of a centre changed; the availability snapshot refreshes soon. */
public record InventoryChanged(String centreId) {}
