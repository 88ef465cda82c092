/** Value types every module speaks: vaccines and their dose intervals, time in Europe/Berlin, channels. */
@NullMarked
package de.impftermin.shared;

import org.jspecify.annotations.NullMarked;
