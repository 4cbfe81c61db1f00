package io.roster.api.audit;

import io.roster.api.common.Page;

/**
 * The audit trail: an append-only, hash-chained record of every write and of every read of a member's unmasked
 * contact details. Entries are written by the services themselves, in the transaction of what they record; this
 * interface only reads and verifies. Nothing, not even an administrator, can change or remove an entry through
 * Roster.
 */
public interface AuditService {

    /**
     * Entries matching the query, newest first, within the caller's scope (entries without an org unit, such as API
     * key changes, only for a caller who sees the whole organisation).
     *
     * @throws io.roster.api.error.ValidationException when a filter or the cursor is invalid
     * @throws io.roster.api.error.ForbiddenException without {@code AUDIT_READ}
     */
    Page<AuditEntry> query(AuditQuery query);

    /**
     * Walks the whole chain and reports every entry that was altered and every gap where entries were removed.
     *
     * @throws io.roster.api.error.ForbiddenException without {@code AUDIT_READ}, or for a caller restricted to part
     *     of the organisation (the chain spans all of it)
     */
    AuditVerification verify();
}
