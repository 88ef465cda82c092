/** The centre day's HTTP edge: JSON and CSV for the API, the centre console's pages. */
@NullMarked
package de.impftermin.operations.web;

import org.jspecify.annotations.NullMarked;
