package de.impftermin.admission;

/** Whether anything is left to book for those waiting; when not, every waiting ticket is told so at once. */
@FunctionalInterface
interface SeriesLeft {

    boolean any();
}
