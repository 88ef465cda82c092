/** The waitlist's HTTP edge: the JSON API ({@code /api/v1/waitlist}) and the citizen pages ({@code /warteliste}). */
@NullMarked
package de.impftermin.waitlist.web;

import org.jspecify.annotations.NullMarked;
