/**
 * The audit trail: who read or changed whose data, when and through what. Start at
 * {@link io.roster.api.audit.AuditService}; {@link io.roster.api.audit.AuditService#verify()} checks its hash chain.
 */
package io.roster.api.audit;
