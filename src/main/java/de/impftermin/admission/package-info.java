/**
 * The waiting room in front of the booking path. A ticket is a signed token carrying its queue number; position and
 * ETA are computed from it, so polling costs no database write. An admitted ticket gets a short-lived signed
 * admission pass that the hold endpoint requires. Without a rush a new ticket is admitted at once. The operator's
 * rate caps the admission; an adaptive queue admits at a rate in effect below it that follows what the booking path
 * manages ({@code AdmissionControl}), because admitting more only turns the admitted into {@code 503}s.
 */
@NullMarked
package de.impftermin.admission;

import org.jspecify.annotations.NullMarked;
