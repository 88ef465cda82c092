package de.impftermin.operations;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A cancelled day as a job: {@code RUNNING} until every booking of the day was moved or cancelled, then {@code DONE}.
 *
 * @param notified persons told (each person of a household once)
 */
public record DayCancellationJob(
        UUID id, String centreId, LocalDate day, Status status, int moved, int cancelled, int notified) {

    public enum Status {
        RUNNING,
        DONE
    }
}
