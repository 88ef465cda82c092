/** Plain-Java rules of the inventory: how seats are paired into series. No Spring, no JDBC. */
@NullMarked
package de.impftermin.inventory.domain;

import org.jspecify.annotations.NullMarked;
