/**
 * The waiting room's rules as plain Java: the pre-queue shuffle, where a ticket stands and how the admission rate
 * follows the booking path.
 */
@NullMarked
package de.impftermin.admission.domain;

import org.jspecify.annotations.NullMarked;
