/**
 * The state office's console: staff accounts for now (administrators, centre operators scoped to their centres,
 * hotline agents). Only administrators use it. Accounts and their password hashes live in the platform's
 * {@link de.impftermin.platform.StaffAccounts}; this module is the HTTP face that creates and lists them, and that
 * lets administrators read the audit log ({@link de.impftermin.platform.AuditLog}).
 */
@NullMarked
package de.impftermin.administration;

import org.jspecify.annotations.NullMarked;
