/** The waiting room's rules as plain Java: the pre-queue shuffle and where a ticket stands. */
@NullMarked
package de.impftermin.admission.domain;

import org.jspecify.annotations.NullMarked;
