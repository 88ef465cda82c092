/** The call-back aggregate and its transitions, in plain Java. */
@NullMarked
package de.impftermin.hotline.domain;

import org.jspecify.annotations.NullMarked;
