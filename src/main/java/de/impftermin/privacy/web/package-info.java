/** The data-protection API of the citizen: their booking's data ({@code /personal-data}) and its erasure. */
@NullMarked
package de.impftermin.privacy.web;

import org.jspecify.annotations.NullMarked;
