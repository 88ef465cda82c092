/**
 * The waiting room in front of the booking path. A ticket is a signed token carrying its queue number; position and
 * ETA are computed from it, so polling costs no database write. An admitted ticket gets a short-lived signed
 * admission pass that the hold endpoint requires. Without a rush a new ticket is admitted at once.
 */
@NullMarked
package de.impftermin.admission;

import org.jspecify.annotations.NullMarked;
