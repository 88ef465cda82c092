package de.impftermin.platform;

/**
 * How hard the database-bound requests of this instance push against its concurrency limit, as running totals since
 * the start. A caller that wants to know how the last interval went keeps the previous totals and takes the
 * difference ({@link Pressure#minus}). The waiting room uses it to admit no faster than this node can book.
 */
public interface BookingPressure {

    Pressure totals();

    /**
     * Counts of database-bound requests.
     *
     * @param passed got a slot at once or within the delay target
     * @param delayed got a slot, but only after waiting longer than the delay target: the limit is nearly reached
     * @param refused found no slot within the maximum wait and were answered {@code 503}
     */
    record Pressure(long passed, long delayed, long refused) {

        public static final Pressure NONE = new Pressure(0, 0, 0);

        /** What happened since {@code earlier} totals were taken. */
        public Pressure minus(Pressure earlier) {
            return new Pressure(passed - earlier.passed, delayed - earlier.delayed, refused - earlier.refused);
        }
    }
}
