/** The appointment on its day as plain Java: its states and which transitions it allows. */
@NullMarked
package de.impftermin.operations.domain;

import org.jspecify.annotations.NullMarked;
