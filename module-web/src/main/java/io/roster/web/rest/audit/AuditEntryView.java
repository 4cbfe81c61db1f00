package io.roster.web.rest.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.roster.api.audit.AuditEntry;
import io.roster.api.security.CallerKind;
import io.roster.api.security.Source;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit entry as JSON; {@code changes} is the recorded JSON object itself. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntryView(
        String id,
        long sequence,
        Instant occurredAt,
        String actorId,
        CallerKind actorKind,
        String actorName,
        Source source,
        String action,
        String entityType,
        String entityId,
        String memberId,
        String orgUnitId,
        String requestId,

        @JsonRawValue
        @Schema(
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                description = "field → {from, to} for changes; the record for creations")
        String changes,

        String hash) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(
                e.id(),
                e.sequence(),
                e.occurredAt(),
                e.actorId(),
                e.actorKind(),
                e.actorName(),
                e.source(),
                e.action(),
                e.entityType(),
                e.entityId(),
                e.memberId(),
                e.orgUnitId(),
                e.requestId(),
                e.changes(),
                e.hash());
    }
}
