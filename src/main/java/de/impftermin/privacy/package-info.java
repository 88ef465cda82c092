/**
 * Data protection (DSGVO, see {@code docs/privacy.md}): the retention job that deletes or anonymises every kind of
 * personal record when its period is over, and the citizen's access to and erasure of everything stored about their
 * booking. It owns no table: each module deletes its own rows through its API ({@code BookingRecords},
 * {@code MessageRecords}, {@code RegistrationRecords}, {@code CallBackRecords}, {@code Verifications},
 * {@code AuditLog}), in batches claimed with {@code SKIP LOCKED}, so that the job may run on every instance at once.
 */
@NullMarked
package de.impftermin.privacy;

import org.jspecify.annotations.NullMarked;
